// The rows of a paged list that a scrolled table shows: only those in view (plus an overscan) are
// rendered, their pages are asked for as they come into view, and a new query scrolls back to the top.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';
import type { PagedRows } from '../hooks/usePagedRows';

export interface VirtualRows {
  /** The rows to render, by index into the whole list, with their offsets. */
  items: VirtualItem[];
  /** The space above and below the rendered rows, kept so the scrollbar spans the whole list. */
  paddingTop: number;
  paddingBottom: number;
}

export function useVirtualRows<T>(scrollRef: RefObject<HTMLElement | null>, rows: PagedRows<T>, rowHeight: number): VirtualRows {
  const count = rows.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange, queryKey } = rows;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey, scrollRef]);

  useEffect(() => {
    if (count > 0) ensureRange(first, last);
  }, [first, last, count, ensureRange]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return { items, paddingTop, paddingBottom };
}
