// Connect with a base URL and an API key (the key is never shown back), or use the built-in Sandbox.
import { Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Connection } from '../../../../../src-shared/domain';
import { callResult, notifyConnection, notifyDone } from '../../../api/call';
import { CONNECTION_TEXT } from '../../../components/StatusBar';
import type { useAccountSwitch } from '../../../hooks/useAccountSwitch';
import type { PendingAction } from './usePendingAction';

const DEFAULT_URL = 'https://api.recruiterflow.com';

export function ConnectKeyCard({
  connection,
  pending,
  act,
  connectWith,
}: {
  connection: Connection | undefined;
  pending: string | null;
  act: PendingAction;
  /** Connects, asking first when the connection would change the Recruiterflow account. */
  connectWith: ReturnType<typeof useAccountSwitch>['connectWith'];
}) {
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');

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
  );
}
