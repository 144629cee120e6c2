// What a reply does, wherever it was learnt (typed in, `replies record`, or read from the mailbox): it
// stamps each enrollment it counts for, and queues the on-reply ones still waiting for it. One place, so
// the mailbox and a hand-recorded reply can never disagree about what "waiting for a reply" means.
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { enqueue } from '../sync/queue';
import { activeConnection } from './connection';
import { markReplyStageDue } from '../store/enrollmentStages';
import { settingsRow } from './settings';

export interface ReplyTarget {
  id: number;
  user_id: number;
  state: string;
  awaiting_reply: number;
}

/** Must run inside a transaction. Returns how many enrollments it queued. */
export function triggerOnReply(ctx: Ctx, rows: ReplyTarget[], at: number): number {
  const stamp = statement(ctx.sqlite, 'update enrollments set replied_at = coalesce(replied_at, ?) where id = ?');
  const connected = new Map<number, boolean>();
  let queued = 0;
  for (const row of rows) {
    stamp.run(at, row.id);
    // A synced candidate with a reply stage goes back in the queue: the engine's stage step moves it (once).
    const moveStage = markReplyStageDue(ctx.sqlite, row.id, at) && row.state === 'synced';
    if (!moveStage && (row.awaiting_reply !== 1 || row.state !== 'awaiting_reply')) continue;
    if (!connected.has(row.user_id)) connected.set(row.user_id, activeConnection(ctx, row.user_id) !== null);
    if (connected.get(row.user_id)) queued += enqueue(ctx, [row.id], { held: settingsRow(ctx, row.user_id).reviewBeforeSync });
  }
  return queued;
}
