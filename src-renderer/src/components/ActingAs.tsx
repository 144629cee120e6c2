// While the recruiter acts as a teammate (Settings → Team → "Act as"), the header says so on every
// screen and offers the way back: everything created meanwhile belongs to that teammate.
import { Badge, Button, Group, Text } from '@mantine/core';
import { call, notifyDone } from '../api/call';
import { useApiQuery } from '../hooks/useApiQuery';

export function ActingAs() {
  const users = useApiQuery('users:list', {}, { refetchOn: ['data:changed'], quiet: true });
  const me = users.data?.find((u) => u.current);
  const owner = users.data?.find((u) => u.role === 'owner');
  if (!me || !owner || me.email === owner.email) return null;
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-label="Acting as a teammate">
      <Badge color="orange" variant="light" size="lg" tt="none" style={{ maxWidth: 320 }}>
        <Text span size="sm" truncate>
          Acting as {me.name} ({me.email})
        </Text>
      </Badge>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() =>
          void call('users:use', { email: owner.email }).then((r) => r && notifyDone(`You are yourself again: ${r.name}.`, 'Switched back'))
        }
      >
        Switch back to {owner.name}
      </Button>
    </Group>
  );
}
