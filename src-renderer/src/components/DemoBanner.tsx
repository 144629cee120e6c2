// Shown while the workspace holds demo data: says where it may go, and removes all of it on request.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { call, notifyDone } from '../api/call';
import { useAppStatus } from '../hooks/useAppStatus';
import { ConfirmModal } from './ConfirmModal';

export function DemoBanner() {
  const { info, refetchInfo } = useAppStatus();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!info?.demo) return null;

  async function remove() {
    setBusy(true);
    const r = await call('app:removeDemo', {});
    setBusy(false);
    setConfirming(false);
    refetchInfo();
    if (r) notifyDone(`Removed ${r.contacts} demo contacts and ${r.sequences} demo sequences.`, 'Demo data removed');
  }

  return (
    <Alert role="note" color="grape" variant="light" mb="md" title="This workspace holds demo data">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {info.realAccount
            ? 'A real Recruiterflow account is connected: demo contacts and sequences are never sent to it.'
            : 'Demo contacts and sequences only ever sync to the built-in Sandbox, never to a real Recruiterflow account.'}
        </Text>
        <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
          Remove demo data
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Remove demo data?"
        confirmLabel="Remove demo data"
        loading={busy}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        Every demo contact and demo sequence is deleted, with their queued sync work. Your own contacts and sequences stay.
      </ConfirmModal>
    </Alert>
  );
}
