// The opt-in note on the Recruiterflow record when a synced contact replies: "Replied to <sequence>
// on <date>: <subject>". Notes have their own small queue (reply_notes), sent after each drain of the
// sync queue: a note waits until the contact's record exists (for an on-reply contact, right after
// the create), is retried with backoff when it fails, and never holds up the contact's own sync.
import type { PlannedRequest } from '../../src-shared/contract';
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { activeConnection } from '../domain/connection';
import { logEvent } from '../store/syncLog';
import { planAddNote, RecruiterflowError } from '../recruiterflow';
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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The note's text (HTML, as Recruiterflow stores notes), naming the sequences the reply counted for. */
function noteText(ctx: Ctx, note: { contact_id: number; at: number; subject: string }): string {
  const names = (
    statement(
      ctx.sqlite,
      'select s.name from enrollments e join sequences s on s.id = e.sequence_id where e.contact_id = ? and e.added_at <= ? order by s.name',
    ).all(note.contact_id, note.at + 999) as { name: string }[]
  ).map((r) => r.name);
  const day = new Date(note.at).toISOString().slice(0, 10);
  const subject = note.subject.trim() === '' ? '(recorded by hand)' : note.subject.trim();
  return escapeHtml(`Replied to ${names.join(', ') || 'a sequence'} on ${day}: ${subject}`);
}

/** The record an email is linked to in this account (links belong to the account they were made in). */
function linkOf(ctx: Ctx, account: string, email: string): { rf_id: number; rf_type: 'candidate' | 'contact' } | null {
  return (
    (statement(ctx.sqlite, 'select rf_id, rf_type from rf_links where account = ? and email = ?').get(account, email) as
      { rf_id: number; rf_type: 'candidate' | 'contact' } | undefined) ?? null
  );
}

/** The note requests the dry run shows for an enrollment's contact. */
export function plannedNotes(ctx: Ctx, enrollmentId: number, account: string | null, syncAs: 'candidate' | 'contact'): PlannedRequest[] {
  const rows = ctx.sqlite
    .prepare(
      `select n.id, r.contact_id, r.at, r.subject, c.email from reply_notes n join replies r on r.id = n.reply_id join contacts c on c.id = r.contact_id
       where n.state = 'pending' and r.contact_id = (select contact_id from enrollments where id = ?) order by r.at`,
    )
    .all(enrollmentId) as { id: number; contact_id: number; at: number; subject: string; email: string }[];
  return rows.map((row) => {
    const link = account ? linkOf(ctx, account, row.email) : null;
    const plan = planAddNote(link?.rf_type ?? syncAs, link?.rf_id ?? '<new id>', noteText(ctx, row));
    return {
      ...plan,
      note: 'The reply note (Settings → Mailbox: notes on), sent once the record exists; a failure here never holds up the sync',
    };
  });
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
    const link = linkOf(ctx, active.account, note.email);
    if (!link) continue; // Not synced yet: the note waits for its record.
    try {
      const noteId = await active.client.addNote(link.rf_type, link.rf_id, noteText(ctx, note));
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
