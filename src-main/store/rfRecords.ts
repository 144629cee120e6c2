// SQL of `rf_records` (what the links check read of each linked record) and of the link changes the
// check makes: a relink to a merge's survivor, and a link removed because its record was deleted.
import type { LinkedRecord, RecordJob } from '../../src-shared/contract';
import { DELETED_CODE, DELETED_IN_RECRUITERFLOW, DELETED_OTHER_ACCOUNT_CODE, type SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import { rfLinks, rfRecords } from '../db/schema';

type LinkRow = Pick<typeof rfLinks.$inferSelect, 'email' | 'rfId' | 'rfType'>;
type RecordRow = typeof rfRecords.$inferSelect;

/** Every link of the account, for the check. */
export function linksOf(sqlite: Sqlite, account: string): LinkRow[] {
  return sqlite
    .prepare('select email, rf_id as rfId, rf_type as rfType from rf_links where account = ? order by rf_id')
    .all(account) as LinkRow[];
}

export function saveRecord(
  sqlite: Sqlite,
  account: string,
  r: { id: number; type: SyncAs; state: 'present' | 'gone'; jobs: RecordJob[] },
  at: number,
): void {
  sqlite
    .prepare(
      `insert into rf_records (account, rf_id, rf_type, state, jobs, checked_at) values (?, ?, ?, ?, ?, ?)
       on conflict (account, rf_id) do update set rf_type = excluded.rf_type, state = excluded.state, jobs = excluded.jobs, checked_at = excluded.checked_at`,
    )
    .run(account, r.id, r.type, r.state, JSON.stringify(r.jobs), at);
}

/** A record was merged away: the email's link (and its synced enrollments) now name the survivor. */
export function relink(sqlite: Sqlite, account: string, email: string, type: SyncAs, from: number, to: number): void {
  sqlite.transaction(() => {
    sqlite
      .prepare('update rf_links set rf_id = ? where account = ? and email = ? and rf_type = ? and rf_id = ?')
      .run(to, account, email, type, from);
    sqlite.prepare('update enrollments set rf_id = ? where email = ? and rf_id = ? and rf_account = ?').run(to, email, from, account);
  })();
}

/**
 * A record was deleted: the link goes (a resync must create a new record, never reuse the id), its job
 * assignments go (the new record needs its own), and the email's synced enrollments are marked "Deleted in
 * Recruiterflow". Returns how many enrollments were marked.
 */
export function markDeleted(sqlite: Sqlite, account: string, email: string, type: SyncAs, id: number, message: string): number {
  return sqlite.transaction(() => {
    sqlite.prepare('delete from rf_links where account = ? and email = ? and rf_type = ? and rf_id = ?').run(account, email, type, id);
    sqlite.prepare('delete from rf_job_assignments where account = ? and rf_id = ?').run(account, id);
    const mine = 'email = ? and rf_id = ? and rf_account = ?';
    // Follow-up work queued for the record (an update, a stage move) has nothing left to act on.
    sqlite
      .prepare(
        `update sync_queue set state = 'cancelled' where state in ('pending', 'review', 'held', 'backoff')
         and enrollment_id in (select id from enrollments where ${mine})`,
      )
      .run(email, id, account);
    // synced_at and create_started_at go with the record: what they describe no longer exists.
    return sqlite
      .prepare(
        `update enrollments set state = 'not_synced', rf_id = null, synced_at = null, create_started_at = null,
         error = ?, error_code = ?, evidence = ? where ${mine}`,
      )
      .run(message, DELETED_CODE, JSON.stringify([{ type, id, name: '', emails: [email], matchedEmail: email }]), email, id, account)
      .changes;
  })();
}

/** What a contact whose record was deleted says (its error), from the record that is gone. */
export function deletedMessage(type: SyncAs, id: number, email: string): string {
  return `${DELETED_IN_RECRUITERFLOW}: ${type === 'candidate' ? 'Candidate' : 'Contact'} #${id} is gone and no record has ${email}`;
}

/**
 * On a change of account: a "Deleted in Recruiterflow" mark speaks of the account whose record was deleted.
 * While another account is connected it says so instead (the contact was never synced there; Resync sends
 * it); when that account is connected again, the mark is back as it was.
 */
export function followDeletedMarks(sqlite: Sqlite, userId: number, to: string): void {
  sqlite
    .prepare(
      `update enrollments set error_code = ?, error = 'Its record in another Recruiterflow account was deleted there; not synced to this one'
       where user_id = ? and state = 'not_synced' and error_code = ? and rf_account is not ?`,
    )
    .run(DELETED_OTHER_ACCOUNT_CODE, userId, DELETED_CODE, to);
  const back = sqlite
    .prepare(
      `select id, email, json_extract(evidence, '$[0].type') as type, json_extract(evidence, '$[0].id') as rfId from enrollments
       where user_id = ? and state = 'not_synced' and error_code = ? and rf_account = ?`,
    )
    .all(userId, DELETED_OTHER_ACCOUNT_CODE, to) as { id: number; email: string; type: SyncAs | null; rfId: number | null }[];
  const restore = sqlite.prepare('update enrollments set error_code = ?, error = ? where id = ?');
  for (const r of back) restore.run(DELETED_CODE, deletedMessage(r.type ?? 'candidate', r.rfId ?? 0, r.email), r.id);
}

/** The contact's linked records in the account, with what the last check read (the contact drawer). */
export function linkedRecordsOf(sqlite: Sqlite, account: string, email: string): LinkedRecord[] {
  const rows = sqlite
    .prepare(
      `select l.rf_id as id, l.rf_type as type, r.state as state, r.jobs as jobs, r.checked_at as checkedAt
       from rf_links l left join rf_records r on r.account = l.account and r.rf_id = l.rf_id
       where l.account = ? and l.email = ? order by l.rf_type`,
    )
    .all(account, email) as { id: number; type: SyncAs; state: RecordRow['state'] | null; jobs: string | null; checkedAt: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    state: r.state ?? 'unchecked',
    jobs: r.jobs ? (JSON.parse(r.jobs) as RecordJob[]) : [],
    checkedAt: r.checkedAt,
  }));
}
