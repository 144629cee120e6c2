// Read model over enrollments, sequences and replies: the paged enrollments of a sequence's table, a
// contact's detail and the CLI. Its writers are store/enrollments.ts and store/enrollmentAdd.ts; the query
// text decides which index SQLite reads, so it changes only with the indexes in db/schema.ts.
import type { Enrollment, EnrollmentState, FlagMatch, Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { contactSearchCondition } from './contactSearch';
import { sequenceTotal } from './enrollmentCounts';
import { NEXT_ATTEMPT_OF_E } from './queue';

// Every sort key is a column of enrollments with an index led by sequence_id (email, name, added_at,
// state): a page is read from one index without touching contacts.
const ENROLLMENT_SORT: Record<string, string> = {
  email: 'e.email',
  name: 'e.name',
  state: 'e.state',
  addedAt: 'e.added_at',
};

/** A row of ENROLLMENT_COLUMNS: the contract's Enrollment as SQLite stores it (0/1 flags, the evidence as JSON). */
type StoredEnrollment = Omit<Enrollment, 'disabled' | 'bounced' | 'matches'> & {
  disabled: number;
  bounced: number;
  evidence: string | null;
};

const ENROLLMENT_COLUMNS = `
  e.id, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName, e.email,
  e.name, e.state, e.error, e.error_code as errorCode,
  e.cap_sync_as as syncAs, e.cap_mode as syncMode, e.cap_job_id as jobId,
  e.cap_mapping_version as mappingVersion, e.cap_disabled as disabled,
  case when e.error_code = 'other_account' then null else e.rf_id end as recruiterflowId,
  e.added_at as addedAt, e.replied_at as repliedAt, e.synced_at as syncedAt,
  exists (select 1 from replies r where r.contact_id = e.contact_id and r.kind = 'bounce') as bounced,
  ${NEXT_ATTEMPT_OF_E} as nextAttemptAt,
  e.attempts, e.evidence, e.error_field as errorField`;

/** The stored evidence of a flag (JSON written by the sync engine or the add-time check); [] when none. */
export function parseEvidence(evidence: string | null): FlagMatch[] {
  if (!evidence) return [];
  try {
    const list: unknown = JSON.parse(evidence);
    return Array.isArray(list) ? (list as FlagMatch[]) : [];
  } catch {
    return [];
  }
}

export interface EnrollmentQuery {
  sequenceId?: number;
  contactId?: number;
  search?: string;
  states?: EnrollmentState[];
  /** Only enrollments with (true) or without (false) a recorded reply. */
  replied?: boolean;
  sort?: string;
  dir?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * One page, in two steps: the page's ids from an index (sorting and skipping touch nothing else), then
 * those rows in full. The total comes from enrollment_counts unless a search narrows it.
 */
export function listEnrollments(ctx: Pick<Ctx, 'sqlite'>, q: EnrollmentQuery): Page<Enrollment> {
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
  if (q.replied !== undefined) clauses.push(q.replied ? 'e.replied_at is not null' : 'e.replied_at is null');
  const search = q.search?.trim();
  if (search) {
    // e.email and e.name are copies of the contact's email and "first last" name, which the index holds.
    const condition = contactSearchCondition(ctx.sqlite, search, {
      idColumn: 'e.contact_id',
      columns: ['email', 'name'],
      likeExpressions: ['e.email', 'e.name'],
    });
    clauses.push(condition.sql);
    params.search = condition.search;
  }
  const where = clauses.length > 0 ? `where ${clauses.join(' and ')}` : '';
  const total = countEnrollments(ctx, q, where, params, Boolean(search) || q.replied !== undefined);
  const dir = q.dir === 'desc' ? 'desc' : 'asc';
  const key = ENROLLMENT_SORT[q.sort ?? 'addedAt'] ?? 'e.added_at';
  // State ties break on added_at, which the (sequence_id, state, added_at) index already orders.
  const order = key === 'e.state' ? `e.state ${dir}, e.added_at ${dir}, e.id ${dir}` : `${key} ${dir}, e.id ${dir}`;
  const ids = ctx.sqlite
    .prepare(`select e.id from enrollments e ${where} order by ${order} limit @limit offset @offset`)
    .pluck()
    .all(params)
    .map(Number);
  if (ids.length === 0) return { rows: [], total };
  const rows = ctx.sqlite
    .prepare<number[], StoredEnrollment>(
      `select ${ENROLLMENT_COLUMNS} from enrollments e join sequences s on s.id = e.sequence_id
       where e.id in (${ids.map(() => '?').join(', ')})`,
    )
    .all(...ids);
  const byId = new Map(
    rows.map(({ evidence, ...r }) => [
      r.id,
      { ...r, disabled: r.disabled === 1, bounced: r.bounced === 1, matches: parseEvidence(evidence) },
    ]),
  );
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total };
}

function countEnrollments(
  ctx: Pick<Ctx, 'sqlite'>,
  q: EnrollmentQuery,
  where: string,
  params: Record<string, unknown>,
  searched: boolean,
): number {
  if (q.sequenceId !== undefined && q.contactId === undefined && !searched) {
    const states = q.states && q.states.length > 0 ? q.states : null;
    return sequenceTotal(ctx.sqlite, q.sequenceId, states);
  }
  return Number(ctx.sqlite.prepare(`select count(*) from enrollments e ${where}`).pluck().get(params));
}
