// Replies (`replies`: read from the mailbox or recorded by hand) and the opt-in reply notes' own small
// queue (`reply_notes`): the SQL the domain and the mailbox share. The mailbox's scan still writes its
// checkpoints and messages in mailbox/ (one transaction per scanned batch).
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import { replies, type contacts, type replyNotes } from '../db/schema';
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

type ReplyRow = SqlRow<typeof replies>;
type NoteRow = SqlRow<typeof replyNotes>;

export type PendingNote = Pick<NoteRow, 'id'> & Pick<ReplyRow, 'contact_id' | 'at' | 'subject'> & Pick<SqlRow<typeof contacts>, 'email'>;

/** The notes still to send for an enrollment's contact, oldest reply first (the dry run shows them). */
export function pendingNotesOf(sqlite: Sqlite, enrollmentId: number): PendingNote[] {
  return sqlite
    .prepare<[number], PendingNote>(
      `select n.id, r.contact_id, r.at, r.subject, c.email from reply_notes n join replies r on r.id = n.reply_id join contacts c on c.id = r.contact_id
       where n.state = 'pending' and r.contact_id = (select contact_id from enrollments where id = ?) order by r.at`,
    )
    .all(enrollmentId);
}

/** The sequences a reply counted for (those its contact was in when it came), by name. */
export function sequencesOfReply(sqlite: Sqlite, contactId: number, at: number): string[] {
  return sqlite
    .prepare(
      'select s.name from enrollments e join sequences s on s.id = e.sequence_id where e.contact_id = ? and e.added_at <= ? order by s.name',
    )
    .pluck()
    .all(contactId, at + 999)
    .map(String);
}

/** Every contact whose mail bounced, once per enrollment, for the error export. */
export function bouncedReportRows(
  sqlite: Sqlite,
): { email: string; name: string; sequenceId: string; sequenceName: string; error: string; firstSeen: number }[] {
  return sqlite
    .prepare<[], ReturnType<typeof bouncedReportRows>[number]>(
      `select e.email, trim(c.first_name || ' ' || c.last_name) as name, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName,
              'Email bounced: ' || coalesce(nullif(b.subject, ''), 'delivery failed') as error, b.at as firstSeen
       from (select contact_id, max(at) as at, subject from replies where kind = 'bounce' group by contact_id) b
       join contacts c on c.id = b.contact_id join enrollments e on e.contact_id = c.id join sequences s on s.id = e.sequence_id
       order by e.id`,
    )
    .all();
}

/** A message read from the mailbox, as recorded. */
export interface MailboxReply {
  contactId: number;
  key: string;
  kind: 'reply' | 'auto_reply' | 'bounce';
  from: string;
  at: number;
  subject: string;
  snippet: string;
  returnAt: number | null;
}

/** A message without a Message-ID seen before (same contact, time, subject and kind)? */
export function sameMailboxReply(sqlite: Sqlite, m: MailboxReply): boolean {
  return (
    statement(sqlite, "select 1 from replies where contact_id = ? and at = ? and subject = ? and kind = ? and source = 'mailbox'").get(
      m.contactId,
      m.at,
      m.subject,
      m.kind,
    ) !== undefined
  );
}

/** Records a message once per key: its id, or null when the key was recorded already. */
export function insertMailboxReply(sqlite: Sqlite, m: MailboxReply, now: number): number | null {
  const inserted = statement(
    sqlite,
    `insert into replies (contact_id, kind, source, message_key, from_address, at, subject, snippet, return_at, recorded_at)
     values (?, ?, 'mailbox', ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
  ).run(m.contactId, m.kind, m.key, m.from, m.at, m.subject.slice(0, 500), m.snippet.slice(0, 200), m.returnAt, now);
  return inserted.changes === 0 ? null : Number(inserted.lastInsertRowid);
}

export type DueNote = Pick<NoteRow, 'id' | 'attempts' | 'reply_id'> &
  Pick<ReplyRow, 'contact_id' | 'at' | 'subject' | 'source'> &
  Pick<SqlRow<typeof contacts>, 'email'>;

/** Notes due now, oldest first, at most 200 a pass. */
export function dueNotes(sqlite: Sqlite, now: number): DueNote[] {
  return sqlite
    .prepare<[number], DueNote>(
      `select n.id, n.attempts, n.reply_id, r.contact_id, c.email, r.at, r.subject, r.source
       from reply_notes n join replies r on r.id = n.reply_id join contacts c on c.id = r.contact_id
       where n.state = 'pending' and n.next_attempt_at <= ? order by n.id limit 200`,
    )
    .all(now);
}

export function noteSent(sqlite: Sqlite, id: number, rfNoteId: number, now: number): void {
  statement(
    sqlite,
    "update reply_notes set state = 'done', rf_note_id = ?, attempts = attempts + 1, last_error = null, updated_at = ? where id = ?",
  ).run(rfNoteId, now, id);
}

export function noteRetryAt(sqlite: Sqlite, id: number, attempts: number, next: number, message: string, now: number): void {
  statement(sqlite, 'update reply_notes set attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? where id = ?').run(
    attempts,
    next,
    message,
    now,
    id,
  );
}

export function noteFailed(sqlite: Sqlite, id: number, attempts: number, message: string, now: number): void {
  statement(sqlite, "update reply_notes set state = 'failed', attempts = ?, last_error = ?, updated_at = ? where id = ?").run(
    attempts,
    message,
    now,
    id,
  );
}

/** How many replies, auto-replies and bounces the mailbox found, by kind. */
export function mailboxReplyCounts(ctx: Pick<Ctx, 'db'>): { kind: (typeof replies.$inferSelect)['kind']; n: number }[] {
  return ctx.db.select({ kind: replies.kind, n: count() }).from(replies).where(eq(replies.source, 'mailbox')).groupBy(replies.kind).all();
}

/** A contact's replies, newest first (the drawer and `replies list`; mailbox/queries.ts shapes them). */
export function repliesOfContact(
  sqlite: Sqlite,
  contactId: number,
): Pick<ReplyRow, 'kind' | 'source' | 'at' | 'subject' | 'from_address' | 'snippet' | 'return_at'>[] {
  return sqlite
    .prepare<[number], ReturnType<typeof repliesOfContact>[number]>(
      'select kind, source, at, subject, from_address, snippet, return_at from replies where contact_id = ? order by at desc, id desc',
    )
    .all(contactId);
}

/** Replies per UTC day and kind since `from` (ms), for the mailbox's chart. */
export function replyCountsByDay(sqlite: Sqlite, from: number): ({ day: number; n: number } & Pick<ReplyRow, 'kind'>)[] {
  return sqlite
    .prepare<[number], ReturnType<typeof replyCountsByDay>[number]>(
      'select (at / 86400000) * 86400000 as day, kind, count(*) as n from replies where at >= ? group by day, kind',
    )
    .all(from);
}
