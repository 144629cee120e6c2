// Reading contacts: paged lists straight from SQLite, one contact with its enrollments.
import type { ContactDetail } from '../../src-shared/contract';
import { normalizeEmail, type ContactRow, type Page } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { findLink } from '../sync/outcomes';
import { listEnrollments } from './enrollmentQueries';
import { cacheBaseUrl } from './metadata';
import { contactSearchCondition } from '../db/contactSearch';

const CONTACT_SORT: Record<string, string> = {
  email: 'c.email',
  name: "c.first_name || ' ' || c.last_name",
  company: 'c.company',
  updatedAt: 'c.updated_at',
};

export function listContacts(
  ctx: Ctx,
  q: { search?: string; sort: string; dir: 'asc' | 'desc'; offset: number; limit: number },
): Page<ContactRow> {
  const condition = q.search?.trim()
    ? contactSearchCondition(ctx.sqlite, q.search, {
        idColumn: 'c.id',
        columns: ['email', 'name', 'company'],
        likeExpressions: ['c.email', "(c.first_name || ' ' || c.last_name)", 'c.company'],
      })
    : null;
  const search = condition?.search ?? null;
  const where = condition ? `where ${condition.sql}` : '';
  const order = `${CONTACT_SORT[q.sort] ?? 'c.email'} ${q.dir === 'desc' ? 'desc' : 'asc'}, c.id`;
  const params = { search, baseUrl: cacheBaseUrl(ctx) ?? '', limit: q.limit, offset: q.offset };
  const total = (ctx.sqlite.prepare(`select count(*) as n from contacts c ${where}`).get(params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      `select c.id, c.email, trim(c.first_name || ' ' || c.last_name) as name, c.company, c.title, c.updated_at as updatedAt,
              (select count(*) from enrollments e where e.contact_id = c.id) as sequences,
              l.rf_id as recruiterflowId, l.rf_type as recruiterflowType
       from contacts c left join rf_links l on l.base_url = @baseUrl and l.email = c.email
       ${where} order by ${order} limit @limit offset @offset`,
    )
    .all(params) as ContactRow[];
  return { rows, total };
}

/** A contacts row as stored (the sync payload is built from the same shape). */
export interface ContactDbRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  title: string;
  company: string;
  phone: string;
  linkedin_url: string;
  location: string;
  extra: string;
}

export function contactByEmail(ctx: Ctx, email: string): ContactDbRow | null {
  return (ctx.sqlite.prepare('select * from contacts where email = ?').get(normalizeEmail(email)) as ContactDbRow | undefined) ?? null;
}

function contactFields(row: ContactDbRow): Record<string, string> {
  return {
    first_name: row.first_name,
    last_name: row.last_name,
    title: row.title,
    company: row.company,
    phone: row.phone,
    linkedin_url: row.linkedin_url,
    location: row.location,
    ...(JSON.parse(row.extra) as Record<string, string>),
  };
}

export function getContact(ctx: Ctx, email: string): ContactDetail {
  const row = contactByEmail(ctx, email);
  if (!row) throw new AppError('unknown_contact', `No contact with email ${email}`);
  const link = findLink(ctx, cacheBaseUrl(ctx) ?? '', row.email);
  const enrollments = listEnrollments(ctx, { contactId: row.id, offset: 0, limit: 1000 }).rows;
  const ids = new Set<number>(link ? [link.id] : []);
  for (const e of enrollments) if (e.recruiterflowId !== null) ids.add(e.recruiterflowId);
  return {
    email: row.email,
    fields: contactFields(row),
    recruiterflowIds: [...ids],
    recruiterflowType: link?.type ?? null,
    enrollments,
  };
}
