// SQL of `rf_records`: what the links check read of each linked record (the links themselves are in
// links.ts, the check's changes in sync/linkChanges.ts).
import type { LinkedRecord, RecordJob } from '../../src-shared/contract';
import type { SyncAs } from '../../src-shared/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { rfLinks, rfRecords } from '../db/schema';

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
export function linkedRecordsOf(ctx: Pick<Ctx, 'db'>, account: string, email: string): LinkedRecord[] {
  const rows = ctx.db
    .select({ id: rfLinks.rfId, type: rfLinks.rfType, state: rfRecords.state, jobs: rfRecords.jobs, checkedAt: rfRecords.checkedAt })
    .from(rfLinks)
    .leftJoin(rfRecords, and(eq(rfRecords.account, rfLinks.account), eq(rfRecords.rfId, rfLinks.rfId)))
    .where(and(eq(rfLinks.account, account), eq(rfLinks.email, email)))
    .orderBy(rfLinks.rfType)
    .all();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    state: r.state ?? 'unchecked',
    jobs: r.jobs ? (JSON.parse(r.jobs) as RecordJob[]) : [],
    checkedAt: r.checkedAt,
  }));
}
