// What a newcomer sees on an empty data folder: three ways in, side by side. Look around in a demo
// workspace, try syncing against the built-in Sandbox, or start with real contacts and a real account.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { call, callResult, notifyDone } from '../api/call';
import { useAccountSwitch } from '../hooks/useAccountSwitch';
import { useAppStatus } from '../hooks/useAppStatus';
import { href } from '../hooks/useRoute';
import { IconCheck, IconLink, IconSequences, IconUpload } from './Icons';

function Option({ icon, title, children, actions }: { icon: ReactNode; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={title}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
            {icon}
          </ThemeIcon>
          <Title order={3} size="h5">
            {title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {children}
        </Text>
        <Stack gap="xs" align="stretch">
          {actions}
        </Stack>
      </Stack>
    </Card>
  );
}

export function WorkspaceEmpty({ onCreate }: { onCreate: () => void }) {
  const { connection, info } = useAppStatus();
  // Demo people must never land in a real account: with one connected, the demo is not offered.
  const realAccount = info?.realAccount ?? (connection?.connected === true && !connection.sandbox);
  const [loading, setLoading] = useState<'demo' | 'sandbox' | null>(null);
  const { connectWith, modal } = useAccountSwitch();

  async function loadDemo() {
    setLoading('demo');
    const r = await call('app:loadDemo', {});
    setLoading(null);
    if (r) notifyDone(`Loaded ${r.contacts} contacts in ${r.sequences} sequences.`, 'Demo workspace ready');
  }

  async function connectSandbox() {
    setLoading('sandbox');
    const r = await connectWith((confirmSwitch) => callResult('connection:useSandbox', { confirmSwitch }));
    setLoading(null);
    if (r && !r.switched) notifyDone('Connected to the built-in Sandbox Recruiterflow.', 'Sandbox connected');
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          Your workspace is empty
        </Title>
        <Text c="dimmed" size="sm" maw={720}>
          Flowbridge keeps your contacts and sequences on this computer and syncs them into Recruiterflow. Pick a way in; you can do the
          others later.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Option
          icon={<IconSequences />}
          title="Look around"
          actions={
            realAccount ? null : (
              <Button loading={loading === 'demo'} onClick={() => void loadDemo()}>
                Load demo workspace
              </Button>
            )
          }
        >
          {realAccount
            ? 'The demo workspace is not offered while a real Recruiterflow account is connected: its invented people would be synced into it. Disconnect, or use the Sandbox, to look around with demo data.'
            : 'Sample sequences and contacts, so every screen has something to show. Demo data only ever syncs to the built-in Sandbox, never to a real Recruiterflow account, and Remove demo data takes it all out.'}
        </Option>
        <Option
          icon={<IconLink />}
          title="Try syncing safely"
          actions={
            connection?.connected ? (
              <Badge color="teal" variant="light" size="lg" leftSection={<IconCheck size={14} />} tt="none">
                {connection.sandbox ? 'Sandbox connected' : 'Recruiterflow connected'}
              </Badge>
            ) : (
              <Button variant="light" loading={loading === 'sandbox'} onClick={() => void connectSandbox()}>
                Use the Sandbox
              </Button>
            )
          }
        >
          A pretend Recruiterflow built into Flowbridge: connect, sync and see the results without a real account.
        </Option>
        <Option
          icon={<IconUpload />}
          title="Start for real"
          actions={
            <>
              <Button variant="default" component="a" href={href('/contacts?import')}>
                Import a CSV file
              </Button>
              <Group gap="xs" justify="center">
                <Button variant="subtle" size="compact-sm" onClick={onCreate}>
                  Create a sequence
                </Button>
                {!connection?.connected && (
                  <Button variant="subtle" size="compact-sm" component="a" href={href('/settings/connection')}>
                    Connect Recruiterflow
                  </Button>
                )}
              </Group>
            </>
          }
        >
          Import your contacts from a spreadsheet, connect with your Recruiterflow API key, and group contacts into sequences.
        </Option>
      </SimpleGrid>
      {modal}
    </Stack>
  );
}
