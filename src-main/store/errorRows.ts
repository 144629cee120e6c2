// Read model over enrollments, contacts and sequences: the rows of the error report (flagged, failed and
// retrying enrollments), a page of them, their counts per message, and the export's stream. Its writers
// are store/enrollments.ts and store/enrollmentAdd.ts; domain/errorReport.ts groups, formats and exports.
import type Database from 'better-sqlite3';
import type { ErrorRow } from '../../src-shared/domain';
import { errorGroupKey } from '../../src-shared/errorCause';
import type { Sqlite } from '../db/open';
import { ERROR_STATE_TERM, type Enrollment } from './enrollments';
import { NEXT_ATTEMPT_OF_E } from './queue';

const ERROR_STATES = ['flagged', 'failed', 'retrying'] as const;

const ERROR_COLUMNS = `
  e.id as enrollmentId, e.email, trim(c.first_name || ' ' || c.last_name) as name,
  cast(e.sequence_id as text) as sequenceId, s.name as sequenceName, e.state, coalesce(e.error, '') as error,
  e.error_code as errorCode, e.first_error_at as firstSeen, e.last_attempt_at as lastAttempt, e.attempts,
  ${NEXT_ATTEMPT_OF_E} as nextAttemptAt,
  e.evidence, e.error_field as errorField, e.cap_sync_as as syncAs`;

/** An error row as stored: the flag's matched records still as their JSON. */
export type StoredErrorRow = Omit<ErrorRow, 'matches'> & { evidence: string | null };

const ERROR_FROM = 'from enrollments e join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id';

// The group key is computed in SQL by a function registered on the connection (once per connection).
const withCause = new WeakSet<Database.Database>();
function registerCause(sqlite: Database.Database): void {
  if (withCause.has(sqlite)) return;
  sqlite.function('fb_error_group', { deterministic: true }, (code: unknown, message: unknown) =>
    errorGroupKey(typeof code === 'string' ? code : null, typeof message === 'string' ? message : ''),
  );
  withCause.add(sqlite);
}

/** Every WHERE starts with ERROR_STATE_TERM, the enrollments_error_state partial index's own: with it, a query reads that index. */
function whereFor(q: { states?: string[]; error?: string; group?: string }): { where: string; params: Record<string, unknown> } {
  const states = q.states && q.states.length > 0 ? q.states : [...ERROR_STATES];
  const params: Record<string, unknown> = {};
  states.forEach((s, i) => (params[`s${i}`] = s));
  let where = `where ${ERROR_STATE_TERM} and e.state in (${states.map((_, i) => `@s${i}`).join(', ')})`;
  if (q.error !== undefined) {
    where += ' and e.error = @error';
    params.error = q.error;
  }
  if (q.group !== undefined) {
    where += " and fb_error_group(e.error_code, coalesce(e.error, '')) = @group";
    params.group = q.group;
  }
  return { where, params };
}

/** One page of the error list, newest first error first, and the total it is a page of. */
export function errorPage(
  sqlite: Sqlite,
  q: { states?: string[]; error?: string; group?: string; offset: number; limit: number },
): { rows: StoredErrorRow[]; total: number } {
  registerCause(sqlite);
  const { where, params } = whereFor(q);
  const total = Number(sqlite.prepare(`select count(*) from enrollments e ${where}`).pluck().get(params));
  const rows = sqlite
    .prepare<Record<string, unknown>, StoredErrorRow>(
      `select ${ERROR_COLUMNS} ${ERROR_FROM} ${where} order by e.first_error_at desc, e.id limit @limit offset @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset });
  return { rows, total };
}

/** How many enrollments carry each exact error (and code), in the given states: the groups are made from these. */
export function errorCountsByMessage(
  sqlite: Sqlite,
  states: string[] | undefined,
): { code: string | null; error: string; count: number }[] {
  const grouped = whereFor({ states });
  return sqlite
    .prepare<Record<string, unknown>, { code: Enrollment['errorCode']; error: string; count: number }>(
      `select e.error_code as code, coalesce(e.error, '') as error, count(*) as count from enrollments e ${grouped.where}
       group by e.error_code, e.error`,
    )
    .all(grouped.params);
}

/** email, name, sequence id and name, state, error, error code, evidence, first error, last attempt, attempts. */
export type ExportRow = [
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number,
];

/**
 * Every error row for the export, read one at a time: the exported columns only, as arrays (no queue
 * lookup, no objects per row: a million rows stream in flat memory); the name is the copy kept on the enrollment.
 */
export function errorExportRows(sqlite: Sqlite): IterableIterator<ExportRow> {
  const { where, params } = whereFor({});
  return sqlite
    .prepare(
      `select e.email, e.name, cast(e.sequence_id as text), s.name, e.state, coalesce(e.error, ''), e.error_code, e.evidence,
         e.first_error_at, e.last_attempt_at, e.attempts
       from enrollments e join sequences s on s.id = e.sequence_id ${where} order by e.id`,
    )
    .raw()
    .iterate(params) as IterableIterator<ExportRow>;
}
