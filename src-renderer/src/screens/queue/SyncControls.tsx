// Sync now (with progress), pause and resume.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/call';
import { IconPause, IconPlay, IconSend } from '../../components/Icons';
import { useAppStatus } from '../../hooks/useAppStatus';

export function SyncControls() {
  const { status, progress, connection, refetchStatus } = useAppStatus();
  const [busy, setBusy] = useState<'run' | 'pause' | null>(null);
  const running = busy === 'run' || !!progress?.running || !!status?.running;

  async function syncNow() {
    setBusy('run');
    await call('sync:run', {});
    setBusy(null);
    refetchStatus();
  }

  async function togglePause() {
    setBusy('pause');
    await call(status?.paused ? 'sync:resume' : 'sync:pause', {});
    setBusy(null);
    refetchStatus();
  }

  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={status?.paused ? <IconPlay size={16} /> : <IconPause size={16} />}
        loading={busy === 'pause'}
        onClick={() => void togglePause()}
      >
        {status?.paused ? 'Resume sync' : 'Pause sync'}
      </Button>
      <Button
        leftSection={<IconSend size={16} />}
        loading={running}
        loaderProps={{ type: 'dots' }}
        disabled={!connection?.connected}
        title={connection?.connected ? undefined : 'Connect Recruiterflow first (Settings)'}
        onClick={() => void syncNow()}
      >
        Sync now
      </Button>
    </Group>
  );
}
