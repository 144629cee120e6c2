// The connection's status (server, key, last check, a key that cannot be read), with test and disconnect.
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Connection } from '../../../../../src-shared/domain';
import { notifyConnection } from '../../../api/call';
import { CONNECTION_TEXT } from '../../../components/StatusBar';
import type { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../lib/format';
import type { PendingAction } from './usePendingAction';

export function ConnectionStatusCard({
  connection,
  pending,
  act,
  run,
  onDisconnect,
}: {
  connection: Connection | undefined;
  pending: string | null;
  act: PendingAction;
  run: ReturnType<typeof useAction>['run'];
  onDisconnect: () => void;
}) {
  const status = CONNECTION_TEXT[connection?.status ?? 'not_connected'];
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h4">
            Status
          </Title>
          <Group gap="xs">
            <Badge color={status.color} size="lg" variant="light" data-testid="connection-status">
              {status.label}
            </Badge>
            {connection?.sandbox && (
              <Badge color="grape" variant="outline">
                Sandbox
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {connection?.baseUrl ? `Server: ${connection.baseUrl}` : 'No server configured.'} ·{' '}
            {connection?.keySet ? 'An API key is set.' : 'No API key is set.'}
            {connection?.checkedAt ? ` Last checked ${formatDateTime(connection.checkedAt)}.` : ''}
          </Text>
          {connection?.keyProblem && (
            <Text size="sm" c="orange" role="alert">
              {connection.keyProblem}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            loading={pending === 'test'}
            disabled={!connection?.keySet}
            onClick={() =>
              void act('test', async () => {
                const r = await run('connection:test', {});
                if (r) notifyConnection(r.status, CONNECTION_TEXT[r.status].label, 'Connection tested');
              })
            }
          >
            Test connection
          </Button>
          <Button variant="default" color="red" disabled={!connection?.keySet && !connection?.connected} onClick={onDisconnect}>
            Disconnect
          </Button>
        </Group>
      </Group>
      {connection?.status === 'invalid_key' && (
        <Alert role="status" color="red" variant="light" mt="sm" title="Recruiterflow refused the API key">
          Enter a valid key below. Queued work is kept and continues once you reconnect.
        </Alert>
      )}
      {connection?.status === 'unreachable' && (
        <Alert role="status" color="yellow" variant="light" mt="sm" title="Recruiterflow cannot be reached">
          Flowbridge keeps working offline and retries later. Check your network, or test the connection again.
        </Alert>
      )}
    </Card>
  );
}
