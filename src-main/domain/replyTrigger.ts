// What a reply does, wherever it was learnt (typed in, `replies record`, or read from the mailbox): it
// stamps each enrollment it counts for, and queues the on-reply ones still waiting for it. One place, so
// the mailbox and a hand-recorded reply can never disagree about what "waiting for a reply" means.
import type { Ctx } from '../backend/context';
import { markReplied } from '../store/enrollments';
import { enqueue } from '../store/queue';
import { activeConnection } from './connection';
import { settingsRow } from './settings';

export interface ReplyTarget {
  id: number;
  user_id: number;
  state: string;
  awaiting_reply: number;
}

/** Must run inside a transaction. Returns how many enrollments it queued. */
export function triggerOnReply(ctx: Ctx, rows: ReplyTarget[], at: number): number {
  const connected = new Map<number, boolean>();
  let queued = 0;
  for (const row of rows) {
    markReplied(ctx.sqlite, row.id, at);
    if (row.awaiting_reply !== 1 || row.state !== 'awaiting_reply') continue;
    if (!connected.has(row.user_id)) connected.set(row.user_id, activeConnection(ctx, row.user_id) !== null);
    if (connected.get(row.user_id)) queued += enqueue(ctx, [row.id], { held: settingsRow(ctx, row.user_id).reviewBeforeSync });
  }
  return queued;
}
