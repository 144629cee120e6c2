// A semantic <table> whose body is virtualized: only the rows in view (plus a small overscan) are in the
// DOM, and the rows themselves come page by page from the server through usePagedRows.
import { Box, Center, Checkbox, Loader, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFillHeight } from '../hooks/useFillHeight';
import type { PagedRows } from '../hooks/usePagedRows';
import type { Selection } from '../hooks/useSelection';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  key: string;
  header: string;
  width?: number | string;
  render: (row: T) => ReactNode;
  /** When set, the header is a button that sorts by this key. */
  sortKey?: string;
}

export interface SortState {
  by: string;
  dir: 'asc' | 'desc';
}

interface Props<T> {
  label: string;
  rows: PagedRows<T>;
  columns: Column<T>[];
  getId: (row: T) => number;
  describeRow?: (row: T) => string;
  selection?: Selection;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  onRowClick?: (row: T) => void;
  empty?: ReactNode;
  height?: string;
  rowHeight?: number;
}

export function VirtualTable<T>({
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
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const fill = useFillHeight(scrollRef, !height);
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
  const colCount = columns.length + (selection ? 1 : 0);

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
              <Table.Th w={44}>
                <Checkbox
                  aria-label="Select all loaded rows"
                  checked={loaded.length > 0 && loadedSelected === loaded.length}
                  indeterminate={loadedSelected > 0 && loadedSelected < loaded.length}
                  onChange={(e) => selection.setMany(loaded, e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {columns.map((c) => (
              <Table.Th
                key={c.key}
                w={c.width}
                aria-sort={sort && c.sortKey && sort.by === c.sortKey ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sortKey && onSort && sort ? (
                  <UnstyledButton
                    className={classes.sortButton}
                    onClick={() =>
                      onSort({ by: c.sortKey!, dir: sort.by === c.sortKey && sort.dir === 'asc' ? 'desc' : 'asc' })
                    }
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
        <Table.Tbody>
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
                {columns.map((c) => (
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

