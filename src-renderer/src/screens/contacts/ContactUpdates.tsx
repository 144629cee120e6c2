// The updates Flowbridge sent to this contact's Recruiterflow record: each field changed, old and new.
import { Table, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../hooks/useApiQuery';
import { formatDateTime } from '../../lib/format';

export function ContactUpdates({ email }: { email: string }) {
  const changes = useApiQuery('contacts:fieldChanges', { email }, { refetchOn: ['sync:progress', 'queue:changed'] });
  if (!changes.data || changes.data.length === 0) return null;
  return (
    <section aria-labelledby="contact-updates">
      <Title order={2} size="h5" id="contact-updates" mb={6}>
        Updates sent to Recruiterflow
      </Title>
      <Table verticalSpacing={4} aria-label="Fields updated in Recruiterflow">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Field</Table.Th>
            <Table.Th>Was</Table.Th>
            <Table.Th>Now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.data.map((c, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="xs">{formatDateTime(c.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{c.label ?? c.field}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {c.old || '(blank)'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{c.new}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
