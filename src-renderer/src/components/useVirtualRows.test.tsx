// A long list in a scrolled table: only the rows in view (plus the overscan) are rendered and asked for,
// scrolling asks for the rows that come into view, and a new query goes back to the top.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagedRows } from '../hooks/usePagedRows';
import { useVirtualRows } from './useVirtualRows';

// happy-dom does no layout: the scroller is 440 px high, ten rows of 44 px.
const sized = ['clientHeight', 'clientWidth'] as const;
const saved = sized.map((p) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
beforeAll(() => {
  for (const p of sized)
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => (p === 'clientHeight' ? 440 : 800) });
});
afterAll(() => sized.forEach((p, i) => saved[i] && Object.defineProperty(HTMLElement.prototype, p, saved[i])));

/** A list of `total` rows that records each range the table asks for. */
function list(total: number, queryKey: string, asked: [number, number][]): PagedRows<string> {
  return {
    total,
    getRow: (i) => `row${i}`,
    ensureRange: (start, end) => asked.push([start, end]),
    reload: () => {},
    loading: false,
    failed: false,
    loadedRows: () => [],
    queryKey,
  };
}

function Probe({ rows }: { rows: PagedRows<string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const { items, paddingTop, paddingBottom } = useVirtualRows(ref, rows, 44);
  return (
    <div ref={ref} data-testid="scroller" style={{ height: 440, overflow: 'auto' }}>
      <output data-testid="shown">{items.map((i) => i.index).join(',')}</output>
      <output data-testid="padding">{`${paddingTop}/${paddingBottom}`}</output>
    </div>
  );
}

const shown = () => screen.getByTestId('shown').textContent.split(',').map(Number);

describe('useVirtualRows', () => {
  it('renders and asks for the rows in view plus the overscan, not the whole list', () => {
    const asked: [number, number][] = [];
    render(<Probe rows={list(10_000, 'q', asked)} />);
    expect(shown()).toEqual(Array.from({ length: 22 }, (_, i) => i)); // ten in view, twelve below
    expect(asked.at(-1)).toEqual([0, 21]);
    // The rows not rendered still take their height, so the scrollbar spans the whole list.
    expect(screen.getByTestId('padding').textContent).toBe(`0/${(10_000 - 22) * 44}`);
  });

  it('asks for the rows that come into view as the table scrolls', () => {
    const asked: [number, number][] = [];
    render(<Probe rows={list(10_000, 'q', asked)} />);
    const scroller = screen.getByTestId('scroller');
    act(() => {
      scroller.scrollTop = 5_000 * 44;
      fireEvent.scroll(scroller);
    });
    expect(asked.at(-1)).toEqual([4_988, 5_021]);
    expect(shown()[0]).toBe(4_988);
    expect(screen.getByTestId('padding').textContent).toBe(`${4_988 * 44}/${(10_000 - 5_022) * 44}`);
  });

  it('goes back to the top when the query changes, not when the same query reloads', () => {
    const asked: [number, number][] = [];
    const { rerender } = render(<Probe rows={list(10_000, 'q', asked)} />);
    const scroller = screen.getByTestId('scroller');
    act(() => {
      scroller.scrollTop = 3_000 * 44;
      fireEvent.scroll(scroller);
    });
    rerender(<Probe rows={list(9_000, 'q', asked)} />);
    expect(scroller.scrollTop).toBe(3_000 * 44);
    rerender(<Probe rows={list(9_000, 'q2', asked)} />);
    expect(scroller.scrollTop).toBe(0);
  });
});
