// Email lookup (dedup before create). Recruiterflow has no get-by-email for prospects and its
// search matches loosely (substring), so we batch emails into one `in` filter, page through the
// results and keep only records that carry one of the emails exactly (case-insensitive).
//
// Nothing documents that an `in` filter matches every one of its values. A server that matched only
// one would make a batched lookup miss records that exist, and the engine would create them again.
// So the first batched search of each object carries "canaries": emails of records known to exist
// (read from the object's list), placed first and last among the values. If a canary does not come
// back, the filter is not trusted and every email is looked up on its own from then on.
import { RecruiterflowError, type RfErrorKind } from './errors';
import type { Send } from './http';
import { emailsOf, listItems, normalizeProspect, totalItems } from './normalize';
import { clampPageSize, DEFAULT_SEARCH_BATCH, normalizeEmailList, planSearch, API } from './requests';
import type { PlannedRequest, Prospect, ProspectObject } from './types';
import { asRecord } from './values';

export interface LookupOptions {
  batchSize?: number;
  pageSize?: number;
  /** Safety stop for a server that ignores `current_page` or matches very loosely. */
  maxPages?: number;
  /** What is known of the `in` filter; shared by the lookups of one client. */
  inFilter?: InFilterCheck;
}

const CANARY_POOL = 10;
const OPTIONAL_READ_REFUSED = new Set<RfErrorKind>(['not_found', 'invalid_data']);

type InFilterMode = 'unknown' | 'all_values' | 'one_value';

/** Per object: whether an `in` filter with several values was seen to match all of them. */
export class InFilterCheck {
  readonly mode: Record<ProspectObject, InFilterMode> = { candidate: 'unknown', contact: 'unknown' };
  private readonly canaries = new Map<ProspectObject, Promise<string[]>>();

  /** Emails of a few existing records of `object` (one list request, once per object). */
  canariesFor(send: Send, object: ProspectObject): Promise<string[]> {
    let known = this.canaries.get(object);
    if (!known) {
      known = send({ method: 'GET', path: `${API}/${object}/list?items_per_page=${CANARY_POOL}&current_page=1` }).then(
        (value) => {
          const out: string[] = [];
          for (const item of listItems(value, `${API}/${object}/list`)) {
            const rec = asRecord(item);
            const email = rec ? emailsOf(rec)[0] : undefined;
            if (email && !out.includes(email)) out.push(email);
          }
          return out;
        },
        (error: unknown) => {
          // Only a refusal of the list itself (403, 404: not this key's to read) means no canary, no check:
          // the lookup goes on as before rather than fail on an optional read. Anything else (no answer, a
          // 5xx, a 429, a refused key, a redirect) is the lookup's own failure: it fails now, and the read
          // is tried again next time; going on to the search would spend a second timeout, or send a key
          // Recruiterflow has just refused.
          const refused = error instanceof RecruiterflowError && (OPTIONAL_READ_REFUSED.has(error.kind) || error.status === 404);
          if (!refused) {
            this.canaries.delete(object);
            throw error;
          }
          return [];
        },
      );
      this.canaries.set(object, known);
    }
    return known;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Every distinct record of one search, page by page: `onRecord` sees each once. It stops at a short or
 * repeated page, at the total the server states, at maxPages, or when `enough()` says so.
 */
export async function forEachRecord(
  send: Send,
  object: ProspectObject,
  o: { pageSize: number; maxPages: number },
  planPage: (page: number) => PlannedRequest,
  onRecord: (p: Prospect) => void,
  enough: () => boolean = () => false,
): Promise<void> {
  const seen = new Set<number>();
  for (let page = 1; page <= o.maxPages; page++) {
    const plan = planPage(page);
    const value = await send({ method: plan.method, path: plan.path, body: plan.body });
    const items = listItems(value, plan.path);
    let fresh = 0;
    for (const item of items) {
      const p = normalizeProspect(item, object, plan.path);
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      fresh++;
      onRecord(p);
    }
    const total = totalItems(value);
    if (items.length < o.pageSize || fresh === 0) break;
    if (total !== null && page * o.pageSize >= total) break;
    if (enough()) break;
  }
}

export async function findByEmails(
  send: Send,
  emails: string[],
  objects: ProspectObject[],
  o: LookupOptions = {},
): Promise<Map<string, Prospect>> {
  const batchSize = Math.max(1, o.batchSize ?? DEFAULT_SEARCH_BATCH);
  const pageSize = clampPageSize(o.pageSize);
  const maxPages = Math.max(1, o.maxPages ?? 50);
  const check = o.inFilter ?? new InFilterCheck();
  const wanted = normalizeEmailList(emails);
  const found = new Map<string, Prospect>();

  /** One batch through every page; returns the emails of `extra` (canaries) that came back. */
  const search = async (object: ProspectObject, batch: string[], extra: string[] = []): Promise<Set<string>> => {
    // Canaries go first and last; one that is also wanted is found (and kept) like any other email.
    const middle = batch.filter((e) => !extra.includes(e));
    const values = extra.length === 2 ? [extra[0]!, ...middle, extra[1]!] : [...middle, ...extra];
    const inBatch = new Set(batch);
    const canaries = new Set(extra);
    const seenCanaries = new Set<string>();
    await forEachRecord(
      send,
      object,
      { pageSize, maxPages },
      (page) => planSearch(object, values, page, pageSize),
      (p) => {
        for (const e of p.emails) {
          if (inBatch.has(e) && !found.has(e)) found.set(e, p);
          if (canaries.has(e)) seenCanaries.add(e);
        }
      },
      () => batch.every((e) => found.has(e)) && seenCanaries.size === canaries.size,
    );
    return seenCanaries;
  };

  for (const object of objects) {
    // An email belongs to at most one prospect (Recruiterflow enforces it), so stop looking once found.
    const pending = wanted.filter((e) => !found.has(e));
    if (pending.length === 0) continue;
    let batches = chunks(pending, check.mode[object] === 'one_value' ? 1 : batchSize);
    // One email alone needs no check: a filter that honours one value finds it all the same.
    if (check.mode[object] === 'unknown' && batches[0]!.length > 1) {
      const first = batches.shift()!;
      const known = await check.canariesFor(send, object);
      // Known records outside the batch first; one inside it serves too (it is moved to an end).
      const canaries = [...known.filter((c) => !first.includes(c)), ...known.filter((c) => first.includes(c))].slice(0, 2);
      const back = await search(object, first, canaries);
      if (canaries.length > 0) {
        const trusted = canaries.every((c) => back.has(c));
        check.mode[object] = trusted ? 'all_values' : 'one_value';
        // Both objects are searched by the same filter engine: a filter seen to drop values is never trusted.
        if (!trusted) for (const o of objects) check.mode[o] = 'one_value';
        // The first batch may have missed records: look its emails up again, one by one.
        if (!trusted) batches = chunks([...first.filter((e) => !found.has(e)), ...batches.flat()], 1);
      }
    }
    for (const batch of batches) await search(object, batch);
  }
  return found;
}
