// Demo data never reaches a real Recruiterflow account: the checks the queue, the add and the engine share.
import type { Ctx } from '../backend/context';
import { isDemoForRealAccount, parkDemo } from '../store/enrollments';
import { cancelClaimed, cancelWaiting, waitingDemoItems } from '../store/queue';
import { connectionOf } from './connection';
import { currentUserRow } from './users';

/** Connected to a Recruiterflow that is not the built-in sandbox: demo data must stay out of it. */
export function connectedToRealAccount(ctx: Pick<Ctx, 'db'>, userId = currentUserRow(ctx).id): boolean {
  const row = connectionOf(ctx, userId);
  return row !== null && !row.sandbox;
}

/**
 * True when this enrollment is demo data (its contact or its sequence) and its owner's connection is a
 * real account: such work is never queued, and the engine never sends it.
 */
export function demoBlocked(ctx: Pick<Ctx, 'sqlite'>, enrollmentId: number): boolean {
  return isDemoForRealAccount(ctx.sqlite, enrollmentId);
}

/** Connected to a real account: queued demo work is cancelled and its enrollments say why. */
export function cancelDemoWork(ctx: Pick<Ctx, 'clock' | 'db' | 'sqlite'>, userId: number): number {
  if (!connectedToRealAccount(ctx, userId)) return 0;
  const ids = waitingDemoItems(ctx.sqlite, userId);
  ctx.sqlite.transaction(() => {
    for (const row of ids) {
      cancelWaiting(ctx.sqlite, row.id, ctx.clock.now());
      parkDemo(ctx.sqlite, row.enrollmentId);
    }
  })();
  return ids.length;
}

/** The engine's last line: a claimed demo item for a real account is cancelled, never sent. */
export function cancelDemoItem(ctx: Pick<Ctx, 'sqlite' | 'clock'>, queueId: number, enrollmentId: number): void {
  ctx.sqlite.transaction(() => {
    cancelClaimed(ctx.sqlite, queueId, ctx.clock.now());
    parkDemo(ctx.sqlite, enrollmentId);
  })();
}
