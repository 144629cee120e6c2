// Backend events that deserve a toast wherever the user is: `notify` (invalid key, queue paused, ...) and
// the end of a sync run. A problem with the API key offers its fix (Reconnect) in the toast itself.
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, type ReactNode } from 'react';
import { href } from './useRoute';
import { useServerEvent } from './useServerEvent';

const LEVEL_COLOR = { info: 'blue', warning: 'orange', error: 'red' } as const;
const KEY_PROBLEM = /\bAPI key\b|\breconnect\b/i;

function withReconnect(message: string): ReactNode {
  return (
    <Stack gap={4} align="flex-start">
      <Text inherit>{message}</Text>
      <Anchor href={href('/settings/connection')} size="sm" fw={600}>
        Reconnect
      </Anchor>
    </Stack>
  );
}

export function useGlobalNotifications(): void {
  const wasRunning = useRef(false);
  useServerEvent('notify', (n) => {
    const keyProblem = n.level !== 'info' && KEY_PROBLEM.test(`${n.title} ${n.message}`);
    notifications.show({
      id: `notify:${n.title}:${n.message}`,
      color: LEVEL_COLOR[n.level],
      title: n.title,
      message: keyProblem ? withReconnect(n.message) : n.message,
      autoClose: n.level === 'error' ? false : 8000,
    });
  });
  useServerEvent('sync:progress', (p) => {
    if (p.running) {
      wasRunning.current = true;
      return;
    }
    if (!wasRunning.current) return;
    wasRunning.current = false;
    const c = p.counts;
    const parts = [
      `${c.created} created`,
      `${c.linked} linked`,
      `${c.jobsAssigned} added to a job`,
      c.updated ? `${c.updated} updated` : '',
      c.moved ? `${c.moved} moved to a stage` : '',
      c.failed ? `${c.failed} failed` : '',
      c.retrying ? `${c.retrying} will retry` : '',
      c.pending ? `${c.pending} still pending` : '',
    ].filter(Boolean);
    notifications.show({
      id: 'sync-finished',
      color: c.failed ? 'orange' : 'teal',
      title: 'Sync finished',
      message: parts.join(', '),
      autoClose: 6000,
    });
  });
}
