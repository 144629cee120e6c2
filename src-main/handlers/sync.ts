// The queue, the sync itself, the error report and the activity log.
import type { Ctx } from '../backend/context';
import type { HandlerGroup } from '../backend/registry';
import { exportErrors, listErrors } from '../domain/errorReport';
import { activitySummary, listLog } from '../store/syncLog';
import { requireConnection } from '../domain/connection';
import { previewQueueItem } from '../sync/preview';
import { approveItems, cancelItems, holdItems, listQueue, releaseItems } from '../store/queue';
import type { Scheduler } from '../sync/scheduler';

export function syncHandlers(scheduler: Scheduler): HandlerGroup {
  const queueChanged = (ctx: Ctx, changed: number) => {
    if (changed > 0) {
      ctx.events.emit('queue:changed', { reason: 'review' });
      ctx.events.emit('data:changed', { what: 'sequences' });
      ctx.wake();
    }
    return { changed };
  };
  return {
    'queue:list': (input, ctx) => listQueue(ctx, input),
    'queue:preview': (input, ctx) => previewQueueItem(ctx, input.id),
    'queue:hold': (input, ctx) => queueChanged(ctx, holdItems(ctx, input)),
    'queue:release': (input, ctx) => queueChanged(ctx, releaseItems(ctx, input)),
    'queue:approve': (input, ctx) => queueChanged(ctx, approveItems(ctx, input)),
    'queue:cancel': (input, ctx) => queueChanged(ctx, cancelItems(ctx, input)),

    'sync:run': (input, ctx) => {
      requireConnection(ctx);
      return scheduler.runNow(input.wait === undefined ? undefined : input.wait * 1000);
    },
    'sync:status': () => scheduler.status(),
    'sync:pause': () => {
      scheduler.pause();
      return scheduler.status();
    },
    'sync:resume': () => {
      scheduler.resume();
      return scheduler.status();
    },

    'errors:list': (input, ctx) => listErrors(ctx, input),
    'errors:export': (input, ctx) => exportErrors(ctx, input.format),
    'activity:summary': (input, ctx) => activitySummary(ctx, input.days),
    'log:list': (input, ctx) => listLog(ctx, input),
  };
}
