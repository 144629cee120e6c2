// Matching as Recruiterflow matches: besides the email, Recruiterflow treats the same LinkedIn URL or
// the same phone number as the same person. These lookups find such records before a create, batched
// like the email lookups (one `in` filter per batch, every page), and compare exactly afterwards: the
// search matches loosely (substring, case-insensitive), so a hit is kept only when the record's URL or
// phone is the contact's once both are normalized.
import type { Send } from './http';
import { clampPageSize, DEFAULT_SEARCH_BATCH, API } from './requests';
import { forEachRecord, type InFilterCheck } from './lookup';
import type { PlannedRequest, Prospect, ProspectObject } from './types';
import { asText } from './values';

export type IdentityKey = 'linkedin_profile' | 'phone_number';

/** Fewer digits than this are no identity (an extension, a typo): they would match many records loosely. */
const MIN_PHONE_DIGITS = 7;

/**
 * A LinkedIn profile URL as one string per profile: no scheme, no `www.` (or country subdomain such as
 * `uk.`), no query string or fragment, no trailing slash, lower case. `https://www.LinkedIn.com/in/Jane-Doe/?trk=x`
 * and `linkedin.com/in/jane-doe` are the same profile. Anything that is not a URL yields ''.
 */
export function normalizeLinkedin(url: string): string {
  let s = url.trim().toLowerCase();
  if (s === '' || s === 'none') return '';
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[?#].*$/, '');
  s = s.replace(/\/+$/, '');
  s = s.replace(/^(www|[a-z]{2})\.(?=linkedin\.)/, '');
  if (!s.includes('/') || /\s/.test(s)) return '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // A stray % is kept as written: both sides go through the same function.
  }
  return s;
}

/** A phone number as its digits only: "+1 (555) 010-0123" and "15550100123" are the same number. */
export function phoneDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length >= MIN_PHONE_DIGITS ? d : '';
}

/** The values one contact is searched by, per key (empty when it has none worth searching). */
function searchValues(key: IdentityKey, raw: string): string[] {
  if (key === 'linkedin_profile') {
    const n = normalizeLinkedin(raw);
    return n ? [n] : [];
  }
  const digits = phoneDigits(raw);
  if (!digits) return [];
  // As written and as digits: a substring search finds a record stored either way.
  const written = raw.trim();
  return written === digits ? [digits] : [written, digits];
}

/** What a record holds under `key`, normalized for comparison. */
function recordKeys(key: IdentityKey, p: Prospect): string[] {
  if (key === 'linkedin_profile') {
    const n = normalizeLinkedin(asText(p.raw.linkedin_profile));
    return n ? [n] : [];
  }
  return p.phones.map(phoneDigits).filter(Boolean);
}

/** The normalized identity of a contact's value (what records are compared with). */
export function identityOf(key: IdentityKey, raw: string): string {
  return key === 'linkedin_profile' ? normalizeLinkedin(raw) : phoneDigits(raw);
}

/** Search by LinkedIn URL or phone: one `in` filter with every value of the batch. */
function planIdentitySearch(object: ProspectObject, key: IdentityKey, values: string[], page = 1, itemsPerPage = 100): PlannedRequest {
  const what = key === 'linkedin_profile' ? 'LinkedIn URL' : 'phone number';
  return {
    method: 'POST',
    path: `${API}/${object}/search`,
    body: {
      filters: [{ key, conjunction: 'in', values }],
      conjunction: 'match-all',
      current_page: page,
      items_per_page: clampPageSize(itemsPerPage),
    },
    note: `Look up ${values.length} ${what}${values.length === 1 ? '' : 's'} among ${object}s (page ${page})`,
  };
}

/** The search requests a contact with this LinkedIn URL and phone adds before its create (the dry run). */
export function planIdentityLookups(object: ProspectObject, linkedin: string, phone: string): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  const l = searchValues('linkedin_profile', linkedin);
  if (l.length > 0) out.push({ ...planIdentitySearch(object, 'linkedin_profile', l), conditional: true });
  const p = searchValues('phone_number', phone);
  if (p.length > 0) out.push({ ...planIdentitySearch(object, 'phone_number', p), conditional: true });
  return out;
}

export interface IdentityLookupOptions {
  batchSize?: number;
  pageSize?: number;
  maxPages?: number;
  /** What the email lookup learnt of the `in` filter: one value per search when it drops values. */
  inFilter?: InFilterCheck;
}

/** Records found per normalized identity (a LinkedIn URL or phone digits). */
export type IdentityMatches = Map<string, Prospect[]>;

/**
 * Looks up every value of `raws` under `key` among `object` records and returns, per normalized
 * identity, the records that hold it exactly. Values are sent in batches of one `in` filter each.
 */
export async function findByIdentity(
  send: Send,
  key: IdentityKey,
  raws: string[],
  object: ProspectObject,
  o: IdentityLookupOptions = {},
): Promise<IdentityMatches> {
  const pageSize = clampPageSize(o.pageSize);
  const maxPages = Math.max(1, o.maxPages ?? 50);
  // A filter seen to honour only its first value gets one value a search (the email lookup decides).
  const oneValue = o.inFilter?.mode[object] === 'one_value';
  const batchSize = oneValue ? 1 : Math.max(1, o.batchSize ?? DEFAULT_SEARCH_BATCH);
  const wanted = new Map<string, string[]>(); // identity → search values
  for (const raw of raws) {
    const id = identityOf(key, raw);
    if (id && !wanted.has(id)) wanted.set(id, searchValues(key, raw));
  }
  const found: IdentityMatches = new Map();
  const ids = [...wanted.keys()];
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const values = [...new Set(batch.flatMap((id) => wanted.get(id) ?? []))];
    // One identity may send two values (a phone as written and as digits): with a one-value filter, each alone.
    const groups = oneValue ? values.map((v) => [v]) : [values];
    const inBatch = new Set(batch);
    for (const group of groups) {
      await forEachRecord(
        send,
        object,
        { pageSize, maxPages },
        (page) => planIdentitySearch(object, key, group, page, pageSize),
        (p) => {
          for (const k of recordKeys(key, p)) {
            if (!inBatch.has(k)) continue;
            const list = found.get(k) ?? [];
            if (!list.some((x) => x.id === p.id && x.type === p.type)) list.push(p);
            found.set(k, list);
          }
        },
      );
    }
  }
  return found;
}
