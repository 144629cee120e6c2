// What the recruiter does to queue items (hold, release, approve, cancel): the store's change, then the
// events and the wake-up that follow it (events come from the domain layer, never from handlers).
import type { Ctx } from '../backend/context';
import { approveItems, cancelItems, holdItems, releaseItems } from '../store/queue';

type Selection = Parameters<typeof holdItems>[1];
/** The queue's store, and the events and the wake-up that follow a change. */
type QueueCtx = Pick<Ctx, 'sqlite' | 'clock' | 'events' | 'wake'>;

function announced(ctx: Pick<Ctx, 'events' | 'wake'>, changed: number): { changed: number } {
  if (changed > 0) {
    ctx.events.emit('queue:changed', { reason: 'review' });
    ctx.events.emit('data:changed', { what: 'sequences' });
    ctx.wake();
  }
  return { changed };
}

export const holdQueueItems = (ctx: QueueCtx, sel: Selection) => announced(ctx, holdItems(ctx, sel));
export const releaseQueueItems = (ctx: QueueCtx, sel: Selection) => announced(ctx, releaseItems(ctx, sel));
export const approveQueueItems = (ctx: QueueCtx, sel: Selection) => announced(ctx, approveItems(ctx, sel));
export const cancelQueueItems = (ctx: QueueCtx, sel: Selection) => announced(ctx, cancelItems(ctx, sel));
