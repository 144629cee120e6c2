// Paged rows behind a virtualized table: only the pages near the visible range are asked for, a new query
// starts over and ignores answers to the old one, and a reload keeps showing the old rows meanwhile.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src-shared/domain';
import { usePagedRows } from './usePagedRows';

/** A server list of `total` rows named `${prefix}${i}`, answering each page when `release` is called. */
function server(total: number) {
  const asked: number[] = [];
  const waiting: (() => void)[] = [];
  let prefix = 'row';
  let auto = true;
  const fetchPage = (offset: number, limit: number): Promise<Page<string>> => {
    asked.push(offset);
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `${prefix}${offset + i}`);
    const answer = { rows, total };
    if (auto) return Promise.resolve(answer);
    return new Promise((resolve) => waiting.push(() => resolve(answer)));
  };
  return {
    fetchPage,
    asked,
    hold: () => (auto = false),
    releaseAll: () => waiting.splice(0).forEach((go) => go()),
    /** Answers the newest request first: an older one arrives late. */
    releaseNewestFirst: () =>
      waiting
        .splice(0)
        .reverse()
        .forEach((go) => go()),
    rename: (p: string) => (prefix = p),
  };
}

describe('usePagedRows', () => {
  it('loads the first page, then only the pages a scrolled-to range needs', async () => {
    const s = server(10_000);
    const { result } = renderHook(() => usePagedRows(s.fetchPage, 'q', { pageSize: 100 }));
    await waitFor(() => expect(result.current.total).toBe(10_000));
    expect(s.asked).toEqual([0, 100]); // the first screenful and the page after it
    expect(result.current.getRow(5)).toBe('row5');
    expect(result.current.getRow(250)).toBeUndefined();

    act(() => result.current.ensureRange(4_950, 5_020));
    await waitFor(() => expect(result.current.getRow(5_010)).toBe('row5010'));
    expect(s.asked).toEqual([0, 100, 4_900, 5_000]);
    // Asking again for what is loaded or loading sends nothing.
    act(() => result.current.ensureRange(4_960, 5_000));
    expect(s.asked).toHaveLength(4);
    expect(result.current.loadedRows()).toHaveLength(400);
  });

  it('drops an answer that arrives after the query changed', async () => {
    const s = server(1_000);
    s.hold();
    const { result, rerender } = renderHook(({ key }) => usePagedRows(s.fetchPage, key, { pageSize: 50 }), {
      initialProps: { key: 'old' },
    });
    s.rename('new');
    rerender({ key: 'new' });
    act(() => s.releaseNewestFirst()); // the new query's pages answer, then the old query's, late
    await waitFor(() => expect(result.current.total).toBe(1_000));
    expect(result.current.getRow(0)).toBe('new0');
    expect(result.current.queryKey).toBe('new');
  });

  it('keeps showing the old rows while a reload is on its way, then shows the fresh ones', async () => {
    const s = server(500);
    const { result } = renderHook(() => usePagedRows(s.fetchPage, 'q', { pageSize: 100 }));
    await waitFor(() => expect(result.current.getRow(0)).toBe('row0'));
    s.hold();
    s.rename('fresh');
    act(() => result.current.reload());
    expect(result.current.getRow(0)).toBe('row0');
    expect(result.current.total).toBe(500);
    act(() => s.releaseAll());
    await waitFor(() => expect(result.current.getRow(0)).toBe('fresh0'));
  });

  it('reports a first page that failed, so the table can offer a retry', async () => {
    const { result } = renderHook(() => usePagedRows<string>(() => Promise.resolve(undefined), 'q'));
    await waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.total).toBeNull();
  });
});
