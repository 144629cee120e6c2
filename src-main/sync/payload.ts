// What Flowbridge sends for one contact: the standard fields and the captured mapping version's rules,
// with custom-field values formatted and checked against the cached definitions before anything is sent.
import type { CustomFieldDef, MappingRule, SyncAs } from '../../src-shared/domain';
import type { ContactDbRow } from '../domain/contacts';
import { formatCustomFieldValue, type ProspectInput } from '../recruiterflow';

/** The contact fields a payload is built from: a contacts row without its id. */
export type ContactSource = Omit<ContactDbRow, 'id'>;

export interface BuiltPayload {
  body: ProspectInput;
  /** Values that cannot be sent, each naming the field and the value. */
  problems: string[];
  /** The mapping target of each problem (`custom:201`), in the same order. */
  problemTargets: string[];
}

const TEXT_TARGETS = new Set([
  'first_name',
  'last_name',
  'title',
  'organization',
  'client_company',
  'linkedin_profile',
  'twitter_profile',
  'github_profile',
  'source',
]);
const LIST_TARGETS = new Set(['tags', 'skills']);
const PHONE_TYPE_MOBILE = 1;

function sourceValue(contact: ContactSource, extra: Record<string, string>, source: string): string {
  const standard = (contact as unknown as Record<string, unknown>)[source];
  const value = source !== 'extra' && typeof standard === 'string' ? standard : extra[source];
  return (value ?? '').trim();
}

/** `rules` is the full rule set (defaults layered with the captured custom rules). */
export function buildPayload(contact: ContactSource, rules: MappingRule[], syncAs: SyncAs, customFields: CustomFieldDef[]): BuiltPayload {
  const extra = JSON.parse(contact.extra) as Record<string, string>;
  const body: ProspectInput = { email: [{ email: contact.email, is_primary: 1 }] };
  const problems: string[] = [];
  const problemTargets: string[] = [];
  const custom: { id: number; value: unknown }[] = [];
  for (const rule of rules) {
    const value = sourceValue(contact, extra, rule.source);
    if (value === '') continue;
    const target = rule.target;
    if (target.startsWith('custom:')) {
      const id = Number(target.slice('custom:'.length));
      const def = customFields.find((f) => f.object === syncAs && f.id === id);
      if (!def) continue; // A rule for a field the synced object does not have is ignored for this enrollment.
      const formatted = formatCustomFieldValue(def, value);
      if (formatted.ok) custom.push({ id, value: formatted.value });
      else {
        problems.push(formatted.message);
        problemTargets.push(target);
      }
    } else if (target === 'client_company' && syncAs === 'candidate') {
      continue;
    } else if (TEXT_TARGETS.has(target)) {
      body[target] = value;
    } else if (LIST_TARGETS.has(target)) {
      const items = value.split(';').map((s) => s.trim()).filter(Boolean);
      body[target] = [...new Set([...((body[target] as string[] | undefined) ?? []), ...items])];
    } else if (target === 'phone_number') {
      body.phone_number = [{ phone_number: value, type: PHONE_TYPE_MOBILE }];
    } else if (target === 'location') {
      body.location = { location: value };
    }
  }
  if (custom.length > 0) body.custom_fields = custom;
  const name = [body.first_name, body.last_name].filter(Boolean).join(' ').trim();
  body.name = name || contact.email;
  return { body, problems, problemTargets };
}
