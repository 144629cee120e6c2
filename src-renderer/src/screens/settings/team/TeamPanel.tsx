import { Badge, Button, Card, Center, Group, Loader, Menu, ScrollArea, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { User } from '../../../../../src-shared/domain';
import { call, notifyDone } from '../../../api/call';
import { IconPlus } from '../../../components/Icons';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { AddTeammateModal } from './AddTeammateModal';
import { ClonePanel } from './ClonePanel';
import { OwnerPairingCard } from './OwnerPairingCard';
import { LoadError } from '../../../components/LoadError';

const ROLE_COLOR = { owner: 'grape', manager: 'indigo', member: 'gray' } as const;
const INTEGRATION_LABEL = { recruiterflow: 'Recruiterflow', other: 'Other ATS', none: 'None' } as const;

export function TeamPanel() {
  const users = useApiQuery('users:list', {}, { refetchOn: ['data:changed', 'connection:changed'] });
  const [addOpened, add] = useDisclosure(false);
  if (!users.data && users.error) return <LoadError what="your team" message={users.error.message} onRetry={users.refetch} />;
  if (!users.data)
    return (
      <Center h={200}>
        <Loader size="sm" aria-label="Loading the team" />
      </Center>
    );
  const me = users.data.find((u) => u.current);

  async function use(u: User) {
    const r = await call('users:use', { email: u.email });
    if (r) notifyDone(`You are now acting as ${r.name}.`, 'Switched user');
  }

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Teammates
          </Title>
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={add.open}>
            Add teammate
          </Button>
        </Group>
        <ScrollArea type="auto" offsetScrollbars="present">
          <Table verticalSpacing="xs" miw={700} aria-label="Teammates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Group</Table.Th>
                <Table.Th>Integration</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.email}>
                  <Table.Td>
                    <Text size="sm" fw={u.current ? 600 : undefined}>
                      {u.name}
                      {u.current && (
                        <Badge ml="xs" size="xs" variant="outline">
                          You
                        </Badge>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ROLE_COLOR[u.role]} variant="light">
                      {u.role}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={u.group ? undefined : 'dimmed'}>
                      {u.group ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{INTEGRATION_LABEL[u.integration]}</Text>
                  </Table.Td>
                  <Table.Td>
                    {!u.current && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button size="compact-xs" variant="subtle" aria-label={`Actions for ${u.email}`}>
                            •••
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => void use(u)}>Act as this teammate</Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
      <OwnerPairingCard />
      <ClonePanel me={me} users={users.data} />
      <AddTeammateModal opened={addOpened} onClose={add.close} />
    </Stack>
  );
}
