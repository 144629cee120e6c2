// Settings → Team: who owns the Recruiterflow records each teammate's contacts create. Matched by email
// unless chosen here; captured when a contact is added. Cloning settings never copies it.
import { Badge, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { OwnerPairing } from '../../../../../src-shared/ownerStages';
import { notifyDone } from '../../../api/call';
import { useAction } from '../../../hooks/useAction';
import { useApiQuery } from '../../../hooks/useApiQuery';

const BY_EMAIL = '__email__';

export function OwnerPairingCard() {
  const owners = useApiQuery('owners:list', {}, { refetchOn: ['data:changed', 'connection:changed'] });
  const { busy, run } = useAction();
  const data = owners.data;
  if (!data) return null;

  async function choose(user: OwnerPairing, value: string | null) {
    const r = await run('owners:set', { email: user.email, rfUserId: value === null || value === BY_EMAIL ? null : Number(value) });
    if (r) notifyDone(`Records ${user.name} creates will be owned by ${r.rfUserName ?? 'Recruiterflow’s default owner'}.`, 'Owner saved');
  }

  const options = [
    { value: BY_EMAIL, label: 'Match by email' },
    ...data.rfUsers.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
  ];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Record owner in Recruiterflow
        </Title>
        <Text size="sm" c="dimmed">
          New candidates are owned by the teammate’s Recruiterflow user: the one with the same email, unless you choose another. Applies to
          contacts added after you save; cloning settings does not copy it.
        </Text>
        {data.rfUsers.length === 0 ? (
          <Text size="sm">Connect to Recruiterflow to pair teammates with its users.</Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Record owners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Teammate</Table.Th>
                <Table.Th>Recruiterflow owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.users.map((u) => (
                <Table.Tr key={u.email}>
                  <Table.Td>
                    <Text size="sm">{u.name}</Text>
                    <Text size="xs" c="dimmed">
                      {u.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Select
                        aria-label={`Recruiterflow owner for ${u.email}`}
                        allowDeselect={false}
                        disabled={busy}
                        value={u.how === 'chosen' && u.rfUserId !== null ? String(u.rfUserId) : BY_EMAIL}
                        onChange={(v) => void choose(u, v)}
                        data={options}
                      />
                      {u.how !== 'chosen' && (
                        <Badge size="xs" variant="light" color={u.how === 'email' ? 'teal' : 'gray'}>
                          {u.how === 'email' ? `Matched: ${u.rfUserName ?? u.rfUserId}` : 'No Recruiterflow user with this email'}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
