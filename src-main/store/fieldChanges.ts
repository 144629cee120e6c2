// rf_field_changes: every field an update changed in Recruiterflow, old and new value, under its log line.
import type { FieldChange, RecordFieldChange, SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import { statement } from '../db/statements';

export function insertFieldChanges(
  sqlite: Sqlite,
  at: number,
  logId: number,
  about: { enrollmentId: number; email: string; rfType: SyncAs; rfId: number },
  changes: FieldChange[],
): void {
  const insert = statement(
    sqlite,
    `insert into rf_field_changes (at, log_id, enrollment_id, email, rf_type, rf_id, field, old_value, new_value)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of changes) insert.run(at, logId, about.enrollmentId, about.email, about.rfType, about.rfId, c.field, c.old, c.new);
}

/** The changes recorded under each of these log lines. */
export function fieldChangesOfLogs(sqlite: Sqlite, logIds: number[]): Map<number, FieldChange[]> {
  const out = new Map<number, FieldChange[]>();
  if (logIds.length === 0) return out;
  const rows = statement<[string], FieldChange & { logId: number }>(
    sqlite,
    `select log_id as logId, field, old_value as old, new_value as new from rf_field_changes
     where log_id in (select value from json_each(?)) order by id`,
  ).all(JSON.stringify(logIds));
  for (const { logId, ...change } of rows) out.set(logId, [...(out.get(logId) ?? []), change]);
  return out;
}

/** The latest changes made to this email's records, newest first. */
export function fieldChangesOfEmail(sqlite: Sqlite, email: string, limit = 100): RecordFieldChange[] {
  return statement<[string, number], RecordFieldChange>(
    sqlite,
    `select at, rf_type as rfType, rf_id as rfId, field, old_value as old, new_value as new from rf_field_changes
     where email = ? order by at desc, id desc limit ?`,
  ).all(email, limit);
}
