// Editing one contact (the drawer's form, `contacts:update`): the fix for a value Recruiterflow refused.
// The email is the contact's identity and is not edited; extra fields are replaced as a whole, so a
// field can be corrected or removed.
import type { ContactDetail } from '../../src-shared/contract';
import { CONTACT_FIELDS, type ContactField } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { requeueChangedContacts, snapshotSyncedContacts } from './changedContacts';
import { contactByEmail } from '../store/contacts';
import { getContact } from './contacts';
import { updateContactColumns } from '../store/contacts';

export function updateContact(
  ctx: Ctx,
  email: string,
  change: { fields?: Partial<Record<ContactField, string>>; extra?: Record<string, string> },
): ContactDetail {
  const row = contactByEmail(ctx, email);
  if (!row) throw new AppError('unknown_contact', `No contact with email ${email}`);
  const values: Record<string, string> = {};
  for (const field of CONTACT_FIELDS) {
    const value = change.fields?.[field];
    if (value === undefined) continue;
    values[field] = value.trim();
  }
  if (change.extra !== undefined) {
    const extra = Object.fromEntries(Object.entries(change.extra).map(([k, v]) => [k.trim(), v.trim()]));
    if (Object.keys(extra).some((k) => k === '' || (CONTACT_FIELDS as readonly string[]).includes(k) || k === 'email')) {
      throw new AppError('invalid_input', 'An extra field needs a name of its own (not empty, not a standard field)');
    }
    values.extra = JSON.stringify(extra);
  }
  if (Object.keys(values).length > 0) {
    ctx.sqlite.transaction(() => {
      const before = snapshotSyncedContacts(ctx.sqlite, [row.email]);
      updateContactColumns(ctx.sqlite, row.id, values, ctx.clock.now());
      // A synced contact whose rules write to existing records is queued again for its update.
      requeueChangedContacts(ctx, before);
    })();
    ctx.events.emit('data:changed', { what: 'contacts' });
  }
  return getContact(ctx, row.email);
}
