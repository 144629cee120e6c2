// rf_pending_updates: the update an enrollment is about to send, written before the request so that a
// kill between Recruiterflow's answer and the log line cannot leave a change made but never logged.
import { z } from 'zod';
import type { FieldChange, SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import type { rfPendingUpdates } from '../db/schema';
import { statement } from '../db/statements';

type PendingRow = typeof rfPendingUpdates.$inferSelect;

export interface PendingUpdate {
  rfType: SyncAs;
  rfId: number;
  changes: FieldChange[];
}

const changesSchema = z.array(z.object({ field: z.string(), old: z.string(), new: z.string() }));

/** Records the planned update (replacing an older plan of this enrollment). */
export function savePendingUpdate(sqlite: Sqlite, at: number, enrollmentId: number, plan: PendingUpdate): void {
  statement(
    sqlite,
    `insert into rf_pending_updates (enrollment_id, rf_type, rf_id, changes, planned_at) values (?, ?, ?, ?, ?)
     on conflict (enrollment_id) do update set rf_type = excluded.rf_type, rf_id = excluded.rf_id, changes = excluded.changes,
       planned_at = excluded.planned_at`,
  ).run(enrollmentId, plan.rfType, plan.rfId, JSON.stringify(plan.changes), at);
}

/** The update this enrollment planned and has not logged, if any. */
export function pendingUpdateOf(sqlite: Sqlite, enrollmentId: number): PendingUpdate | null {
  const row = statement<[number], PendingRow>(
    sqlite,
    'select enrollment_id as enrollmentId, rf_type as rfType, rf_id as rfId, changes, planned_at as plannedAt from rf_pending_updates where enrollment_id = ?',
  ).get(enrollmentId);
  if (!row) return null;
  const changes = changesSchema.safeParse(JSON.parse(row.changes));
  return { rfType: row.rfType, rfId: row.rfId, changes: changes.success ? changes.data : [] };
}

export function clearPendingUpdate(sqlite: Sqlite, enrollmentId: number): void {
  statement(sqlite, 'delete from rf_pending_updates where enrollment_id = ?').run(enrollmentId);
}
