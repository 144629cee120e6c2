// The footer line: connection state, online/offline, queue size, paused reason and a running sync.
import { Anchor, Badge, Group, Progress, Text } from '@mantine/core';
import type { ConnectionStatus } from '../../../src-shared/domain';
import { useBackendLost } from '../api/backendHealth';
import { queueCount, useAppStatus } from '../hooks/useAppStatus';
import { href } from '../hooks/useRoute';
import { formatNumber } from '../lib/format';
import { pauseReasonText } from '../lib/labels';
import { IconOffline } from './Icons';
import { MailboxStatusItem } from './MailboxStatusItem';

export const CONNECTION_TEXT: Record<ConnectionStatus, { label: string; color: string }> = {
  connected: { label: 'Connected', color: 'teal' },
  invalid_key: { label: 'Invalid API key', color: 'red' },
  unreachable: { label: 'Recruiterflow unreachable', color: 'yellow' },
  not_connected: { label: 'Not connected', color: 'gray' },
};

export function StatusBar() {
  const { connection, status, progress } = useAppStatus();
  // A key this host cannot read (saved by the desktop app, seen from browser mode) is not sent: say so.
  const conn = connection?.keyProblem
    ? { label: 'API key unreadable here', color: 'orange' }
    : CONNECTION_TEXT[connection?.status ?? 'not_connected'];
  const offline = (connection?.connected && status ? !status.online : false) || connection?.status === 'unreachable';
  const q = status?.queue;
  const lost = useBackendLost();
  if (lost) {
    return (
      <Group h="100%" px="md" gap="sm" wrap="nowrap" aria-label="Status" role="status" style={{ overflow: 'hidden' }}>
        <Badge size="xs" circle color="red" aria-hidden="true">
          {' '}
        </Badge>
        <Text size="xs" fw={600} c="red" truncate data-testid="status-backend-lost">
          The Flowbridge server has stopped: nothing here is up to date. Start it again (npm start, or serve) and reload this page.
        </Text>
      </Group>
    );
  }
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap" aria-label="Status" style={{ overflow: 'hidden' }}>
      <Anchor href={href('/settings/connection')} size="xs" c="inherit" underline="hover">
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" circle color={conn.color} aria-hidden="true">
            {' '}
          </Badge>
          <Text size="xs" span data-testid="status-connection" title={connection?.keyProblem ?? undefined}>
            {conn.label}
            {connection?.sandbox ? ' (Sandbox)' : ''}
          </Text>
        </Group>
      </Anchor>
      <MailboxStatusItem />
      {offline && (
        <Group gap={4} wrap="nowrap" c="yellow">
          <IconOffline size={14} />
          <Text size="xs" fw={600}>
            Offline
          </Text>
        </Group>
      )}
      <Anchor href={href('/queue')} size="xs" c="inherit" underline="hover" data-testid="status-queue">
        Queue: {formatNumber(queueCount(status))}
        {q && (q.backoff || q.held || q.review)
          ? ` (${[q.review ? `${q.review} awaiting review` : '', q.held ? `${q.held} held` : '', q.backoff ? `${q.backoff} backing off` : ''].filter(Boolean).join(', ')})`
          : ''}
      </Anchor>
      {status?.paused && (
        <Group gap={6} wrap="nowrap" miw={0} data-testid="status-paused">
          <Text size="xs" c="orange" fw={600} truncate>
            Sync paused{status.pausedReason ? `: ${pauseReasonText(status.pausedReason)}` : ''}
          </Text>
          {status.pausedReason === 'invalid_key' && (
            <Anchor href={href('/settings/connection')} size="xs" fw={600}>
              Reconnect
            </Anchor>
          )}
        </Group>
      )}
      {progress?.running && (
        <Group gap={6} wrap="nowrap" style={{ flex: '0 0 200px' }}>
          <Text size="xs">
            Syncing {progress.done}/{progress.total}
          </Text>
          <Progress
            value={progress.total ? (progress.done / progress.total) * 100 : 100}
            animated
            size="sm"
            style={{ flex: 1 }}
            aria-label="Sync progress"
          />
        </Group>
      )}
    </Group>
  );
}
