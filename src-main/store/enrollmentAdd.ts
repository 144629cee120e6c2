// The add's per-batch statements (domain/enroll.ts), gathered from the three tables' owners: one batch
// writes enrollments, their counts and their queue rows in one set-based transaction, which is what makes
// a million-contact add fast. Each statement's SQL lives in its table's module.
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import { batchCountStatements } from './enrollmentCounts';
import { enrollmentBatchStatements, type EnrollmentBatchStatements } from './enrollments';
import { batchQueueStatement } from './queue';

interface AddStatements extends EnrollmentBatchStatements {
  /** Counts the batch's rows by state; null when nothing is flagged (countUsual takes the insert's count). */
  count: Database.Statement | null;
  countUsual: Database.Statement;
  queue: Database.Statement;
}

/** The add's per-batch statements (see enrollmentBatchStatements for the options). */
export function addStatements(db: Sqlite, options: { anyFlagged: boolean; parkDemo: boolean }): AddStatements {
  return { ...enrollmentBatchStatements(db, options), ...batchCountStatements(db, options.anyFlagged), queue: batchQueueStatement(db) };
}
