// What a newcomer sees on an empty data folder: a demo workspace, or the first real steps.
import { Button, Card, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, notifyDone } from '../api/call';
import { useAppStatus } from '../hooks/useAppStatus';
import { href } from '../hooks/useRoute';
import { IconSequences } from './Icons';

export function WorkspaceEmpty({ onCreate }: { onCreate: () => void }) {
  const { connection } = useAppStatus();
  const [loading, setLoading] = useState<'demo' | 'sandbox' | null>(null);

  async function loadDemo() {
    setLoading('demo');
    const r = await call('app:loadDemo', {});
    setLoading(null);
    if (r) notifyDone(`Loaded ${r.contacts} contacts in ${r.sequences} sequences.`, 'Demo workspace ready');
  }

  async function useSandbox() {
    setLoading('sandbox');
    const r = await call('connection:useSandbox', {});
    setLoading(null);
    if (r) notifyDone('Connected to the built-in Sandbox Recruiterflow.', 'Sandbox connected');
  }

  return (
    <Card withBorder padding="xl" radius="md">
      <EmptyState
        icon={<IconSequences size={28} />}
        variant="light"
        title="Your workspace is empty"
        description="Flowbridge keeps your contacts and sequences on this computer and syncs them into Recruiterflow. Start with the demo workspace to look around, or set up your own."
      >
        <EmptyState.Actions>
          <Stack gap="sm" align="center">
            <Button size="md" loading={loading === 'demo'} onClick={() => void loadDemo()}>
              Load demo workspace
            </Button>
            <Group gap="xs" justify="center">
              <Button variant="default" onClick={onCreate}>
                Create a sequence
              </Button>
              <Button variant="default" component="a" href={href('/contacts?import')}>
                Import contacts from CSV
              </Button>
            </Group>
            {!connection?.connected && (
              <Group gap="xs" justify="center">
                <Text size="sm" c="dimmed">
                  No Recruiterflow account at hand?
                </Text>
                <Button variant="subtle" size="compact-sm" loading={loading === 'sandbox'} onClick={() => void useSandbox()}>
                  Use the Sandbox
                </Button>
                <Button variant="subtle" size="compact-sm" component="a" href={href('/settings/connection')}>
                  Connect Recruiterflow
                </Button>
              </Group>
            )}
          </Stack>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
