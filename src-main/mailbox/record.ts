// Recording what the mailbox brought: once per message (the unique message key), only for contacts
// in a sequence, only for enrollments the message is not older than. A reply triggers every on-reply
// enrollment waiting for it, exactly as a reply recorded by hand does; auto-replies and bounces
// trigger nothing. Callers run these inside their own transaction (one per scanned batch).
import type { ReplyKind } from '../../src-shared/mailbox';
import type { Ctx } from '../backend/context';
import { triggerOnReply } from '../domain/replyTrigger';
import { replyTargetsOf } from '../store/enrollments';
import { insertMailboxReply, notesEnabled, queueNote, sameMailboxReply } from '../store/replies';

export interface IncomingMessage {
  contactId: number;
  /** The Message-ID, or `uid:<uidvalidity>:<uid>` when there is none. */
  key: string;
  kind: ReplyKind;
  from: string;
  at: number;
  subject: string;
  snippet: string;
  returnAt: number | null;
}

export type RecordOutcome = 'recorded' | 'duplicate' | 'older';

/** Must run inside a transaction. Returns what happened and how many enrollments it queued. */
export function recordIncoming(ctx: Ctx, m: IncomingMessage): { outcome: RecordOutcome; queued: number } {
  // A Date header has whole seconds: a message of the same second as the add is not older than it.
  const counted = replyTargetsOf(ctx.db, m.contactId).filter((e) => e.addedAt <= m.at + 999);
  // Mail older than every enrollment of the contact is earlier conversation, not a reply to a sequence.
  if (counted.length === 0) return { outcome: 'older', queued: 0 };
  if (m.key.startsWith('uid:')) {
    // No Message-ID: after a UIDVALIDITY change the same message comes back under a new UID.
    if (sameMailboxReply(ctx.sqlite, m)) return { outcome: 'duplicate', queued: 0 };
  }
  const replyId = insertMailboxReply(ctx.sqlite, m, ctx.clock.now());
  if (replyId === null) return { outcome: 'duplicate', queued: 0 };
  if (m.kind !== 'reply') return { outcome: 'recorded', queued: 0 };
  const queued = triggerOnReply(ctx, counted, m.at);
  if (notesEnabled(ctx)) queueNote(ctx.sqlite, replyId, ctx.clock.now());
  return { outcome: 'recorded', queued };
}

export function kindOf(row: { kind: string }): ReplyKind {
  return row.kind as ReplyKind;
}
