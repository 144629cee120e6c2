// The column-to-field step of a CSV import: each CSV header maps to a standard field, stays as an extra
// column (usable later as a mapping source), or is ignored. Shows the first rows under each header.
import { Alert, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { CsvPreview } from '../../../../src-shared/contract';
import { STANDARD_FIELDS } from '../../../../src-shared/domain';
import { plural } from '../../lib/format';
import { fieldLabel } from '../../lib/labels';

export type ColumnMap = Record<string, string>;

const OPTIONS = [
  { group: 'Standard field', items: STANDARD_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })) },
  {
    group: 'Other',
    items: [
      { value: 'extra', label: 'Keep as extra column' },
      { value: 'ignore', label: 'Ignore' },
    ],
  },
];

export function validateColumns(columns: ColumnMap): string[] {
  const problems: string[] = [];
  const used = new Map<string, string[]>();
  for (const [header, target] of Object.entries(columns)) {
    if (target === 'extra' || target === 'ignore') continue;
    used.set(target, [...(used.get(target) ?? []), header]);
  }
  if (!used.has('email')) problems.push('Map one column to Email: every contact needs an email address.');
  for (const [target, headers] of used) {
    if (headers.length > 1)
      problems.push(`${fieldLabel(target)} is chosen for ${headers.length} columns (${headers.join(', ')}); pick one.`);
  }
  return problems;
}

export function ColumnMapping({
  preview,
  columns,
  onChange,
}: {
  preview: CsvPreview;
  columns: ColumnMap;
  onChange: (next: ColumnMap) => void;
}) {
  const problems = validateColumns(columns);
  const shown = preview.rows.slice(0, 3);
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {plural(preview.totalRows, 'data row')} in {plural(preview.headers.length, 'column')}. Choose what each column becomes; extra
        columns are kept with the contact and can be mapped to Recruiterflow fields later.
      </Text>
      {/* One line per column, its first values beside it: fifteen columns fit without scrolling sideways. */}
      <ScrollArea.Autosize mah="min(52vh, 560px)" type="auto" mb="sm" offsetScrollbars="present">
        <Table withTableBorder verticalSpacing={4} aria-label="CSV columns and their first rows" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Column</Table.Th>
              <Table.Th w={230}>Becomes</Table.Th>
              <Table.Th>First {plural(shown.length, 'row')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((h, j) => {
              const ignored = columns[h] === 'ignore';
              return (
                <Table.Tr key={`${h}-${j}`}>
                  <Table.Td>
                    <Text size="sm" fw={600} truncate title={h}>
                      {h || <i>(no header)</i>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Field for column ${h}`}
                      allowDeselect={false}
                      data={OPTIONS}
                      value={columns[h] ?? 'extra'}
                      onChange={(v) => v && onChange({ ...columns, [h]: v })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={ignored ? 'dimmed' : undefined} td={ignored ? 'line-through' : undefined} truncate>
                      {shown
                        .map((row) => row[j] ?? '')
                        .filter((v) => v !== '')
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {problems.length > 0 && (
        <Alert color="red" variant="light" title="Fix the mapping before importing" role="alert">
          {problems.map((p) => (
            <Text size="sm" key={p}>
              {p}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}
