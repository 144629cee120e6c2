// The opt-in note on the Recruiterflow record when a synced contact replies: "Replied to <sequence>
// on <date>: <subject>". Notes have their own small queue (reply_notes), sent after each drain of the
// sync queue: a note waits until the contact's record exists (for an on-reply contact, right after
// the create), is retried with backoff when it fails, and never holds up the contact's own sync.
import type { Ctx } from '../backend/context';
import { activeConnection } from '../domain/connection';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError } from '../recruiterflow';
import { noteText } from '../domain/replyNotes';
import { findLink } from '../store/links';
import { dueNotes, noteFailed, noteRetryAt, noteSent } from '../store/replies';
import { backoffDelay, DEFAULT_BACKOFF } from '../sync/backoff';

const MAX_NOTE_ATTEMPTS = 8;

/** Sends every due note whose contact has a Recruiterflow record. Never throws. */
export async function sendDueNotes(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'random' | 'secrets' | 'sqlite'>,
): Promise<{ sent: number; failed: number }> {
  const active = activeConnection(ctx, undefined, { timeoutMs: 15_000 });
  const result = { sent: 0, failed: 0 };
  if (!active) return result;
  const now = ctx.clock.now();
  const due = dueNotes(ctx.sqlite, now);
  for (const note of due) {
    const link = findLink(ctx, active.account, note.email);
    if (!link) continue; // Not synced yet: the note waits for its record.
    try {
      const noteId = await active.client.addNote(link.type, link.id, noteText(ctx, note));
      noteSent(ctx.sqlite, note.id, noteId, ctx.clock.now());
      result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Offline or a refused key: every note would fail the same way; they wait, no attempt counted.
      if (error instanceof RecruiterflowError && (error.kind === 'network' || error.kind === 'unauthorized')) break;
      const attempts = note.attempts + 1;
      const transient = !(error instanceof RecruiterflowError) || error.retryable || error.kind === 'bad_response';
      if (transient && attempts < MAX_NOTE_ATTEMPTS) {
        const retryAfter = error instanceof RecruiterflowError ? error.retryAfterMs : null;
        noteRetryAt(
          ctx.sqlite,
          note.id,
          attempts,
          ctx.clock.now() + backoffDelay(DEFAULT_BACKOFF, attempts, ctx.random, retryAfter),
          message,
          ctx.clock.now(),
        );
      } else {
        noteFailed(ctx.sqlite, note.id, attempts, message, ctx.clock.now());
        result.failed += 1;
        logEvent(ctx, 'warn', 'mailbox.note_failed', `The reply note for ${note.email} could not be added: ${message}`, {
          email: note.email,
        });
      }
    }
  }
  return result;
}
