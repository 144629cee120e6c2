// What a reply does, wherever it was learnt (typed in, `replies record`, or read from the mailbox): it
// stamps each enrollment it counts for, and queues the on-reply ones still waiting for it. One place, so
// the mailbox and a hand-recorded reply can never disagree about what "waiting for a reply" means.
import type { Ctx } from '../backend/context';
import { markReplied, markReplyStageDue, type Enrollment } from '../store/enrollments';
import { enqueue } from '../store/queue';
import { activeConnection } from './connection';
import { settingsRow } from './settings';

type ReplyTarget = Pick<Enrollment, 'id' | 'userId' | 'state' | 'awaitingReply'>;

/** Must run inside a transaction. Returns how many enrollments it queued. */
export function triggerOnReply(ctx: Ctx, rows: ReplyTarget[], at: number): number {
  const connected = new Map<number, boolean>();
  let queued = 0;
  for (const row of rows) {
    markReplied(ctx.sqlite, row.id, at);
    // A synced candidate with a reply stage goes back in the queue: the engine's stage step moves it (once).
    const moveStage = markReplyStageDue(ctx.sqlite, row.id, at) && row.state === 'synced';
    if (!moveStage && (!row.awaitingReply || row.state !== 'awaiting_reply')) continue;
    if (!connected.has(row.userId)) connected.set(row.userId, activeConnection(ctx, row.userId) !== null);
    if (connected.get(row.userId)) queued += enqueue(ctx, [row.id], { held: settingsRow(ctx, row.userId).reviewBeforeSync });
  }
  return queued;
}
