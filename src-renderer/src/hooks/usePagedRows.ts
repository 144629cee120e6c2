// Rows of a server-side paged list, fetched page by page as a virtualized table scrolls over them.
// Never loads the whole list: only the pages around the visible range are requested, and the cache is
// trimmed to the pages near the viewport. A reload keeps showing the old rows until fresh ones arrive.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { EventName } from '../../../src-shared/contract';
import type { Page } from '../../../src-shared/domain';
import { useRefetchOn } from './useServerEvent';

export interface PagedRows<T> {
  /** null until the first page has arrived. */
  total: number | null;
  getRow: (index: number) => T | undefined;
  ensureRange: (start: number, end: number) => void;
  reload: () => void;
  loading: boolean;
  /** The first page could not be loaded (the call failed; its notification said why). */
  failed: boolean;
  /** The rows currently held in memory (for "select the loaded rows"). */
  loadedRows: () => T[];
  /** Identifies the query (search, sort, filters): a new one starts again from the top. */
  queryKey: string;
}

const MAX_CACHED_PAGES = 30;

export function usePagedRows<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T> | undefined>,
  key: string,
  { pageSize = 100, refetchOn = [] as readonly EventName[] } = {},
): PagedRows<T> {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const gen = useRef(0);
  const pages = useRef(new Map<number, T[]>());
  const stale = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const range = useRef({ start: 0, end: pageSize });
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  const loadPage = useCallback(
    async (page: number) => {
      const mine = gen.current;
      inflight.current.add(page);
      setLoading(true);
      const result = await fetchRef.current(page * pageSize, pageSize);
      if (mine !== gen.current) return;
      inflight.current.delete(page);
      if (result) {
        pages.current.set(page, result.rows);
        stale.current.delete(page);
        if (pages.current.size > MAX_CACHED_PAGES) trim(pages.current, range.current, pageSize);
      }
      // Every update here is a transition: React renders the new rows in slices between frames, so
      // jumping through a long table never blocks the page for long (only the commit is one piece).
      // An urgent update would render the rows in one go, since they are read from the refs above.
      startTransition(() => {
        setLoading(inflight.current.size > 0);
        setFailed(!result);
        if (!result) return;
        setTotal(result.total);
        setTick((t) => t + 1);
      });
    },
    [pageSize],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      range.current = { start, end };
      const first = Math.floor(Math.max(0, start) / pageSize);
      const last = Math.floor(Math.max(0, end) / pageSize);
      for (let p = first; p <= last; p++) {
        if (!pages.current.has(p) && !inflight.current.has(p)) void loadPage(p);
      }
    },
    [loadPage, pageSize],
  );

  const restart = useCallback(
    (keepOld: boolean) => {
      gen.current++;
      if (keepOld) {
        const merged = new Map([...stale.current, ...pages.current]);
        trim(merged, range.current, pageSize);
        stale.current = merged;
      } else {
        stale.current = new Map();
      }
      pages.current = new Map();
      inflight.current = new Set();
      setFailed(false);
      if (!keepOld) {
        setTotal(null);
        range.current = { start: 0, end: pageSize };
      }
      ensureRange(range.current.start, range.current.end);
    },
    [ensureRange, pageSize],
  );

  useEffect(() => {
    restart(false);
  }, [key, restart]);

  useRefetchOn(refetchOn, () => restart(true), 500);

  const getRow = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      const rows = pages.current.get(page) ?? stale.current.get(page);
      return rows?.[index - page * pageSize];
    },
    [pageSize],
  );

  const loadedRows = useCallback(() => [...pages.current.values()].flat(), []);

  return { total, getRow, ensureRange, reload: () => restart(true), loading, failed, loadedRows, queryKey: key };
}

function trim<T>(cache: Map<number, T[]>, range: { start: number; end: number }, pageSize: number): void {
  const centre = (range.start + range.end) / 2 / pageSize;
  const byDistance = [...cache.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  while (cache.size > MAX_CACHED_PAGES && byDistance.length) cache.delete(byDistance.shift()!);
}
