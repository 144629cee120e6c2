// Reading contacts: paged lists straight from SQLite, one contact with its enrollments.
import type { ContactDetail } from '../../src-shared/contract';
import { normalizeEmail, type ContactRow, type EnrollmentState, type Page } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { deleteContactsUnlessInFlight } from '../store/contacts';
import { findLink } from '../store/links';
import { listEnrollments } from './enrollmentQueries';
import { previousAccount } from './account';
import { currentUserRow } from './users';
import { logEvent } from '../store/syncLog';
import { contactSearchCondition } from '../db/contactSearch';
import type { SqlRow } from '../db/rows';
import type { contacts } from '../db/schema';

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

function contactWhere(ctx: Ctx, q: ContactFilter): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.search?.trim()) {
    const condition = contactSearchCondition(ctx.sqlite, q.search, {
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

export function listContacts(
  ctx: Ctx,
  q: ContactFilter & { sort: string; dir: 'asc' | 'desc'; offset: number; limit: number },
): Page<ContactRow> {
  const { where, params: filterParams } = contactWhere(ctx, q);
  const order = `${CONTACT_SORT[q.sort] ?? 'c.email'} ${q.dir === 'desc' ? 'desc' : 'asc'}, c.id`;
  // Links of the account connected now (or last): a record id from another account is never shown.
  const params = { ...filterParams, account: previousAccount(ctx, currentUserRow(ctx).id) ?? '', limit: q.limit, offset: q.offset };
  const total = Number(ctx.sqlite.prepare(`select count(*) from contacts c ${where}`).pluck().get(filterParams));
  const rows = ctx.sqlite
    .prepare(
      `select c.id, c.email, trim(c.first_name || ' ' || c.last_name) as name, c.company, c.title, c.updated_at as updatedAt,
              (select count(*) from enrollments e where e.contact_id = c.id) as sequences,
              l.rf_id as recruiterflowId, l.rf_type as recruiterflowType
       from contacts c left join rf_links l on l.account = @account and l.email = c.email
         and l.rf_type = (select min(rf_type) from rf_links k where k.account = @account and k.email = c.email)
       ${where} order by ${order} limit @limit offset @offset`,
    )
    .all(params) as ContactRow[];
  return { rows, total };
}

/** A contacts row as stored, read by raw SQL (the sync payload is built from the same shape). */
export type ContactDbRow = SqlRow<typeof contacts>;

export function contactByEmail(ctx: Pick<Ctx, 'sqlite'>, email: string): ContactDbRow | null {
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
  const link = findLink(ctx, previousAccount(ctx, currentUserRow(ctx).id) ?? '', row.email);
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

/** The emails of a list that are not contacts yet (normalized, in the order given, each once). */
export function missingContacts(ctx: Pick<Ctx, 'sqlite'>, emails: string[]): string[] {
  const list = JSON.stringify([...new Set(emails.map(normalizeEmail))]);
  return ctx.sqlite
    .prepare('select j.value from json_each(?) j where not exists (select 1 from contacts c where c.email = j.value) order by j.key')
    .pluck()
    .all(list)
    .map(String);
}

/** Which contacts to delete: by id, by email, or every contact a filter matches ("select all N matching"). */
export type ContactTarget = { ids: number[] } | { emails: string[] } | { matching: ContactFilter };

/**
 * Deletes contacts from this data folder, with their enrollments and queued work. Nothing is deleted in
 * Recruiterflow. A contact whose sync is being sent right now is kept (and counted as skipped): the
 * request may already have reached Recruiterflow, and its outcome needs the enrollment.
 */
export function deleteContacts(ctx: Ctx, target: ContactTarget): { deleted: number; skipped: number; unknown: string[] } {
  let ids: number[];
  let unknown: string[] = [];
  if ('ids' in target) ids = target.ids;
  else if ('emails' in target) {
    const emails = [...new Set(target.emails.map(normalizeEmail))];
    const find = ctx.sqlite.prepare('select id from contacts where email = ?').pluck();
    ids = [];
    for (const email of emails) {
      const id = find.get(email);
      if (id === undefined) unknown.push(email);
      else ids.push(Number(id));
    }
  } else {
    const { where, params } = contactWhere(ctx, target.matching);
    ids = ctx.sqlite.prepare(`select c.id from contacts c ${where}`).pluck().all(params).map(Number);
  }
  if ('emails' in target && ids.length === 0 && unknown.length > 0) {
    throw new AppError(
      'unknown_contact',
      `No contact with email ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
    );
  }
  const list = JSON.stringify(ids);
  const result = ctx.sqlite.transaction(() => deleteContactsUnlessInFlight(ctx.sqlite, list)).immediate();
  if (result.deleted > 0) {
    logEvent(
      ctx,
      'info',
      'contacts.deleted',
      `${result.deleted} ${result.deleted === 1 ? 'contact' : 'contacts'} deleted from Flowbridge (not from Recruiterflow)`,
    );
    ctx.events.emit('data:changed', { what: 'contacts' });
    ctx.events.emit('data:changed', { what: 'sequences' });
    ctx.events.emit('queue:changed', { reason: 'contacts deleted' });
  }
  unknown = unknown.slice(0, 100);
  return { ...result, unknown };
}
