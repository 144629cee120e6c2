// SQL of `rf_records`: what the links check read of each linked record (the links themselves are in
// links.ts, the check's changes in sync/linkChanges.ts).
import type { LinkedRecord, RecordJob } from '../../src-shared/contract';
import type { SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import type { rfRecords } from '../db/schema';

type RecordRow = typeof rfRecords.$inferSelect;

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
