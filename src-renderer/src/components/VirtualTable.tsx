// A semantic <table> whose body is virtualized: only the rows in view (plus a small overscan) are in the
// DOM, and the rows themselves come page by page from the server through usePagedRows.
import { Box, Center, Loader, Table, Text } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { useElementWidth } from '../hooks/useElementWidth';
import { useFillHeight } from '../hooks/useFillHeight';
import { LoadError } from './LoadError';
import type { PagedRows } from '../hooks/usePagedRows';
import type { Selection } from '../hooks/useSelection';
import { moveBetweenRows } from './moveBetweenRows';
import { layoutColumns, type Column, type SortState } from './tableColumns';
import { useVirtualRows } from './useVirtualRows';
import { VirtualTableHead } from './VirtualTableHead';
import { SkeletonRow, SpacerRow, VirtualTableRow } from './VirtualTableRows';
import classes from './VirtualTable.module.css';

export type { Column, SortState } from './tableColumns';

/** The id of a table's scrollable region (BulkBar hands the focus back to it). */
export function tableRegionId(label: string): string {
  return `table-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
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
  const { items, paddingTop, paddingBottom } = useVirtualRows(scrollRef, rows, rowHeight);
  const { shown, widths } = layoutColumns(columns, tableWidth, Boolean(selection));
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
        <VirtualTableHead shown={shown} widths={widths} selection={selection} loaded={loaded} sort={sort} onSort={onSort} />
        <Table.Tbody onKeyDown={moveBetweenRows}>
          <SpacerRow height={paddingTop} colCount={colCount} />
          {items.map((item) => {
            const row = rows.getRow(item.index);
            if (!row) return <SkeletonRow key={`s${item.index}`} index={item.index} height={rowHeight} colCount={colCount} />;
            const id = getId(row);
            return (
              <VirtualTableRow
                key={id}
                row={row}
                id={id}
                index={item.index}
                height={rowHeight}
                shown={shown}
                describeRow={describeRow}
                selection={selection}
                onRowClick={onRowClick}
              />
            );
          })}
          <SpacerRow height={paddingBottom} colCount={colCount} />
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
