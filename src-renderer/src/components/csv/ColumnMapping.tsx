// The column-to-field step of a CSV import: each CSV header maps to a standard field, stays as an extra
// column (usable later as a mapping source), or is ignored. Shows the first rows under each header.
import { Alert, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { CsvPreview } from '../../../../src-shared/contract';
import { STANDARD_FIELDS } from '../../../../src-shared/domain';
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
    if (headers.length > 1) problems.push(`${fieldLabel(target)} is chosen for ${headers.length} columns (${headers.join(', ')}); pick one.`);
  }
  return problems;
}

export function ColumnMapping({ preview, columns, onChange }: { preview: CsvPreview; columns: ColumnMap; onChange: (next: ColumnMap) => void }) {
  const problems = validateColumns(columns);
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {preview.totalRows.toLocaleString()} data rows. Showing the first {Math.min(preview.rows.length, 5)}. Choose what each column
        becomes; extra columns are kept with the contact and can be mapped to Recruiterflow fields later.
      </Text>
      <ScrollArea type="auto" mb="sm" offsetScrollbars="present">
        <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label="CSV columns and their first rows">
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((h) => (
                <Table.Th key={h} miw={170}>
                  <Text size="xs" fw={700} mb={4}>
                    {h}
                  </Text>
                  <Select
                    size="xs"
                    aria-label={`Field for column ${h}`}
                    allowDeselect={false}
                    data={OPTIONS}
                    value={columns[h] ?? 'extra'}
                    onChange={(v) => v && onChange({ ...columns, [h]: v })}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.slice(0, 5).map((row, i) => (
              <Table.Tr key={i}>
                {preview.headers.map((h, j) => (
                  <Table.Td key={h}>
                    <Text size="xs" c={columns[h] === 'ignore' ? 'dimmed' : undefined} td={columns[h] === 'ignore' ? 'line-through' : undefined} truncate maw={220}>
                      {row[j] ?? ''}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
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
