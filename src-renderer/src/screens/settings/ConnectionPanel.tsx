// The Recruiterflow connection: status, connect with a key (never shown back), Sandbox, test, disconnect.
import { Alert, Badge, Button, Card, Divider, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { callResult, notifyConnection, notifyDone } from '../../api/call';
import { useAccountSwitch } from '../../hooks/useAccountSwitch';
import { ConfirmModal } from '../../components/ConfirmModal';
import { VerifyLinksCard } from '../../components/VerifyLinksCard';
import { CONNECTION_TEXT } from '../../components/StatusBar';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useAppStatus } from '../../hooks/useAppStatus';
import { formatDateTime, plural } from '../../lib/format';

const DEFAULT_URL = 'https://api.recruiterflow.com';

export function ConnectionPanel() {
  const { connection, refetchConnection } = useAppStatus();
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const { busy, run } = useAction();
  const [pending, setPending] = useState<string | null>(null);
  const status = CONNECTION_TEXT[connection?.status ?? 'not_connected'];

  async function act(name: string, fn: () => Promise<unknown>) {
    setPending(name);
    await fn();
    setPending(null);
    refetchConnection();
  }

  const { connectWith, modal: switchModal } = useAccountSwitch();

  const connect = () =>
    act('connect', async () => {
      const input = { baseUrl: (baseUrl || connection?.baseUrl || DEFAULT_URL).trim(), apiKey: apiKey.trim() };
      const r = await connectWith((confirmSwitch) => callResult('connection:connect', { ...input, confirmSwitch }));
      if (r && r.switched) setApiKey('');
      else if (r) {
        setApiKey('');
        notifyConnection(
          r.status,
          r.status === 'connected' ? 'The key works; Flowbridge can sync now.' : CONNECTION_TEXT[r.status].label,
          'Connected to Recruiterflow',
        );
      }
    });

  return (
    <Stack maw={720}>
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
            <Button
              variant="default"
              color="red"
              disabled={!connection?.keySet && !connection?.connected}
              onClick={() => setConfirmDisconnect(true)}
            >
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

      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <Stack>
            <Title order={2} size="h4">
              Connect with an API key
            </Title>
            <TextInput
              label="Base URL"
              description="The Recruiterflow host root; Flowbridge adds /api/external/… itself."
              placeholder={connection?.baseUrl ?? DEFAULT_URL}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
            />
            <PasswordInput
              label="API key"
              description={
                connection?.keySet
                  ? 'A key is set. It is stored securely and never shown; enter a new one to replace it.'
                  : 'Find it in Recruiterflow under Settings → API.'
              }
              placeholder={connection?.keySet ? 'A key is set' : 'Paste your API key'}
              value={apiKey}
              onChange={(e) => setApiKey(e.currentTarget.value)}
              autoComplete="off"
              required
            />
            <Group justify="space-between">
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  Just trying Flowbridge?
                </Text>
                <Button
                  variant="light"
                  color="grape"
                  loading={pending === 'sandbox'}
                  onClick={() =>
                    void act('sandbox', async () => {
                      const r = await connectWith((confirmSwitch) => callResult('connection:useSandbox', { confirmSwitch }));
                      if (r && !r.switched)
                        notifyDone('Connected to the built-in Sandbox Recruiterflow: nothing reaches a real account.', 'Sandbox connected');
                    })
                  }
                >
                  Use the Sandbox
                </Button>
              </Group>
              <Button type="submit" loading={pending === 'connect'} disabled={!apiKey.trim()}>
                Connect
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              Jobs
            </Title>
            <Text size="sm" c="dimmed">
              {!jobs.data
                ? 'Loading…'
                : jobs.data.length === 0
                  ? `No jobs cached yet. ${connection?.connected ? 'Refresh to load them from Recruiterflow.' : 'Connect (or use the Sandbox) to load them.'}`
                  : `${plural(jobs.data.length, 'job')} cached (${jobs.data.filter((j) => j.isOpen).length} open). Sequences pick their job from this list.`}
            </Text>
          </div>
          <Button
            variant="default"
            loading={pending === 'jobs'}
            disabled={!connection?.connected}
            onClick={() =>
              void act('jobs', async () => {
                const r = await run('jobs:refresh', {});
                if (r) {
                  notifyDone(`${plural(r.length, 'job')} loaded from Recruiterflow.`, 'Jobs refreshed');
                  jobs.refetch();
                }
              })
            }
          >
            Refresh jobs
          </Button>
        </Group>
      </Card>
      <VerifyLinksCard connected={connection?.status === 'connected'} />

      <Divider />
      {switchModal}
      <ConfirmModal
        opened={confirmDisconnect}
        title="Disconnect from Recruiterflow?"
        confirmLabel="Disconnect"
        loading={busy}
        onClose={() => setConfirmDisconnect(false)}
        onConfirm={() =>
          void act('disconnect', async () => {
            const r = await run('connection:disconnect', {});
            setConfirmDisconnect(false);
            if (r) notifyDone('The API key was removed. Queued work stays queued.', 'Disconnected');
          })
        }
      >
        Flowbridge forgets the API key. Queued work stays in the queue and continues when you connect again.
      </ConfirmModal>
    </Stack>
  );
}
