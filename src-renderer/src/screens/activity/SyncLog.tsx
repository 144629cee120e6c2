import { Badge, Center, Group, Loader, Pagination, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../hooks/useApiQuery';
import { eventSentence } from '../../lib/events';
import { formatDateTime, formatNumber } from '../../lib/format';
import { LoadError } from '../../components/LoadError';
import { FieldChanges } from './FieldChanges';

const PAGE = 50;
const LEVEL_COLOR = { info: 'blue', warn: 'orange', error: 'red' } as const;

export function SyncLog() {
  const [page, setPage] = useState(1);
  const log = useApiQuery('log:list', { offset: (page - 1) * PAGE, limit: PAGE }, { refetchOn: ['sync:progress', 'queue:changed'] });
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE));
  if (!log.data && log.error) return <LoadError what="the sync log" message={log.error.message} onRetry={log.refetch} />;
  if (!log.data)
    return (
      <Center h={120}>
        <Loader size="sm" aria-label="Loading the sync log" />
      </Center>
    );
  if (log.data.total === 0) return <Text c="dimmed">Nothing logged yet. Every sync attempt, success and error is recorded here.</Text>;
  return (
    <>
      <ScrollArea type="auto" offsetScrollbars="present">
        <Table verticalSpacing={6} miw={640} aria-label="Sync log" striped className="nowrap-header">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>Time</Table.Th>
              <Table.Th w={84}>Level</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(e.at)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={LEVEL_COLOR[e.level]}>
                    {e.level}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} title={e.event}>
                    {eventSentence(e)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {e.message}
                  </Text>
                  {e.changes && <FieldChanges changes={e.changes} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {formatNumber(log.data.total)} entries, newest first
        </Text>
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          size="sm"
          aria-label="Sync log pages"
          getControlProps={(c) => ({ 'aria-label': c === 'next' ? 'Next page' : c === 'previous' ? 'Previous page' : c })}
        />
      </Group>
    </>
  );
}
