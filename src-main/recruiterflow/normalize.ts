// Turns Recruiterflow's loosely shaped answers into the app's types. Tolerates both list shapes
// (bare array / {data,total_items}), emails as strings or {email,is_primary} objects, and "None".
import type { CustomFieldDef, Job } from '../../src-shared/domain';
import { RecruiterflowError } from './errors';
import type { JobDetail, Prospect, ProspectObject, RfUser } from './types';
import { asInt, asRecord, asText, isBlank, noneToNull, normalizeEmailText } from './values';

function badShape(what: string, path: string): RecruiterflowError {
  return new RecruiterflowError('bad_response', `Recruiterflow answered ${path} with an unexpected shape (${what})`, { path });
}

/** Items of a list answer: a bare array, or `{data: [...]}` (include_count). */
export function listItems(value: unknown, path: string): unknown[] {
  if (Array.isArray(value)) return value;
  const rec = asRecord(value);
  if (rec && Array.isArray(rec.data)) return rec.data;
  throw badShape('expected a list', path);
}

/** `total_items` when the answer carries it. */
export function totalItems(value: unknown): number | null {
  const rec = asRecord(value);
  return rec ? asInt(rec.total_items) : null;
}

/** A single record: a bare object, a 1-element array (candidate/get), or `{candidate|contact|data: {...}}`. */
export function singleRecord(value: unknown, path: string): Record<string, unknown> | null {
  let v = value;
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    v = v[0];
  }
  const rec = asRecord(v);
  if (!rec) throw badShape('expected an object', path);
  for (const k of ['candidate', 'contact', 'data']) {
    const inner = rec[k];
    if (rec.id === undefined && asRecord(inner)) return inner as Record<string, unknown>;
    if (rec.id === undefined && Array.isArray(inner) && asRecord(inner[0])) return inner[0] as Record<string, unknown>;
  }
  return Object.keys(rec).length ? rec : null;
}

function entryText(e: unknown, key: string): string {
  if (typeof e === 'string') return asText(e);
  const rec = asRecord(e);
  return rec ? asText(rec[key]) : '';
}

export function emailsOf(raw: Record<string, unknown>): string[] {
  const list = Array.isArray(raw.email) ? raw.email : typeof raw.email === 'string' ? [raw.email] : [];
  const out = list.map((e) => normalizeEmailText(entryText(e, 'email'))).filter((e) => e !== '');
  return [...new Set(out)];
}

function phonesOf(raw: Record<string, unknown>): string[] {
  const list = Array.isArray(raw.phone_number) ? raw.phone_number : typeof raw.phone_number === 'string' ? [raw.phone_number] : [];
  return [...new Set(list.map((p) => entryText(p, 'phone_number')).filter((p) => p !== ''))];
}

export function normalizeProspect(value: unknown, fallback: ProspectObject, path: string): Prospect {
  const rec = asRecord(value);
  if (!rec) throw badShape('expected a record', path);
  const raw = noneToNull(rec);
  const id = asInt(raw.id) ?? asInt(raw.prospect_id);
  if (id === null) throw badShape('record without an id', path);
  const typeId = asInt(raw.prospect_type_id);
  const type: ProspectObject = typeId === 1 ? 'candidate' : typeId === 2 ? 'contact' : fallback;
  const first = asText(raw.first_name);
  const last = asText(raw.last_name);
  const name = asText(raw.name) || [first, last].filter(Boolean).join(' ');
  const jobs = Array.isArray(raw.jobs) ? raw.jobs : [];
  const jobIds = [
    ...new Set(
      jobs
        .map((j) => {
          const r = asRecord(j);
          return r ? (asInt(r.job_id) ?? asInt(r.id)) : asInt(j);
        })
        .filter((n): n is number => n !== null),
    ),
  ];
  return { id, type, name, emails: emailsOf(raw), phones: phonesOf(raw), jobIds, raw };
}

function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export function normalizeJob(value: unknown, path: string): Job {
  const rec = asRecord(value);
  const id = rec ? (asInt(rec.id) ?? asInt(rec.job_id)) : null;
  if (!rec || id === null) throw badShape('job without an id', path);
  const company = asRecord(rec.company);
  const client =
    (company ? asText(company.name) : '') ||
    asText(rec.client_company_name) ||
    (typeof rec.company === 'string' ? asText(rec.company) : '');
  const locations = Array.isArray(rec.locations) ? rec.locations : [];
  const location = [
    ...new Set(
      locations
        .map((l) => {
          const r = asRecord(l);
          if (!r) return asText(l);
          return asText(r.name) || [asText(r.city), asText(r.state), asText(r.country)].filter(Boolean).join(', ');
        })
        .filter(Boolean),
    ),
  ].join('; ');
  return { id, name: asText(rec.name) || asText(rec.title) || `Job ${id}`, isOpen: truthy(rec.is_open), client, location };
}

export function normalizeJobDetail(value: unknown, path: string): JobDetail {
  const rec = singleRecord(value, path);
  if (!rec) throw new RecruiterflowError('not_found', `Recruiterflow has no such job (${path})`, { path });
  const job = normalizeJob(rec, path);
  const stages = (Array.isArray(rec.stages) ? rec.stages : [])
    .map((s, i) => {
      const r = asRecord(s);
      const id = r ? asInt(r.id) : null;
      return r && id !== null ? { id, name: asText(r.name), rank: asInt(r.rank) ?? i + 1 } : null;
    })
    .filter((s): s is { id: number; name: string; rank: number } => s !== null)
    .sort((a, b) => a.rank - b.rank);
  return { ...job, stages };
}

/** `single select`, `Single-Select`, `single_select` → `single_select`. */
export function normalizeFieldType(t: string): string {
  return t
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function normalizeCustomFieldDef(value: unknown, object: ProspectObject, path: string): CustomFieldDef {
  const rec = asRecord(value);
  const id = rec ? asInt(rec.id) : null;
  if (!rec || id === null) throw badShape('custom field without an id', path);
  // The contact list example in the spec spells the key `x`; accept it too.
  const type = normalizeFieldType(asText(rec.type) || asText(rec.x));
  // The spec's examples list choices under `choices`; public client code reads `options`. Take either.
  const listed = Array.isArray(rec.choices) && rec.choices.length > 0 ? rec.choices : Array.isArray(rec.options) ? rec.options : [];
  const choices = listed
    .map((c) => {
      const r = asRecord(c);
      const cid = r ? asInt(r.id) : null;
      // An option may carry its text as `name`, `label` or `value`.
      const text = r ? [r.name, r.label, r.value].find((t) => !isBlank(t)) : undefined;
      return r && cid !== null && text !== undefined ? { id: cid, name: asText(text) } : null;
    })
    .filter((c): c is { id: number; name: string } => c !== null);
  return { object, id, name: asText(rec.name), type, choices };
}

/** Users who can own records: the "Contact" role (id 7) is a client login, not a recruiter. */
export function normalizeUsers(items: unknown[], path: string): RfUser[] {
  const out: RfUser[] = [];
  for (const item of items) {
    const rec = asRecord(item);
    const id = rec ? asInt(rec.id) : null;
    if (!rec || id === null) throw badShape('user without an id', path);
    const roles = Array.isArray(rec.roles) ? rec.roles.map((r) => asInt(asRecord(r)?.id)) : [];
    if (roles.length > 0 && roles.every((r) => r === 7)) continue;
    const name = asText(rec.name) || [asText(rec.first_name), asText(rec.last_name)].filter(Boolean).join(' ');
    out.push({ id, email: normalizeEmailText(asText(rec.email)), name });
  }
  return out;
}
