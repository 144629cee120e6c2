// The add's per-batch statements (domain/enroll.ts), gathered from the three tables' owners: one batch
// writes enrollments, their counts and their queue rows in one set-based transaction, which is what makes
// a million-contact add fast. Each statement's SQL lives in its table's module.
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import { AppError } from '../../src-shared/result';
import { batchCountStatements } from './enrollmentCounts';
import { enrollmentBatchStatements, type EnrollmentBatchStatements } from './enrollments';
import { batchQueueStatement } from './queue';

interface AddStatements extends EnrollmentBatchStatements {
  /** Runs one batch (see inBatch below). */
  inBatch: (sequenceId: number, userId: number, write: () => void) => void;
  /** Counts the batch's rows by state; null when nothing is flagged (countUsual takes the insert's count). */
  count: Database.Statement | null;
  countUsual: Database.Statement;
  queue: Database.Statement;
}

/** The add's per-batch statements (see enrollmentBatchStatements for the options). */
export function addStatements(db: Sqlite, options: { anyFlagged: boolean; parkDemo: boolean }): AddStatements {
  const parents = db
    .prepare('select (select 1 from sequences where id = ?) is not null and (select 1 from users where id = ?) is not null')
    .pluck();
  return {
    ...enrollmentBatchStatements(db, options),
    ...batchCountStatements(db, options.anyFlagged),
    queue: batchQueueStatement(db),
    inBatch: (sequenceId, userId, write) => inBatch(db, () => parents.get(sequenceId, userId) === 1, write),
  };
}

/**
 * One batch of an add: an immediate transaction whose writes are checked against their parents once
 * rather than row by row. Every row the batch writes takes its parents from inside the transaction: the
 * contacts are joined by id in the insert itself, the queue rows read the enrollments just inserted, and
 * the sequence and its owner are checked here, under the write lock that keeps any other writer (another
 * window, the command line) from removing them before the commit. So the per-row foreign key lookups (four
 * a contact: its contact, sequence, user, and its queue row's enrollment; about 8% of an add) could not
 * fail, and are left out. The pragma cannot change inside a transaction, so it is set around it, and
 * restored whatever happens.
 */
function inBatch(db: Sqlite, parentsExist: () => boolean, write: () => void): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (!parentsExist()) throw new AppError('unknown_sequence', 'The sequence was deleted while contacts were being added to it');
      write();
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
