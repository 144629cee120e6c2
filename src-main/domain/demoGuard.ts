// Demo data never reaches a real Recruiterflow account: the checks the queue, the add and the engine share.
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { connectionOf } from './connection';
import { currentUserRow } from './users';

export const DEMO_CODE = 'demo';
export const DEMO_MESSAGE = 'Demo data is never sent to a real Recruiterflow account (only to the built-in Sandbox)';

/** Connected to a Recruiterflow that is not the built-in sandbox: demo data must stay out of it. */
export function connectedToRealAccount(ctx: Ctx, userId = currentUserRow(ctx).id): boolean {
  const row = connectionOf(ctx, userId);
  return row !== null && !row.sandbox;
}

/**
 * True when this enrollment is demo data (its contact or its sequence) and its owner's connection is a
 * real account: such work is never queued, and the engine never sends it.
 */
export function demoBlocked(ctx: Ctx, enrollmentId: number): boolean {
  return (
    statement(
      ctx.sqlite,
      `select 1 from enrollments e join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id
         join connections k on k.user_id = e.user_id
       where e.id = ? and (c.demo = 1 or s.demo = 1) and k.sandbox = 0`,
    ).get(enrollmentId) !== undefined
  );
}

/** Marks a blocked demo enrollment: not synced, with the reason (the caller holds the transaction). */
export function parkDemo(ctx: Ctx, enrollmentId: number): void {
  statement(ctx.sqlite, "update enrollments set state = 'not_synced', error = ?, error_code = ?, awaiting_reply = 0 where id = ?").run(
    DEMO_MESSAGE,
    DEMO_CODE,
    enrollmentId,
  );
}

/** Connected to a real account: queued demo work is cancelled and its enrollments say why. */
export function cancelDemoWork(ctx: Ctx, userId: number): number {
  if (!connectedToRealAccount(ctx, userId)) return 0;
  const ids = ctx.sqlite
    .prepare(
      `select q.id, q.enrollment_id as enrollmentId from sync_queue q join enrollments e on e.id = q.enrollment_id
         join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id
       where q.state in ('pending', 'review', 'held', 'backoff') and e.user_id = ? and (c.demo = 1 or s.demo = 1)`,
    )
    .all(userId) as { id: number; enrollmentId: number }[];
  const cancel = ctx.sqlite.prepare("update sync_queue set state = 'cancelled', updated_at = ? where id = ?");
  ctx.sqlite.transaction(() => {
    for (const row of ids) {
      cancel.run(ctx.clock.now(), row.id);
      parkDemo(ctx, row.enrollmentId);
    }
  })();
  return ids.length;
}

/** The engine's last line: a claimed demo item for a real account is cancelled, never sent. */
export function cancelDemoItem(ctx: Ctx, queueId: number, enrollmentId: number): void {
  ctx.sqlite.transaction(() => {
    statement(ctx.sqlite, "update sync_queue set state = 'cancelled', lease_owner = null, updated_at = ? where id = ?").run(
      ctx.clock.now(),
      queueId,
    );
    parkDemo(ctx, enrollmentId);
  })();
}
