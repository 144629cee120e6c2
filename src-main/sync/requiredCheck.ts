// Required fields: the recruiter marks which Recruiterflow fields the account requires (the API does not
// say). A contact that would be created without one fails here, before any request, naming the field;
// editing the contact (or its mapping) and retrying is the fix. Records that exist already are not held
// back: Recruiterflow has them, with whatever it required when they were made.
import type { CustomFieldDef, MappingRule } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { targetLabel } from '../domain/mapping';
import { readRequiredFields } from '../store/settings';
import { findLink, recordFailed, type WorkItem } from './outcomes';
import { sourceValue, type ContactSource } from './payload';

/** Targets that one record type never has: a requirement of the other type. */
function appliesTo(target: string, type: WorkItem['syncAs'], customFields: CustomFieldDef[]): boolean {
  if (target === 'client_company') return type === 'contact';
  if (target === 'location') return type === 'candidate';
  if (target.startsWith('custom:')) {
    const id = Number(target.slice('custom:'.length));
    return customFields.some((f) => f.id === id && f.object === type);
  }
  return true;
}

/** The required targets this contact leaves empty under its rules. */
function missingRequired(
  contact: ContactSource,
  rules: MappingRule[],
  type: WorkItem['syncAs'],
  required: string[],
  customFields: CustomFieldDef[],
): { target: string; mapped: boolean }[] {
  const extra = JSON.parse(contact.extra) as Record<string, unknown>;
  return required
    .filter((t) => t !== 'email' && appliesTo(t, type, customFields))
    .flatMap((target) => {
      const filling = rules.filter((r) => r.target === target);
      if (filling.some((r) => sourceValue(contact, extra, r.source) !== '')) return [];
      return [{ target, mapped: filling.length > 0 }];
    });
}

/**
 * Fails the items that would be created without a required field, before the batch's lookup, and returns
 * the queue ids it failed. Items linked already go on.
 */
export function failMissingRequired<T extends WorkItem & { contact: ContactSource }>(
  ctx: Ctx,
  account: string,
  items: T[],
  rulesOf: (item: T) => MappingRule[],
  customFields: CustomFieldDef[],
): Set<number> {
  const failed = new Set<number>();
  const requiredOf = new Map<number, string[]>();
  for (const item of items) {
    if (!requiredOf.has(item.userId)) requiredOf.set(item.userId, readRequiredFields(ctx, item.userId));
    const required = requiredOf.get(item.userId)!;
    if (required.length === 0 || findLink(ctx, account, item.email, item.syncAs)) continue;
    const missing = missingRequired(item.contact, rulesOf(item), item.syncAs, required, customFields);
    if (missing.length === 0) continue;
    const names = missing.map((m) => `${targetLabel(ctx, m.target)}${m.mapped ? '' : ' (no mapping rule fills it)'}`).join(', ');
    const message = `Recruiterflow requires ${names}, and this contact has none: edit the contact, then retry`;
    // No error field: "Sync without this field" cannot help with a field Recruiterflow requires.
    recordFailed(ctx, item, 'missing_required', message, null);
    failed.add(item.queueId);
  }
  return failed;
}
