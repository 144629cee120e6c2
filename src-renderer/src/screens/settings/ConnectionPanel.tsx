// The Recruiterflow connection: status, connect with a key (never shown back), Sandbox, test, disconnect.
import { Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { notifyDone } from '../../api/call';
import { useAccountSwitch } from '../../hooks/useAccountSwitch';
import { ConfirmModal } from '../../components/ConfirmModal';
import { VerifyLinksCard } from '../../components/VerifyLinksCard';
import { useAction } from '../../hooks/useAction';
import { useAppStatus } from '../../hooks/useAppStatus';
import { ConnectionStatusCard } from './connection/ConnectionStatusCard';
import { ConnectKeyCard } from './connection/ConnectKeyCard';
import { JobsCard } from './connection/JobsCard';
import { usePendingAction } from './connection/usePendingAction';

export function ConnectionPanel() {
  const { connection, refetchConnection } = useAppStatus();
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const { busy, run } = useAction();
  const { pending, act } = usePendingAction(refetchConnection);
  const { connectWith, modal: switchModal } = useAccountSwitch();

  return (
    <Stack maw={720}>
      <ConnectionStatusCard connection={connection} pending={pending} act={act} run={run} onDisconnect={() => setConfirmDisconnect(true)} />
      <ConnectKeyCard connection={connection} pending={pending} act={act} connectWith={connectWith} />
      <JobsCard connected={Boolean(connection?.connected)} pending={pending} act={act} run={run} />
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
