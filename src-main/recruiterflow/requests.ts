// Pure builders for every request the client sends. The client executes them; the app's dry-run
// preview shows them. No I/O here.
import type { PlannedRequest, ProspectInput, ProspectObject } from './types';
import { formatRfDateTime, isBlank, normalizeEmailText, phoneKey } from './values';

export const API = '/api/external';
/** Emails per search call (values of one `in` filter). */
// 100 emails per search keeps a dedup check of 1,000 emails within 20 requests (candidates, then contacts).
export const DEFAULT_SEARCH_BATCH = 100;
/** Rows per page for searches and lists; public callers use 100 without trouble. */
const DEFAULT_PAGE_SIZE = 100;
/**
 * The documented maximum for list endpoints. A server that caps a bigger request at 100 would look
 * like a short (last) page and hide the rest, so no request ever asks for more.
 */
const MAX_PAGE_SIZE = 100;

/** A page size the server will honour: a whole number from 1 to MAX_PAGE_SIZE. */
export function clampPageSize(n: number | undefined): number {
  const v = Math.floor(n ?? DEFAULT_PAGE_SIZE);
  return Number.isFinite(v) ? Math.min(MAX_PAGE_SIZE, Math.max(1, v)) : DEFAULT_PAGE_SIZE;
}

/**
 * The keys of contact/add in the published spec (both copies): no `name` (contacts take
 * `first_name`/`last_name`), no `location`, no `lead_owner_id`. Anything else is left out.
 */
const CONTACT_ADD_FIELDS: ReadonlySet<string> = new Set([
  'first_name',
  'last_name',
  'email',
  'phone_number',
  'client_company',
  'title',
  'organization',
  'source',
  'tags',
  'skills',
  'linkedin_profile',
  'twitter_profile',
  'facebook_profile',
  'github_profile',
  'angellist_profile',
  'custom_fields',
  'experience',
  'education',
  'added_time',
]);
export const DEFAULT_PHONE_TYPE = 1; // Mobile, per reference/phone-types

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function cleanStrings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out = v.filter((s): s is string => typeof s === 'string' && !isBlank(s)).map((s) => s.trim());
  return uniqueBy(out, (s) => s.toLowerCase());
}

/**
 * Tidies a write body: drops blank values (so a write never sends "" over real data), trims and
 * de-duplicates emails, phones, tags and skills, and makes exactly one email primary.
 */
export function cleanProspectBody(body: ProspectInput): ProspectInput {
  const out: ProspectInput = {};
  for (const [k, v] of Object.entries(body)) {
    if (isBlank(v)) continue;
    switch (k) {
      case 'email': {
        const list = Array.isArray(v) ? v : [];
        const emails = uniqueBy(
          list
            .map((e) => (typeof e === 'string' ? { email: e, is_primary: 0 } : (e as { email?: unknown; is_primary?: unknown })))
            .filter((e) => typeof e.email === 'string' && !isBlank(e.email))
            .map((e) => ({ email: (e.email as string).trim(), is_primary: e.is_primary === 1 || e.is_primary === true ? 1 : 0 })),
          (e) => normalizeEmailText(e.email),
        );
        const primary = Math.max(
          0,
          emails.findIndex((e) => e.is_primary === 1),
        );
        if (emails.length) out.email = emails.map((e, i) => ({ email: e.email, is_primary: i === primary ? 1 : 0 }));
        break;
      }
      case 'phone_number': {
        const list = Array.isArray(v) ? v : [];
        const phones = uniqueBy(
          list
            .map((p) => (typeof p === 'string' ? { phone_number: p } : (p as { phone_number?: unknown; type?: unknown })))
            .filter((p) => typeof p.phone_number === 'string' && !isBlank(p.phone_number))
            .map((p) => ({
              phone_number: (p.phone_number as string).trim(),
              type: typeof p.type === 'number' && Number.isInteger(p.type) ? p.type : DEFAULT_PHONE_TYPE,
            })),
          (p) => phoneKey(p.phone_number),
        );
        if (phones.length) out.phone_number = phones;
        break;
      }
      case 'tags':
      case 'skills': {
        const list = cleanStrings(v);
        if (list.length) out[k] = list;
        break;
      }
      case 'location': {
        const loc: Record<string, string> = {};
        for (const [lk, lv] of Object.entries(v as Record<string, unknown>)) {
          if (typeof lv === 'string' && !isBlank(lv)) loc[lk] = lv.trim();
        }
        if (Object.keys(loc).length) out.location = loc;
        break;
      }
      case 'custom_fields': {
        const list = (Array.isArray(v) ? v : []).filter(
          (c): c is { id: number; value: unknown } =>
            !!c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'number' && !isBlank((c as { value?: unknown }).value),
        );
        const byId = new Map(list.map((c) => [c.id, { id: c.id, value: c.value }] as const));
        if (byId.size) out.custom_fields = [...byId.values()];
        break;
      }
      default:
        out[k] = typeof v === 'string' ? v.trim() : v;
    }
  }
  return out;
}

function splitName(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/);
  return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

/**
 * Fills the name keys each object expects: candidates are created with `name`, contacts with
 * `first_name`/`last_name` (per the spec's add schemas). Keys the caller gave are kept.
 */
function withNames(object: ProspectObject, body: ProspectInput): ProspectInput {
  const out = { ...body };
  const first = typeof body.first_name === 'string' ? body.first_name.trim() : '';
  const last = typeof body.last_name === 'string' ? body.last_name.trim() : '';
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (object === 'candidate' && !name && (first || last)) out.name = [first, last].filter(Boolean).join(' ');
  if (object === 'contact' && !first && !last && name) {
    const s = splitName(name);
    out.first_name = s.first;
    if (s.last) out.last_name = s.last;
  }
  return out;
}

function primaryEmail(body: ProspectInput): string {
  return body.email?.find((e) => e.is_primary === 1)?.email ?? body.email?.[0]?.email ?? '(no email)';
}

export function planCreate(object: ProspectObject, body: ProspectInput): PlannedRequest {
  let clean = cleanProspectBody(withNames(object, body));
  if (object === 'contact') clean = Object.fromEntries(Object.entries(clean).filter(([k]) => CONTACT_ADD_FIELDS.has(k)));
  return { method: 'POST', path: `${API}/${object}/add`, body: clean, note: `Create ${object} ${primaryEmail(clean)}` };
}

/** The update as sent: `body` should already be merged with the current record (see merge.ts). */
export function planUpdate(object: ProspectObject, id: number, body: ProspectInput): PlannedRequest {
  const { id: _ignored, ...rest } = cleanProspectBody(body);
  const keys = Object.keys(rest);
  return {
    method: 'POST',
    path: `${API}/${object}/update`,
    body: { id, ...rest },
    note: `Update ${object} ${id} (${keys.length ? keys.join(', ') : 'nothing to change'})`,
  };
}

export function normalizeEmailList(emails: string[]): string[] {
  return [
    ...new Set(
      emails
        .filter((e) => typeof e === 'string')
        .map(normalizeEmailText)
        .filter((e) => e !== ''),
    ),
  ];
}

/**
 * Search by email, as used in production by third-party code: one `in` filter whose values are
 * all the emails of the batch. Matching on Recruiterflow's side is loose (substring), so callers
 * must post-filter.
 */
export function planSearch(object: ProspectObject, emails: string[], page = 1, itemsPerPage = DEFAULT_PAGE_SIZE): PlannedRequest {
  const values = normalizeEmailList(emails);
  itemsPerPage = clampPageSize(itemsPerPage);
  return {
    method: 'POST',
    path: `${API}/${object}/search`,
    body: {
      filters: [{ key: 'email', conjunction: 'in', values }],
      conjunction: 'match-all',
      current_page: page,
      items_per_page: itemsPerPage,
    },
    note: `Look up ${values.length} email${values.length === 1 ? '' : 's'} among ${object}s (page ${page})`,
  };
}

export function planAddToJob(candidateId: number | '<new id>', jobId: number, addedTime?: Date): PlannedRequest {
  const body: Record<string, unknown> = { id: candidateId, job_id: jobId };
  if (addedTime) body.added_time = formatRfDateTime(addedTime);
  return { method: 'POST', path: `${API}/candidate/add-to-job`, body, note: `Add candidate ${candidateId} to job ${jobId} (Sourced)` };
}

/**
 * Moves a candidate to a stage of a job it is on. The stage goes by id (names are matched by Flowbridge
 * against the job's stages first); `user_id` is the Recruiterflow user the move is recorded for.
 */
export function planMoveToStage(
  candidateId: number | '<new id>',
  jobId: number,
  stage: { id: number; name: string },
  userId: number | null,
): PlannedRequest {
  const body: Record<string, unknown> = { id: candidateId, job_id: jobId, stage: { id: stage.id } };
  if (userId !== null) body.user_id = userId;
  return {
    method: 'POST',
    path: `${API}/candidate/move-to-stage`,
    body,
    note: `Move candidate ${candidateId} to stage "${stage.name}" of job ${jobId}`,
  };
}

export function planGet(object: ProspectObject, id: number): PlannedRequest {
  return { method: 'GET', path: `${API}/${object}/get${query({ id })}`, body: null, note: `Read ${object} ${id}` };
}

export function planJobList(page: number, itemsPerPage = DEFAULT_PAGE_SIZE): PlannedRequest {
  return {
    method: 'GET',
    path: `${API}/job/list${query({ items_per_page: clampPageSize(itemsPerPage), current_page: page })}`,
    body: null,
    note: `List jobs (page ${page})`,
  };
}

export function planJob(jobId: number): PlannedRequest {
  return {
    method: 'GET',
    path: `${API}/job${query({ job_id: jobId, include_stages: 1 })}`,
    body: null,
    note: `Read job ${jobId} with stages`,
  };
}

export function planCustomFieldList(object: ProspectObject): PlannedRequest {
  return { method: 'GET', path: `${API}/${object}/custom-field/list`, body: null, note: `List ${object} custom fields` };
}

/** Without a page: the cheap connection check. With one: a page of users (the list may be paged). */
export function planUserList(page?: number, itemsPerPage = DEFAULT_PAGE_SIZE): PlannedRequest {
  if (page === undefined) return { method: 'GET', path: `${API}/user/list`, body: null, note: 'List users' };
  return {
    method: 'GET',
    path: `${API}/user/list${query({ items_per_page: clampPageSize(itemsPerPage), current_page: page })}`,
    body: null,
    note: `List users (page ${page})`,
  };
}

/** A note on a candidate or contact (`value` is HTML, as in Recruiterflow's note editor). */
export function planAddNote(object: ProspectObject, id: number | '<new id>', value: string): PlannedRequest {
  return { method: 'POST', path: `${API}/${object}/notes/add`, body: { id, value }, note: `Add a note to ${object} ${id}` };
}
