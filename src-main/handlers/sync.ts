// The queue, the sync itself, the error report and the activity log.
import type { HandlerGroup } from '../backend/registry';
import { exportErrors, listErrors } from '../domain/errorReport';
import { listLog } from '../domain/activityLog';
import { activitySummary } from '../store/syncLog';
import { requireConnection } from '../domain/connection';
import { previewQueueItem } from '../sync/preview';
import { approveQueueItems, cancelQueueItems, holdQueueItems, releaseQueueItems } from '../domain/queueActions';
import { listQueue } from '../store/queue';
import type { Scheduler } from '../sync/scheduler';

export function syncHandlers(scheduler: Scheduler): HandlerGroup {
  return {
    'queue:list': (input, ctx) => listQueue(ctx, input),
    'queue:preview': (input, ctx) => previewQueueItem(ctx, input.id),
    'queue:hold': (input, ctx) => holdQueueItems(ctx, input),
    'queue:release': (input, ctx) => releaseQueueItems(ctx, input),
    'queue:approve': (input, ctx) => approveQueueItems(ctx, input),
    'queue:cancel': (input, ctx) => cancelQueueItems(ctx, input),

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
