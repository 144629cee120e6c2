// Read model over contacts, enrollments and rf_links: the contacts page (a search, a state, a sort), and
// the ids a filter matches ("select all N matching"). Its writers are store/contacts.ts, the enrollments'
// modules and store/links.ts; the query text decides which index SQLite reads.
import type { ContactRow, EnrollmentState, Page } from '../../src-shared/domain';
import { contactSearchCondition } from './contactSearch';
import type { Sqlite } from '../db/open';

const CONTACT_SORT: Record<string, string> = {
  email: 'c.email',
  name: "c.first_name || ' ' || c.last_name",
  company: 'c.company',
  updatedAt: 'c.updated_at',
};

/** Which contacts a list (or "all N matching") means: a search and a state. */
export interface ContactFilter {
  search?: string;
  /** Contacts with at least one enrollment in this state, or `none`: in no sequence. */
  state?: EnrollmentState | 'none';
}

function contactWhere(sqlite: Sqlite, q: ContactFilter): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.search?.trim()) {
    const condition = contactSearchCondition(sqlite, q.search, {
      idColumn: 'c.id',
      columns: ['email', 'name', 'company'],
      likeExpressions: ['c.email', "(c.first_name || ' ' || c.last_name)", 'c.company'],
    });
    clauses.push(condition.sql);
    params.search = condition.search;
  }
  if (q.state === 'none') clauses.push('not exists (select 1 from enrollments e where e.contact_id = c.id)');
  else if (q.state !== undefined) {
    clauses.push('exists (select 1 from enrollments e where e.contact_id = c.id and e.state = @state)');
    params.state = q.state;
  }
  return { where: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '', params };
}

/** One page of contacts, with each one's record id in `account` (and only that account's). */
export function contactPage(
  sqlite: Sqlite,
  q: ContactFilter & { sort: string; dir: 'asc' | 'desc'; offset: number; limit: number },
  account: string,
): Page<ContactRow> {
  const { where, params: filterParams } = contactWhere(sqlite, q);
  const order = `${CONTACT_SORT[q.sort] ?? 'c.email'} ${q.dir === 'desc' ? 'desc' : 'asc'}, c.id`;
  const params = { ...filterParams, account, limit: q.limit, offset: q.offset };
  const total = Number(sqlite.prepare(`select count(*) from contacts c ${where}`).pluck().get(filterParams));
  const rows = sqlite
    .prepare<typeof params, ContactRow>(
      `select c.id, c.email, trim(c.first_name || ' ' || c.last_name) as name, c.company, c.title, c.updated_at as updatedAt,
              (select count(*) from enrollments e where e.contact_id = c.id) as sequences,
              l.rf_id as recruiterflowId, l.rf_type as recruiterflowType
       from contacts c left join rf_links l on l.account = @account and l.email = c.email
         and l.rf_type = (select min(rf_type) from rf_links k where k.account = @account and k.email = c.email)
       ${where} order by ${order} limit @limit offset @offset`,
    )
    .all(params);
  return { rows, total };
}

/** The ids of every contact a filter matches. */
export function contactIdsMatching(sqlite: Sqlite, filter: ContactFilter): number[] {
  const { where, params } = contactWhere(sqlite, filter);
  return sqlite.prepare(`select c.id from contacts c ${where}`).pluck().all(params).map(Number);
}
