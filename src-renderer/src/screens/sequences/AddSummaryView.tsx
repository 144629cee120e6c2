import { Alert, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { AddSummary } from '../../../../src-shared/domain';
import { Stat } from '../../components/csv/ImportSummaryView';

export function AddSummaryView({ summary }: { summary: AddSummary }) {
  return (
    <Stack gap="sm" aria-live="polite">
      <Group gap="xl">
        <Stat label="Added" value={summary.added} color="teal" />
        <Stat label="Already enrolled" value={summary.alreadyEnrolled} />
        <Stat label="Flagged" value={summary.flagged.length} color={summary.flagged.length ? 'orange' : undefined} />
        {summary.created ? <Stat label="New contacts" value={summary.created} /> : null}
        {summary.skipped?.length ? <Stat label="Skipped (not contacts)" value={summary.skipped.length} /> : null}
      </Group>
      {summary.skipped && summary.skipped.length > 0 && (
        <Text size="sm" c="dimmed">
          Skipped: {summary.skipped.slice(0, 10).join(', ')}
          {summary.skipped.length > 10 ? ` and ${summary.skipped.length - 10} more` : ''}
        </Text>
      )}
      {summary.flagged.length > 0 && (
        <>
          <Alert role="note" color="orange" variant="light" title="Some contacts need your review">
            They were added but will not sync until you clear their flag (use the badge in the contacts table).
          </Alert>
          <ScrollArea.Autosize mah={220} type="auto">
            <Table withTableBorder verticalSpacing={4} aria-label="Flagged contacts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.flagged.slice(0, 500).map((f) => (
                  <Table.Tr key={f.email}>
                    <Table.Td>{f.email}</Table.Td>
                    <Table.Td>{f.error}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      {summary.added === 0 && summary.flagged.length === 0 && !summary.skipped?.length && (
        <Text size="sm" c="dimmed">
          Nothing new was added: every contact was already in this sequence.
        </Text>
      )}
    </Stack>
  );
}
