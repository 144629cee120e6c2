// Email lookup (dedup before create). Recruiterflow has no get-by-email for prospects and its
// search matches loosely (substring), so we batch emails into one `in` filter, page through the
// results and keep only records that carry one of the emails exactly (case-insensitive).
import type { Send } from './http';
import { listItems, normalizeProspect, totalItems } from './normalize';
import { DEFAULT_PAGE_SIZE, DEFAULT_SEARCH_BATCH, normalizeEmailList, planSearch } from './requests';
import type { Prospect, ProspectObject } from './types';

export interface LookupOptions {
  batchSize?: number;
  pageSize?: number;
  /** Safety stop for a server that ignores `current_page` or matches very loosely. */
  maxPages?: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findByEmails(
  send: Send,
  emails: string[],
  objects: ProspectObject[],
  o: LookupOptions = {},
): Promise<Map<string, Prospect>> {
  const batchSize = Math.max(1, o.batchSize ?? DEFAULT_SEARCH_BATCH);
  const pageSize = Math.max(1, o.pageSize ?? DEFAULT_PAGE_SIZE);
  const maxPages = Math.max(1, o.maxPages ?? 50);
  const wanted = normalizeEmailList(emails);
  const found = new Map<string, Prospect>();

  for (const object of objects) {
    // An email belongs to at most one prospect (Recruiterflow enforces it), so stop looking once found.
    const pending = wanted.filter((e) => !found.has(e));
    for (const batch of chunks(pending, batchSize)) {
      const inBatch = new Set(batch);
      const seen = new Set<number>();
      for (let page = 1; page <= maxPages; page++) {
        const plan = planSearch(object, batch, page, pageSize);
        const value = await send({ method: plan.method, path: plan.path, body: plan.body });
        const items = listItems(value, plan.path);
        let fresh = 0;
        for (const item of items) {
          const p = normalizeProspect(item, object, plan.path);
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          fresh++;
          for (const e of p.emails) if (inBatch.has(e) && !found.has(e)) found.set(e, p);
        }
        const total = totalItems(value);
        if (items.length < pageSize || fresh === 0) break;
        if (total !== null && page * pageSize >= total) break;
        if (batch.every((e) => found.has(e))) break;
      }
    }
  }
  return found;
}
