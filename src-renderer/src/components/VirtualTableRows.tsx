// The body rows of a virtualized table: a loaded row, a placeholder for one still loading, and the
// spacer that stands for the rows not rendered above or below.
import { Checkbox, Skeleton, Table } from '@mantine/core';
import type { Selection } from '../hooks/useSelection';
import type { Column } from './tableColumns';
import classes from './VirtualTable.module.css';

/** Stands for the rows scrolled out of view (hidden from assistive tech and from arrow-key moves). */
export function SpacerRow({ height, colCount }: { height: number; colCount: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={colCount} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** A row whose page has not arrived yet. */
export function SkeletonRow({ index, height, colCount }: { index: number; height: number; colCount: number }) {
  return (
    <Table.Tr aria-rowindex={index + 2} style={{ height }}>
      <Table.Td colSpan={colCount}>
        <Skeleton height={14} radius="sm" aria-label="Loading row" />
      </Table.Td>
    </Table.Tr>
  );
}

interface RowProps<T, S extends string> {
  row: T;
  id: number;
  /** The row's index in the whole list. */
  index: number;
  height: number;
  shown: Column<T, S>[];
  describeRow?: (row: T) => string;
  selection?: Selection;
  onRowClick?: (row: T) => void;
}

export function VirtualTableRow<T, S extends string>({
  row,
  id,
  index,
  height,
  shown,
  describeRow,
  selection,
  onRowClick,
}: RowProps<T, S>) {
  const selected = selection?.has(id) ?? false;
  return (
    <Table.Tr
      aria-rowindex={index + 2}
      aria-selected={selection ? selected : undefined}
      data-selected={selected || undefined}
      style={{ height }}
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
            aria-label={`Select ${describeRow ? describeRow(row) : `row ${index + 1}`}`}
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
}
