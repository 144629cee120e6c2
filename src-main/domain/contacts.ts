// Reading contacts: paged lists straight from SQLite, one contact with its enrollments.
import type { ContactDetail } from '../../src-shared/contract';
import { CONTACT_FIELDS, normalizeEmail, type ContactRow, type Page } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { ContactDbRow } from '../store/contacts';
import { contactByEmail, contactIdsByEmail, deleteContactsUnlessInFlight } from '../store/contacts';
import { contactIdsMatching, contactPage, type ContactFilter } from '../store/contactPages';
import { findLink } from '../store/links';
import { listEnrollments } from '../store/enrollmentPages';
import { previousAccount } from './account';
import { currentUserRow } from './users';
import { logEvent } from '../store/syncLog';

export function listContacts(
  ctx: Pick<Ctx, 'db' | 'sqlite'>,
  q: ContactFilter & { sort: string; dir: 'asc' | 'desc'; offset: number; limit: number },
): Page<ContactRow> {
  // Links of the account connected now (or last): a record id from another account is never shown.
  return contactPage(ctx.sqlite, q, previousAccount(ctx, currentUserRow(ctx).id) ?? '');
}

function contactFields(row: ContactDbRow): Record<string, string> {
  return {
    ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f, row[f]])),
    ...(JSON.parse(row.extra) as Record<string, string>),
  };
}

export function getContact(ctx: Pick<Ctx, 'db' | 'sqlite'>, email: string): ContactDetail {
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

/** Which contacts to delete: by id, by email, or every contact a filter matches ("select all N matching"). */
export type ContactTarget = { ids: number[] } | { emails: string[] } | { matching: ContactFilter };

/**
 * Deletes contacts from this data folder, with their enrollments and queued work. Nothing is deleted in
 * Recruiterflow. A contact whose sync is being sent right now is kept (and counted as skipped): the
 * request may already have reached Recruiterflow, and its outcome needs the enrollment.
 */
export function deleteContacts(
  ctx: Pick<Ctx, 'clock' | 'events' | 'sqlite'>,
  target: ContactTarget,
): { deleted: number; skipped: number; unknown: string[] } {
  let ids: number[];
  let unknown: string[] = [];
  if ('ids' in target) ids = target.ids;
  else if ('emails' in target) {
    ({ ids, unknown } = contactIdsByEmail(ctx.sqlite, [...new Set(target.emails.map(normalizeEmail))]));
  } else ids = contactIdsMatching(ctx.sqlite, target.matching);
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
