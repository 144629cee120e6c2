// What keeps the queue from going out (not connected, offline, paused), and the progress of a running sync.
import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { IconOffline } from '../../components/Icons';
import { useAppStatus } from '../../hooks/useAppStatus';
import { href } from '../../hooks/useRoute';
import { pauseReasonText } from '../../lib/labels';

export function QueueNotices({ offline }: { offline: boolean }) {
  const { status, connection, progress } = useAppStatus();
  return (
    <Stack gap="sm" mb="sm">
      {connection && !connection.connected && (
        <Alert color="gray" title="Not connected to Recruiterflow" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Nothing is sent until you connect. Queued items wait here and go out once you do.</Text>
            <Button size="xs" variant="default" component="a" href={href('/settings/connection')}>
              Connect Recruiterflow
            </Button>
          </Stack>
        </Alert>
      )}
      {offline && (
        <Alert color="yellow" icon={<IconOffline />} title="You are offline" role="status">
          Recruiterflow cannot be reached right now. You can still review, hold, release, approve and cancel items here; they are sent once
          the connection is back.
        </Alert>
      )}
      {status?.paused &&
        (status.pausedReason === 'invalid_key' ? (
          <Alert color="red" title="Sync is paused: Recruiterflow refused the API key" role="status">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Nothing is sent until you reconnect with a valid key. The queue is kept and continues afterwards.</Text>
              <Button size="xs" component="a" href={href('/settings/connection')}>
                Reconnect
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Alert color="orange" title="Sync is paused" role="status">
            {status.pausedReason === 'user'
              ? 'You paused sync: nothing is sent until you resume.'
              : `Nothing is sent until you resume (${pauseReasonText(status.pausedReason)}).`}
          </Alert>
        ))}
      {progress?.running && (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">
            Syncing… {progress.done} of {progress.total}
          </Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 100} animated aria-label="Sync progress" />
        </Stack>
      )}
    </Stack>
  );
}
