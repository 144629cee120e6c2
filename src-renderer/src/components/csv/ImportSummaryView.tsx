import { Alert, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ImportSummary } from '../../../../src-shared/domain';
import { formatNumber } from '../../lib/format';

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const rejected = summary.rejected;
  return (
    <Stack gap="sm" aria-live="polite">
      <Group gap="xl">
        <Stat label="Imported" value={summary.imported} color="teal" />
        <Stat label="Updated" value={summary.updated} color="blue" />
        <Stat label="Rejected" value={rejected.length} color={rejected.length ? 'red' : undefined} />
      </Group>
      {summary.encoding && (
        <Text size="xs" c="dimmed">
          Read as {summary.encoding.reason}
        </Text>
      )}
      {rejected.length > 0 ? (
        <>
          <Text size="sm">These rows were not imported. Row numbers are as your spreadsheet shows them (the header is row 1).</Text>
          <ScrollArea.Autosize mah={260} type="auto">
            <Table withTableBorder verticalSpacing={4} aria-label="Rejected rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>Row</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.slice(0, 1000).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {rejected.length > 1000 && (
            <Text size="xs" c="dimmed">
              …and {formatNumber(rejected.length - 1000)} more.
            </Text>
          )}
        </>
      ) : (
        <Alert role="note" color="teal" variant="light">
          Every row was accepted.
        </Alert>
      )}
    </Stack>
  );
}

export function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </div>
  );
}
