// The opt-in note on the Recruiterflow record when a synced contact replies: "Replied to <sequence>
// on <date>: <subject>". Notes have their own small queue (reply_notes), sent after each drain of the
// sync queue: a note waits until the contact's record exists (for an on-reply contact, right after
// the create), is retried with backoff when it fails, and never holds up the contact's own sync.
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { activeConnection } from '../domain/connection';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError } from '../recruiterflow';
import { noteText } from '../domain/replyNotes';
import { findLink } from '../store/links';
import { backoffDelay, DEFAULT_BACKOFF } from '../sync/backoff';

interface DueNote {
  id: number;
  attempts: number;
  reply_id: number;
  contact_id: number;
  email: string;
  at: number;
  subject: string;
  source: string;
}

const MAX_NOTE_ATTEMPTS = 8;

/** Sends every due note whose contact has a Recruiterflow record. Never throws. */
export async function sendDueNotes(ctx: Ctx): Promise<{ sent: number; failed: number }> {
  const active = activeConnection(ctx, undefined, { timeoutMs: 15_000 });
  const result = { sent: 0, failed: 0 };
  if (!active) return result;
  const now = ctx.clock.now();
  const due = ctx.sqlite
    .prepare(
      `select n.id, n.attempts, n.reply_id, r.contact_id, c.email, r.at, r.subject, r.source
       from reply_notes n join replies r on r.id = n.reply_id join contacts c on c.id = r.contact_id
       where n.state = 'pending' and n.next_attempt_at <= ? order by n.id limit 200`,
    )
    .all(now) as DueNote[];
  const done = statement(
    ctx.sqlite,
    "update reply_notes set state = 'done', rf_note_id = ?, attempts = attempts + 1, last_error = null, updated_at = ? where id = ?",
  );
  const later = statement(
    ctx.sqlite,
    'update reply_notes set attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? where id = ?',
  );
  const failed = statement(
    ctx.sqlite,
    "update reply_notes set state = 'failed', attempts = ?, last_error = ?, updated_at = ? where id = ?",
  );
  for (const note of due) {
    const link = findLink(ctx, active.account, note.email);
    if (!link) continue; // Not synced yet: the note waits for its record.
    try {
      const noteId = await active.client.addNote(link.type, link.id, noteText(ctx, note));
      done.run(noteId, ctx.clock.now(), note.id);
      result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Offline or a refused key: every note would fail the same way; they wait, no attempt counted.
      if (error instanceof RecruiterflowError && (error.kind === 'network' || error.kind === 'unauthorized')) break;
      const attempts = note.attempts + 1;
      const transient = !(error instanceof RecruiterflowError) || error.retryable || error.kind === 'bad_response';
      if (transient && attempts < MAX_NOTE_ATTEMPTS) {
        const retryAfter = error instanceof RecruiterflowError ? error.retryAfterMs : null;
        later.run(
          attempts,
          ctx.clock.now() + backoffDelay(DEFAULT_BACKOFF, attempts, ctx.random, retryAfter),
          message,
          ctx.clock.now(),
          note.id,
        );
      } else {
        failed.run(attempts, message, ctx.clock.now(), note.id);
        result.failed += 1;
        logEvent(ctx, 'warn', 'mailbox.note_failed', `The reply note for ${note.email} could not be added: ${message}`, {
          email: note.email,
        });
      }
    }
  }
  return result;
}
