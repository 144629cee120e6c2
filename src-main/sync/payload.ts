// What Flowbridge sends for one contact: the standard fields and the captured mapping version's rules,
// with custom-field values formatted and checked against the cached definitions before anything is sent.
import { STANDARD_FIELDS, type CustomFieldDef, type MappingRule, type StandardField, type SyncAs } from '../../src-shared/domain';
import type { ContactDbRow } from '../store/contacts';
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

const STANDARD = new Set<string>(STANDARD_FIELDS);

/**
 * A source is a standard field or a CSV column, looked up on the record's own keys only: a column may
 * be named "constructor", "toString" or "__proto__", and must never find Object.prototype's members.
 */
export function sourceValue(contact: ContactSource, extra: Record<string, unknown>, source: string): string {
  const value = STANDARD.has(source) ? contact[source as StandardField] : Object.hasOwn(extra, source) ? extra[source] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

export interface PayloadOptions {
  /** Currency of a bare amount in a money field (the settings' default currency). */
  defaultCurrency?: string;
}

/**
 * A readable name from an email's local part, for a contact without one: "john.smith" → "John Smith",
 * "mary-ann_o.neil+jobs" → "Mary Ann O Neil". Never the address itself (the domain is nobody's name).
 */
function nameFromEmail(email: string): { first: string; last: string } {
  const local = (email.split('@')[0] ?? '').replace(/\+.*$/, '');
  const words = local
    .split(/[._\-\s]+/)
    .map((w) => w.replace(/\d+/g, ''))
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  if (words.length === 0) return { first: local || 'Unknown', last: '' };
  return { first: words[0]!, last: words.slice(1).join(' ') };
}

/** `rules` is the full rule set (defaults layered with the captured custom rules). */
export function buildPayload(
  contact: ContactSource,
  rules: MappingRule[],
  syncAs: SyncAs,
  customFields: CustomFieldDef[],
  options: PayloadOptions = {},
): BuiltPayload {
  const extra = JSON.parse(contact.extra) as Record<string, unknown>;
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
      const formatted = formatCustomFieldValue(def, value, { defaultCurrency: options.defaultCurrency });
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
      const items = value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      body[target] = [...new Set([...((body[target] as string[] | undefined) ?? []), ...items])];
    } else if (target === 'phone_number') {
      body.phone_number = [{ phone_number: value, type: PHONE_TYPE_MOBILE }];
    } else if (target === 'location' && syncAs === 'candidate') {
      // contact/add has no location key in the published spec: contacts are sent without it.
      body.location = { location: value };
    }
  }
  if (custom.length > 0) body.custom_fields = custom;
  if (!body.first_name && !body.last_name) {
    const derived = nameFromEmail(contact.email);
    body.first_name = derived.first;
    if (derived.last) body.last_name = derived.last;
  }
  // Candidates are created with `name`; contact/add takes only first_name/last_name.
  if (syncAs === 'candidate') body.name = [body.first_name, body.last_name].filter(Boolean).join(' ').trim();
  return { body, problems, problemTargets };
}
