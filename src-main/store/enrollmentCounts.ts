// Enrollments per sequence and state (`enrollment_counts`), so lists and totals read a handful of rows
// instead of counting a million. Triggers (drizzle/0001) follow state changes and deletions; the add counts
// its own rows (batchCountStatements). The reads, and the clean-up after sequences are deleted, are here.
import type { EnrollmentState } from '../../src-shared/domain';
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import type { enrollmentCounts } from '../db/schema';

type Count = typeof enrollmentCounts.$inferSelect;

/** Enrollments per state, over every sequence. */
export function countsPerState(sqlite: Sqlite): { state: string; n: number }[] {
  return sqlite.prepare<[], Pick<Count, 'state' | 'n'>>('select state, sum(n) as n from enrollment_counts group by state').all();
}

/** The non-zero counts of every sequence. */
export function countsPerSequence(sqlite: Sqlite): { id: number; state: EnrollmentState; n: number }[] {
  // `state` is one of the enrollment states: the add and the triggers copy it from enrollments.state.
  return sqlite
    .prepare<[], Pick<Count, 'n'> & { id: Count['sequenceId']; state: EnrollmentState }>(
      'select sequence_id as id, state, n from enrollment_counts where n > 0',
    )
    .all();
}

/** A sequence's enrollments, in these states (all of them when none are named). */
export function sequenceTotal(sqlite: Sqlite, sequenceId: number, states: readonly string[] | null): number {
  const inStates = states ? ` and state in (${states.map(() => '?').join(', ')})` : '';
  return Number(
    sqlite
      .prepare(`select coalesce(sum(n), 0) from enrollment_counts where sequence_id = ?${inStates}`)
      .pluck()
      .get(sequenceId, ...(states ?? [])),
  );
}

/** The counts of sequences that no longer exist go with them. */
export function dropCountsOfDeletedSequences(sqlite: Sqlite): void {
  sqlite.prepare('delete from enrollment_counts where sequence_id not in (select id from sequences)').run();
}

/**
 * The counts' part of the add's batch: by state from the batch's own rows when some are flagged (null
 * otherwise), else one row from the insert's own count (every new row has the usual state).
 */
export function batchCountStatements(
  db: Sqlite,
  anyFlagged: boolean,
): { count: Database.Statement | null; countUsual: Database.Statement } {
  const count = anyFlagged
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
  return { count, countUsual };
}
