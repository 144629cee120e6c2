// The contact drawer: the contact's Recruiterflow records as the last links check read them, with the jobs
// and stages they are on there (read-only: changed in Recruiterflow, shown here).
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useApiQuery } from '../hooks/useApiQuery';
import { formatDateTime } from '../lib/format';

export function RecordJobs({ email }: { email: string }) {
  const q = useApiQuery('links:records', { email }, { refetchOn: ['data:changed'] });
  const records = q.data?.records ?? [];
  if (records.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Jobs in Recruiterflow">
      <Text fw={600} size="sm">
        Jobs in Recruiterflow
      </Text>
      {records.map((r) => (
        <Stack key={`${r.type}${r.id}`} gap={4}>
          <Group gap="xs">
            <Text size="sm">
              {r.type === 'candidate' ? 'Candidate' : 'Contact'} #{r.id}
            </Text>
            {r.state === 'gone' && <Badge color="red">Deleted in Recruiterflow</Badge>}
            <Text size="xs" c="dimmed">
              {r.checkedAt === null
                ? 'Not checked yet (Settings → Connection → Verify links now)'
                : `Checked ${formatDateTime(r.checkedAt)}`}
            </Text>
          </Group>
          {r.jobs.length > 0 ? (
            <Table verticalSpacing={4} aria-label={`Jobs of record ${r.id}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Job</Table.Th>
                  <Table.Th>Stage</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.jobs.map((j) => (
                  <Table.Tr key={j.jobId}>
                    <Table.Td>{j.name ? `${j.name} (#${j.jobId})` : `#${j.jobId}`}</Table.Td>
                    <Table.Td>{j.stage || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            r.checkedAt !== null && (
              <Text size="xs" c="dimmed">
                On no job.
              </Text>
            )
          )}
        </Stack>
      ))}
    </Stack>
  );
}
