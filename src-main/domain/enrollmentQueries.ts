// Paged reads of enrollments, used by a sequence's table, a contact's detail and the CLI.
import type { Enrollment, EnrollmentState, Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { likePattern } from './contacts';

export const LIVE_QUEUE_STATES = "('pending', 'held', 'in_flight', 'backoff')";

const ENROLLMENT_SORT: Record<string, string> = {
  email: 'e.email',
  name: "c.first_name || ' ' || c.last_name",
  state: 'e.state',
  addedAt: 'e.added_at',
};

export const ENROLLMENT_COLUMNS = `
  e.id, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName, e.email,
  trim(c.first_name || ' ' || c.last_name) as name, e.state, e.error, e.error_code as errorCode,
  e.cap_sync_as as syncAs, e.cap_mode as syncMode, e.cap_job_id as jobId,
  e.cap_mapping_version as mappingVersion, e.cap_disabled as disabled, e.rf_id as recruiterflowId,
  e.added_at as addedAt, e.replied_at as repliedAt, e.synced_at as syncedAt,
  (select q.next_attempt_at from sync_queue q where q.enrollment_id = e.id and q.state in ${LIVE_QUEUE_STATES}) as nextAttemptAt,
  e.attempts`;

export interface EnrollmentQuery {
  sequenceId?: number;
  contactId?: number;
  search?: string;
  states?: EnrollmentState[];
  sort?: string;
  dir?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function listEnrollments(ctx: Ctx, q: EnrollmentQuery): Page<Enrollment> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.sequenceId !== undefined) {
    clauses.push('e.sequence_id = @sequenceId');
    params.sequenceId = q.sequenceId;
  }
  if (q.contactId !== undefined) {
    clauses.push('e.contact_id = @contactId');
    params.contactId = q.contactId;
  }
  if (q.states && q.states.length > 0) {
    clauses.push(`e.state in (${q.states.map((_, i) => `@state${i}`).join(', ')})`);
    q.states.forEach((state, i) => (params[`state${i}`] = state));
  }
  const search = q.search?.trim();
  if (search) {
    clauses.push(`(e.email like @search escape '\\' or lower(c.first_name || ' ' || c.last_name) like @search escape '\\')`);
    params.search = likePattern(search);
  }
  const where = clauses.length > 0 ? `where ${clauses.join(' and ')}` : '';
  const from = 'from enrollments e join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id';
  const countFrom = search ? from : 'from enrollments e';
  const total = (ctx.sqlite.prepare(`select count(*) as n ${countFrom} ${where}`).get(params) as { n: number }).n;
  const order = `${ENROLLMENT_SORT[q.sort ?? 'addedAt'] ?? 'e.added_at'} ${q.dir === 'desc' ? 'desc' : 'asc'}, e.id`;
  const rows = ctx.sqlite.prepare(`select ${ENROLLMENT_COLUMNS} ${from} ${where} order by ${order} limit @limit offset @offset`).all(params) as (Omit<Enrollment, 'disabled'> & { disabled: number })[];
  return { rows: rows.map((r) => ({ ...r, disabled: r.disabled === 1 })), total };
}
