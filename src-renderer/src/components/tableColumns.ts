// A virtualized table's columns: what each one shows, and how the table's width is shared between them.
import type { ReactNode } from 'react';

export interface Column<T, S extends string = string> {
  key: string;
  header: string;
  /** A fixed width in px. Columns without one share the rest of the table's width by `grow` (default 1). */
  width?: number;
  grow?: number;
  /** Left out when the table is narrower than this (px): a small window keeps the columns that matter. */
  hideBelow?: number;
  render: (row: T) => ReactNode;
  /** When set, the header is a button that sorts by this key (one of the keys the channel accepts). */
  sortKey?: S;
}

export interface SortState<S extends string = string> {
  by: S;
  dir: 'asc' | 'desc';
}

/** The width of the selection checkbox column. */
export const CHECK_WIDTH = 44;

/** Fixed columns keep their width; the others share what is left by their `grow`. */
function columnWidths<T, S extends string>(columns: Column<T, S>[], available: number | null): (number | undefined)[] {
  if (available === null) return columns.map((c) => c.width);
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const grows = columns.reduce((sum, c) => sum + (c.width === undefined ? (c.grow ?? 1) : 0), 0);
  const rest = Math.max(0, available - fixed);
  return columns.map((c) => c.width ?? Math.max(72, Math.floor((rest * (c.grow ?? 1)) / (grows || 1))));
}

/**
 * The columns shown at this table width (null: not measured yet, so all of them) and their widths,
 * after the selection checkbox column when the table has one.
 */
export function layoutColumns<T, S extends string>(
  columns: Column<T, S>[],
  tableWidth: number | null,
  withSelection: boolean,
): { shown: Column<T, S>[]; widths: (number | undefined)[] } {
  const shown = columns.filter((c) => !c.hideBelow || tableWidth === null || tableWidth >= c.hideBelow);
  const widths = columnWidths(shown, tableWidth === null ? null : tableWidth - (withSelection ? CHECK_WIDTH : 0));
  return { shown, widths };
}
