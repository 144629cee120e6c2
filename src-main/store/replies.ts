// Replies (`replies`: read from the mailbox or recorded by hand) and the opt-in reply notes' own small
// queue (`reply_notes`): the SQL the domain and the mailbox share. The mailbox's scan still writes its
// checkpoints and messages in mailbox/ (one transaction per scanned batch).
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { statement } from '../db/statements';
import { getMeta, setMeta } from './meta';

const NOTES_KEY = 'mailbox.notes';

/** Reply notes on: a reply queues a note for the contact's Recruiterflow record. */
export function notesEnabled(ctx: Pick<Ctx, 'sqlite'>): boolean {
  return getMeta(ctx, NOTES_KEY) === '1';
}

export function setNotesEnabled(ctx: Pick<Ctx, 'db'>, enabled: boolean): void {
  setMeta(ctx, NOTES_KEY, enabled ? '1' : null);
}

/** Queues the note of a reply (once: a second call for the same reply does nothing). */
export function queueNote(sqlite: Sqlite, replyId: number, now: number): void {
  statement(
    sqlite,
    "insert into reply_notes (reply_id, state, next_attempt_at, created_at, updated_at) values (?, 'pending', ?, ?, ?) on conflict do nothing",
  ).run(replyId, now, now, now);
}

/** A reply recorded by hand ("mark replied", `replies record`): listed with the others, marked manual. */
export function recordManualReplies(ctx: Pick<Ctx, 'sqlite' | 'clock'>, contactIds: Iterable<number>): void {
  const now = ctx.clock.now();
  const insert = statement(
    ctx.sqlite,
    "insert into replies (contact_id, kind, source, message_key, at, recorded_at) values (?, 'reply', 'manual', null, ?, ?)",
  );
  for (const contactId of new Set(contactIds)) {
    const id = Number(insert.run(contactId, now, now).lastInsertRowid);
    if (notesEnabled(ctx)) queueNote(ctx.sqlite, id, now);
  }
}

export interface PendingNote {
  id: number;
  contact_id: number;
  at: number;
  subject: string;
  email: string;
}

/** The notes still to send for an enrollment's contact, oldest reply first (the dry run shows them). */
export function pendingNotesOf(sqlite: Sqlite, enrollmentId: number): PendingNote[] {
  return sqlite
    .prepare(
      `select n.id, r.contact_id, r.at, r.subject, c.email from reply_notes n join replies r on r.id = n.reply_id join contacts c on c.id = r.contact_id
       where n.state = 'pending' and r.contact_id = (select contact_id from enrollments where id = ?) order by r.at`,
    )
    .all(enrollmentId) as PendingNote[];
}

/** The sequences a reply counted for (those its contact was in when it came), by name. */
export function sequencesOfReply(sqlite: Sqlite, contactId: number, at: number): string[] {
  return (
    statement(
      sqlite,
      'select s.name from enrollments e join sequences s on s.id = e.sequence_id where e.contact_id = ? and e.added_at <= ? order by s.name',
    ).all(contactId, at + 999) as { name: string }[]
  ).map((r) => r.name);
}

/** Every contact whose mail bounced, once per enrollment, for the error export. */
export function bouncedReportRows(
  sqlite: Sqlite,
): { email: string; name: string; sequenceId: string; sequenceName: string; error: string; firstSeen: number }[] {
  return sqlite
    .prepare(
      `select e.email, trim(c.first_name || ' ' || c.last_name) as name, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName,
              'Email bounced: ' || coalesce(nullif(b.subject, ''), 'delivery failed') as error, b.at as firstSeen
       from (select contact_id, max(at) as at, subject from replies where kind = 'bounce' group by contact_id) b
       join contacts c on c.id = b.contact_id join enrollments e on e.contact_id = c.id join sequences s on s.id = e.sequence_id
       order by e.id`,
    )
    .all() as { email: string; name: string; sequenceId: string; sequenceName: string; error: string; firstSeen: number }[];
}
