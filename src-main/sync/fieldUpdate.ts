// What an update of a record that already exists sends, decided from the record as read: only the fields
// whose mapping rule allows a write (`if_blank`: only where Recruiterflow's value is blank; `always`), only
// where the value differs, never the email (no rule can target it), and custom fields as the whole list
// (Recruiterflow replaces the list a key holds), merged with what was read. Pure: the engine's update step
// and the tests call it with a record they read.
import type { CustomFieldDef, FieldChange, MappingRule, SyncAs } from '../../src-shared/domain';
import { writeRuleOf } from '../domain/mapping';
import { currentCustomFields, mergeForUpdate, type Prospect, type ProspectInput } from '../recruiterflow';
import { buildPayload, sourceValue, type ContactSource, type PayloadOptions } from './payload';

export interface FieldUpdate {
  /** The update body without `id`, already merged with the record as read; `{}` when nothing is to change. */
  body: ProspectInput;
  changes: FieldChange[];
  /** Values that cannot be sent (a custom field's type refuses them), each naming the field. */
  problems: string[];
}

/** Write keys whose value reads back under another name (as merge.ts knows them). */
const READ_ALIASES: Record<string, string> = {
  title: 'current_designation',
  organization: 'current_organization',
  source: 'source_name',
  client_company: 'client_company_name',
};

function shown(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim() === 'None' ? '' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(shown).filter(Boolean).join(', ');
  const rec = v as Record<string, unknown>;
  if (typeof rec.phone_number === 'string') return rec.phone_number;
  if (typeof rec.email === 'string') return rec.email;
  if (typeof rec.location === 'string') return rec.location;
  if (typeof rec.name === 'string') return rec.name;
  return JSON.stringify(v);
}

/** The value a write key holds on the record as read, for comparing and for the log. */
function currentOf(current: Prospect, key: string): unknown {
  const raw = current.raw;
  if (key === 'phone_number') return current.phones;
  if (key === 'location') {
    const loc = raw.location;
    return loc && typeof loc === 'object' && !Array.isArray(loc) ? (loc as Record<string, unknown>).location : loc;
  }
  const v = raw[key];
  if ((v === undefined || v === null || v === '') && READ_ALIASES[key]) return raw[READ_ALIASES[key]];
  return v;
}

function blank(v: unknown): boolean {
  return shown(v).trim() === '';
}

function writeKey(target: string): string {
  return target.startsWith('custom:') ? 'custom_fields' : target;
}

/** The rules that may write to a record that exists: any write rule but `never`. */
export function writableRules(rules: MappingRule[]): MappingRule[] {
  return rules.filter((r) => writeRuleOf(r) !== 'never');
}

/** The targets the writable rules could fill for this contact (its source has a value): what the dry run names. */
export function writableTargets(contact: ContactSource, rules: MappingRule[]): string[] {
  const extra = JSON.parse(contact.extra) as Record<string, unknown>;
  return [...new Set(writableRules(rules).flatMap((r) => (sourceValue(contact, extra, r.source) === '' ? [] : [r.target])))];
}

export function planFieldUpdate(
  contact: ContactSource,
  rules: MappingRule[],
  type: SyncAs,
  customFields: CustomFieldDef[],
  current: Prospect,
  options: PayloadOptions = {},
): FieldUpdate {
  const extra = JSON.parse(contact.extra) as Record<string, unknown>;
  const withValue = writableRules(rules).filter((r) => sourceValue(contact, extra, r.source) !== '');
  if (withValue.length === 0) return { body: {}, changes: [], problems: [] };
  const built = buildPayload(contact, withValue, type, customFields, options);
  const readFields = new Map(currentCustomFields(current.raw).map((c) => [c.id, c.value] as const));
  const picked: ProspectInput = {};
  const customTargets = new Map<number, string>();
  for (const rule of withValue) {
    const key = writeKey(rule.target);
    const ifBlank = writeRuleOf(rule) === 'if_blank';
    if (key === 'custom_fields') {
      const id = Number(rule.target.slice('custom:'.length));
      const entry = built.body.custom_fields?.find((c) => c.id === id);
      if (!entry) continue;
      if (ifBlank && !blank(readFields.get(id))) continue;
      picked.custom_fields = [...(picked.custom_fields ?? []).filter((c) => c.id !== id), entry];
      customTargets.set(id, rule.target);
      continue;
    }
    const value = built.body[key];
    // A key the record type has no place for (client_company on a candidate, location on a contact).
    if (value === undefined) continue;
    if (ifBlank && !blank(currentOf(current, key))) continue;
    picked[key] = value;
  }
  const body = mergeForUpdate(current, picked);
  const changes: FieldChange[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'custom_fields') {
      for (const entry of picked.custom_fields ?? []) {
        const before = readFields.get(entry.id);
        if (JSON.stringify(before) === JSON.stringify(entry.value)) continue;
        changes.push({ field: customTargets.get(entry.id) ?? `custom:${entry.id}`, old: shown(before), new: shown(entry.value) });
      }
    } else {
      changes.push({ field: key, old: shown(currentOf(current, key)), new: shown(value) });
    }
  }
  // Candidates carry `name` beside first and last name (as they are created): keep it in step.
  if (type === 'candidate' && (body.first_name !== undefined || body.last_name !== undefined)) {
    const first = body.first_name ?? shown(current.raw.first_name);
    const last = body.last_name ?? shown(current.raw.last_name);
    body.name = [first, last].filter(Boolean).join(' ');
  }
  return { body, changes, problems: built.problems };
}
