// A semantic <table> whose body is virtualized: only the rows in view (plus a small overscan) are in the
// DOM, and the rows themselves come page by page from the server through usePagedRows.
import { Box, Center, Checkbox, Loader, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useElementWidth } from '../hooks/useElementWidth';
import { useFillHeight } from '../hooks/useFillHeight';
import { LoadError } from './LoadError';
import type { PagedRows } from '../hooks/usePagedRows';
import type { Selection } from '../hooks/useSelection';
import classes from './VirtualTable.module.css';

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

/** The id of a table's scrollable region (BulkBar hands the focus back to it). */
export function tableRegionId(label: string): string {
  return `table-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Arrow Up/Down from a control in a row moves to the same column's control in the row above or below
 * (rows scroll into view and the virtualizer renders them), so a long table needs no Tab marathon.
 */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  // Popovers and menus are portalled, but their React events still bubble here.
  if (!event.currentTarget.contains(target) || target.getAttribute('aria-expanded') === 'true') return;
  const cell = target.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return;
  const column = Array.prototype.indexOf.call(row.children, cell);
  const within = Array.prototype.indexOf.call(cell.querySelectorAll(FOCUSABLE), target);
  const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  if (!next || next.getAttribute('aria-hidden') === 'true') return; // the spacer past the rendered rows
  const controls = next?.children[column]?.querySelectorAll<HTMLElement>(FOCUSABLE);
  const control = controls?.[Math.max(0, within)] ?? controls?.[0];
  if (!control) return;
  event.preventDefault();
  control.focus();
}

const CHECK_WIDTH = 44;

/** Fixed columns keep their width; the others share what is left by their `grow`. */
function columnWidths<T, S extends string>(columns: Column<T, S>[], available: number | null): (number | undefined)[] {
  if (available === null) return columns.map((c) => c.width);
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const grows = columns.reduce((sum, c) => sum + (c.width === undefined ? (c.grow ?? 1) : 0), 0);
  const rest = Math.max(0, available - fixed);
  return columns.map((c) => c.width ?? Math.max(72, Math.floor((rest * (c.grow ?? 1)) / (grows || 1))));
}

export interface SortState<S extends string = string> {
  by: S;
  dir: 'asc' | 'desc';
}

interface Props<T, S extends string> {
  label: string;
  rows: PagedRows<T>;
  columns: Column<T, S>[];
  getId: (row: T) => number;
  describeRow?: (row: T) => string;
  selection?: Selection;
  sort?: SortState<S>;
  onSort?: (sort: SortState<S>) => void;
  onRowClick?: (row: T) => void;
  empty?: ReactNode;
  height?: string;
  rowHeight?: number;
}

export function VirtualTable<T, S extends string = string>({
  label,
  rows,
  columns,
  getId,
  describeRow,
  selection,
  sort,
  onSort,
  onRowClick,
  empty,
  height,
  rowHeight = 44,
}: Props<T, S>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const fill = useFillHeight(scrollRef, !height);
  const tableWidth = useElementWidth(scrollRef);
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
  }, [queryKey]);

  useEffect(() => {
    if (count > 0) ensureRange(first, last);
  }, [first, last, count, ensureRange]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const shown = columns.filter((c) => !c.hideBelow || tableWidth === null || tableWidth >= c.hideBelow);
  const widths = columnWidths(shown, tableWidth === null ? null : tableWidth - (selection ? CHECK_WIDTH : 0));
  const colCount = shown.length + (selection ? 1 : 0);

  if (rows.total === null && rows.failed) return <LoadError what={label.toLowerCase()} onRetry={rows.reload} />;
  if (rows.total === null) {
    return (
      <Center h={200} role="status" aria-live="polite">
        <Loader size="sm" aria-label={`Loading ${label}`} />
      </Center>
    );
  }
  if (rows.total === 0 && empty) return <>{empty}</>;

  const loaded = selection ? rows.loadedRows().map(getId) : [];
  const loadedSelected = selection ? loaded.filter((id) => selection.has(id)).length : 0;

  return (
    <Box
      ref={scrollRef}
      id={tableRegionId(label)}
      className={classes.scroller}
      style={{ height: height ?? fill }}
      tabIndex={0}
      role="region"
      aria-label={`${label} (scrollable)`}
    >
      <Table stickyHeader highlightOnHover verticalSpacing={0} aria-label={label} aria-rowcount={count + 1} className={classes.table}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {selection && (
              <Table.Th w={CHECK_WIDTH}>
                <Checkbox
                  aria-label="Select all loaded rows"
                  checked={loaded.length > 0 && loadedSelected === loaded.length}
                  indeterminate={loadedSelected > 0 && loadedSelected < loaded.length}
                  onChange={(e) => selection.setMany(loaded, e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {shown.map((c, i) => (
              <Table.Th
                key={c.key}
                w={widths[i]}
                title={c.header}
                aria-sort={sort && c.sortKey && sort.by === c.sortKey ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sortKey && onSort && sort ? (
                  <UnstyledButton
                    className={classes.sortButton}
                    onClick={() => onSort({ by: c.sortKey!, dir: sort.by === c.sortKey && sort.dir === 'asc' ? 'desc' : 'asc' })}
                  >
                    {c.header}
                    <span aria-hidden="true" className={classes.sortMark}>
                      {sort.by === c.sortKey ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </UnstyledButton>
                ) : (
                  c.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={moveBetweenRows}>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows.getRow(item.index);
            if (!row) {
              return (
                <Table.Tr key={`s${item.index}`} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  <Table.Td colSpan={colCount}>
                    <Skeleton height={14} radius="sm" aria-label="Loading row" />
                  </Table.Td>
                </Table.Tr>
              );
            }
            const id = getId(row);
            const selected = selection?.has(id) ?? false;
            return (
              <Table.Tr
                key={id}
                aria-rowindex={item.index + 2}
                aria-selected={selection ? selected : undefined}
                data-selected={selected || undefined}
                style={{ height: rowHeight }}
                className={onRowClick ? classes.clickable : undefined}
                onClick={
                  onRowClick
                    ? (e) => {
                        if ((e.target as HTMLElement).closest('button, a, input, label, [role="dialog"]')) return;
                        onRowClick(row);
                      }
                    : undefined
                }
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${describeRow ? describeRow(row) : `row ${item.index + 1}`}`}
                      checked={selected}
                      onChange={() => selection.toggle(id)}
                    />
                  </Table.Td>
                )}
                {shown.map((c) => (
                  <Table.Td key={c.key} className={classes.cell}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {rows.total === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          Nothing matches.
        </Text>
      )}
    </Box>
  );
}
