// The add's half of the enrollments store: the statements of adding contacts to a sequence
// (domain/enroll.ts), set-based over a JSON list of emails. One statement per batch writes the
// enrollments, their counts and their queue rows, which is what makes a million-contact add fast. They
// touch three tables (enrollments, enrollment_counts, sync_queue) because the batch is one set-based
// transaction: the one sanctioned exception to "one writer per table" (ARCHITECTURE.md).
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { enrollments } from '../db/schema';

interface AddStatements {
  insertEnrollments: Database.Statement;
  /** Counts the batch's rows by state; null when nothing is flagged (countUsual takes the insert's count). */
  count: Database.Statement | null;
  countUsual: Database.Statement;
  parkDemo: Database.Statement | null;
  queue: Database.Statement;
  flaggedSince: (before: number, sequenceId: number) => { email: string; error: string }[];
  maxId: () => number;
}

// `in (select ...)` over a constant list: SQLite builds an index over it once per statement.
const FLAGGED = 'c.email in (select value from json_each(@flagged))';
/** One field of this email's flag, from the @flags object (read only for flagged emails). */
const FLAG_FIELD = (field: 'code' | 'error' | 'evidence') =>
  `(select json_extract(f.value, '$.${field}') from json_each(@flags) f where f.key = c.email)`;

/** The emails of the JSON list already in this sequence. */
export function enrolledEmails(sqlite: Sqlite, sequenceId: number, list: string): string[] {
  return sqlite
    .prepare('select email from enrollments where sequence_id = ? and email in (select value from json_each(?))')
    .pluck()
    .all(sequenceId, list)
    .map(String);
}

/**
 * The add's per-batch statements. `anyFlagged`: some emails get a flag (nothing flagged, the usual case,
 * uses the same statement without the per-row flag tests). `parkDemo`: demo data is involved and the
 * connection is a real account, so the batch's demo enrollments are marked not synced.
 */
export function addStatements(db: Sqlite, options: { anyFlagged: boolean; parkDemo: boolean }): AddStatements {
  const isFlagged = (yes: string, no: string) => (options.anyFlagged ? `case when ${FLAGGED} then ${yes} else ${no} end` : no);
  const insertEnrollments = db.prepare(
    `insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id,
       cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, error, error_code, first_error_at, awaiting_reply, evidence,
       cap_owner_id, cap_stage, cap_reply_stage)
     select c.id, c.email, trim(c.first_name || ' ' || c.last_name), @sequenceId, @userId, @now, @mode, @syncAs, @jobId,
       @mappingVersion, @disabled, @dedup, @dedupChecked,
       ${isFlagged('@flaggedState', '@state')},
       ${isFlagged(FLAG_FIELD('error'), 'null')},
       ${isFlagged(FLAG_FIELD('code'), 'null')},
       ${isFlagged('@now', 'null')},
       ${isFlagged('@flaggedAwaiting', '@awaiting')},
       ${isFlagged(FLAG_FIELD('evidence'), 'null')},
       @ownerId, @stage, @replyStage
     from json_each(@ids) j join contacts c on c.id = j.value
     where true
     on conflict (contact_id, sequence_id) do nothing`,
  );
  // Counted here rather than by a per-row trigger (see enrollmentCounts in db/schema.ts). With nothing
  // flagged every new row has the usual state, and the insert's own count is the count.
  // The batch's rows are read by rowid range (`+` keeps the planner off the sequence's indexes, which
  // would walk every earlier enrollment of the sequence): they are the rows above the id before the batch.
  const count = options.anyFlagged
    ? db.prepare(
        `insert into enrollment_counts (sequence_id, state, n)
         select sequence_id, state, count(*) from enrollments where id > ? and +sequence_id = ? group by state
         on conflict (sequence_id, state) do update set n = n + excluded.n`,
      )
    : null;
  const countUsual = db.prepare(
    `insert into enrollment_counts (sequence_id, state, n) values (?, ?, ?)
     on conflict (sequence_id, state) do update set n = n + excluded.n`,
  );
  // Demo data never goes to a real account (after the counts: the state trigger then moves the count).
  const parkDemo = options.parkDemo
    ? db.prepare(
        `update enrollments set state = 'not_synced', error = @error, error_code = @code, awaiting_reply = 0
           where id > @before and +sequence_id = @sequenceId and state != 'sync_disabled'
             and (@demoSequence = 1 or contact_id in (select id from contacts where demo = 1))`,
      )
    : null;
  const queue = db.prepare(
    `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at)
     select id, ?, 0, ?, ?, ? from enrollments where id > ? and +sequence_id = ? and +state = 'queued'
     on conflict do nothing`,
  );
  // A flagged row always has its error (the flag's message).
  const flagged = db.prepare<[number, number], Pick<SqlRow<typeof enrollments>, 'email'> & { error: string }>(
    "select email, error from enrollments where id > ? and +sequence_id = ? and +state = 'flagged'",
  );
  const maxId = db.prepare('select coalesce(max(id), 0) from enrollments').pluck();
  return {
    insertEnrollments,
    count,
    countUsual,
    parkDemo,
    queue,
    flaggedSince: (before: number, sequenceId: number) => flagged.all(before, sequenceId),
    maxId: () => Number(maxId.get()),
  };
}
