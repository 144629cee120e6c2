// The two local changes the links check makes, each in one transaction over the tables' owners: a relink
// to a merge's survivor, and a record found deleted.
import type { SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import { markDeletedInRecruiterflow, relinkEnrollments } from '../store/enrollments';
import { dropDeletedRecord, relinkEmail } from '../store/links';
import { cancelWaitingOfRecord } from '../store/queue';

/** A record was merged away: the email's link (and its synced enrollments) now name the survivor. */
export function relink(sqlite: Sqlite, account: string, email: string, type: SyncAs, from: number, to: number): void {
  sqlite.transaction(() => {
    relinkEmail(sqlite, account, email, type, from, to);
    relinkEnrollments(sqlite, account, email, from, to);
  })();
}

/**
 * A record was deleted: the link and its job assignments go, the follow-up work queued for the record is
 * cancelled, and the email's synced enrollments are marked "Deleted in Recruiterflow" (Resync creates a new
 * record). Returns how many enrollments were marked.
 */
export function markDeleted(sqlite: Sqlite, account: string, email: string, type: SyncAs, id: number, message: string): number {
  return sqlite.transaction(() => {
    dropDeletedRecord(sqlite, account, email, type, id);
    // Before the enrollments change: the queue rows are found through the enrollments' record id.
    cancelWaitingOfRecord(sqlite, account, email, id);
    return markDeletedInRecruiterflow(sqlite, account, email, type, id, message);
  })();
}
