// Recruiterflow's update is a "complete update per key": every key sent replaces what is stored.
// Before an update we read the record and merge, so that an update can add data but never drop
// any: emails, phones, tags, skills and custom fields are unions; blank values are never sent.
import { cleanProspectBody, DEFAULT_PHONE_TYPE } from './requests';
import type { EmailInput, PhoneInput, Prospect, ProspectInput } from './types';
import { asInt, asRecord, asText, isBlank, normalizeEmailText, phoneKey } from './values';

/** Write keys whose value reads back under another name. */
const READ_ALIASES: Record<string, string> = {
  title: 'current_designation',
  organization: 'current_organization',
  source: 'source_name',
  client_company: 'client_company_name',
};

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function currentEmails(raw: Record<string, unknown>): EmailInput[] {
  const list = Array.isArray(raw.email) ? raw.email : [];
  const emails = list
    .map((e) => {
      const rec = asRecord(e);
      const email = typeof e === 'string' ? asText(e) : rec ? asText(rec.email) : '';
      const primary = rec ? rec.is_primary === true || rec.is_primary === 1 : false;
      return { email, primary };
    })
    .filter((e) => e.email !== '');
  // Reads give plain strings without a primary flag: the first one is taken as primary.
  const primaryAt = Math.max(
    0,
    emails.findIndex((e) => e.primary),
  );
  return emails.map((e, i) => ({ email: e.email, is_primary: i === primaryAt ? 1 : 0 }));
}

function currentPhones(raw: Record<string, unknown>): PhoneInput[] {
  const list = Array.isArray(raw.phone_number) ? raw.phone_number : [];
  return list
    .map((p) => {
      const rec = asRecord(p);
      const phone = typeof p === 'string' ? asText(p) : rec ? asText(rec.phone_number) : '';
      const t = rec ? (asInt(rec.type) ?? asInt(asRecord(rec.type)?.id)) : null;
      return { phone_number: phone, type: t ?? DEFAULT_PHONE_TYPE };
    })
    .filter((p) => p.phone_number !== '');
}

function currentStrings(v: unknown): string[] {
  return (Array.isArray(v) ? v : []).map((s) => (typeof s === 'string' ? asText(s) : asText(asRecord(s)?.name))).filter((s) => s !== '');
}

/**
 * The custom fields as read, in the write format. A read may carry the value as display text beside a
 * typed key (`money_value`, `date_value`, as client records show): the typed key is the one that can be
 * sent back, since the whole list is replaced by an update.
 */
export function currentCustomFields(raw: Record<string, unknown>): { id: number; value: unknown }[] {
  return (Array.isArray(raw.custom_fields) ? raw.custom_fields : [])
    .map((c) => {
      const rec = asRecord(c);
      const id = rec ? asInt(rec.id) : null;
      if (!rec || id === null) return null;
      const typedKey = typeof rec.type === 'string' ? `${rec.type}_value` : '';
      const value = typedKey && Object.hasOwn(rec, typedKey) ? rec[typedKey] : rec.value;
      return !isBlank(value) ? { id, value } : null;
    })
    .filter((c): c is { id: number; value: unknown } => c !== null);
}

/**
 * The keys to send in an update of `current` with `body`. Returns `{}` when nothing would change.
 * `id` is not included.
 */
export function mergeForUpdate(current: Prospect, body: ProspectInput): ProspectInput {
  const clean = cleanProspectBody(body);
  const raw = current.raw;
  const out: ProspectInput = {};
  for (const [k, v] of Object.entries(clean)) {
    if (k === 'id') continue;
    switch (k) {
      case 'email': {
        const cur = currentEmails(raw);
        const have = new Set(cur.map((e) => normalizeEmailText(e.email)));
        const added = (v as EmailInput[]).filter((e) => !have.has(normalizeEmailText(e.email)));
        if (added.length) out.email = [...cur, ...added.map((e) => ({ email: e.email, is_primary: cur.length ? 0 : e.is_primary }))];
        break;
      }
      case 'phone_number': {
        const cur = currentPhones(raw);
        const have = new Set(cur.map((p) => phoneKey(p.phone_number)));
        const added = (v as PhoneInput[]).filter((p) => !have.has(phoneKey(p.phone_number)));
        if (added.length) out.phone_number = [...cur, ...added];
        break;
      }
      case 'tags':
      case 'skills': {
        const cur = currentStrings(raw[k]);
        const have = new Set(cur.map((s) => s.toLowerCase()));
        const added = (v as string[]).filter((s) => !have.has(s.toLowerCase()));
        if (added.length) out[k] = [...cur, ...added];
        break;
      }
      case 'location': {
        const cur: Record<string, string> = {};
        for (const [lk, lv] of Object.entries(asRecord(raw.location) ?? {})) {
          if (typeof lv === 'string' && !isBlank(lv)) cur[lk] = lv;
        }
        const merged = { ...cur, ...(v as Record<string, string>) };
        if (Object.entries(v as Record<string, string>).some(([lk, lv]) => cur[lk] !== lv)) {
          // Only the writable location keys go back (reads add street/google ids).
          const writable: Record<string, string> = {};
          for (const lk of ['location', 'city', 'state', 'country', 'postal_code']) if (merged[lk] !== undefined) writable[lk] = merged[lk];
          out.location = writable;
        }
        break;
      }
      case 'custom_fields': {
        const cur = currentCustomFields(raw);
        const byId = new Map(cur.map((c) => [c.id, c.value] as const));
        const changed = (v as { id: number; value: unknown }[]).filter((c) => !sameJson(byId.get(c.id), c.value));
        if (changed.length) {
          for (const c of changed) byId.set(c.id, c.value);
          out.custom_fields = [...byId.entries()].map(([id, value]) => ({ id, value }));
        }
        break;
      }
      default: {
        const cur = raw[k] ?? (READ_ALIASES[k] ? raw[READ_ALIASES[k]] : undefined);
        if (Array.isArray(v)) {
          const curList = Array.isArray(cur) ? cur.filter((x) => !isBlank(x)) : [];
          const have = new Set(curList.map((x) => JSON.stringify(x)));
          const added = v.filter((x) => !have.has(JSON.stringify(x)));
          if (added.length) out[k] = [...curList, ...added];
        } else if (!sameJson(cur, v)) {
          out[k] = v;
        }
      }
    }
  }
  return out;
}
