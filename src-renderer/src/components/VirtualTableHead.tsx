// The header row of a virtualized table: "select all loaded rows", and the column headers that sort.
import { Checkbox, Table, UnstyledButton } from '@mantine/core';
import type { Selection } from '../hooks/useSelection';
import { CHECK_WIDTH, type Column, type SortState } from './tableColumns';
import classes from './VirtualTable.module.css';

interface Props<T, S extends string> {
  shown: Column<T, S>[];
  widths: (number | undefined)[];
  selection?: Selection;
  /** The ids of the rows held in memory: "select all" selects these. */
  loaded: number[];
  sort?: SortState<S>;
  onSort?: (sort: SortState<S>) => void;
}

export function VirtualTableHead<T, S extends string>({ shown, widths, selection, loaded, sort, onSort }: Props<T, S>) {
  const loadedSelected = selection ? loaded.filter((id) => selection.has(id)).length : 0;
  return (
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
  );
}
