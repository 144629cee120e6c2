// Settings → Mailbox: connect the recruiter's mailbox (presets with app-password hints), test it,
// see its state and last scan, scan now, and the opt-in Recruiterflow note on replies.
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useAction } from '../../../hooks/useAction';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { MailboxConnectCard } from './MailboxConnectCard';
import { MailboxStatusCard } from './MailboxStatusCard';

export function MailboxPanel() {
  const mailbox = useApiQuery('mailbox:get', {}, { refetchOn: ['mailbox:changed'] });
  const s = mailbox.data;
  const { busy, run } = useAction();
  const [pending, setPending] = useState<string | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);

  async function act(name: string, fn: () => Promise<void>) {
    setPending(name);
    try {
      await fn();
    } finally {
      setPending(null);
      mailbox.refetch();
    }
  }

  return (
    <Stack maw={720}>
      <MailboxStatusCard
        s={s}
        pending={pending}
        act={act}
        run={run}
        onDisconnect={() => setConfirmDisconnect(true)}
        onNotesChanged={() => mailbox.refetch()}
      />
      <MailboxConnectCard connected={Boolean(s?.connected)} busy={busy} pending={pending} act={act} run={run} />
      <ConfirmModal
        opened={confirmDisconnect}
        title="Disconnect the mailbox?"
        confirmLabel="Disconnect"
        onConfirm={() =>
          void act('disconnect', async () => {
            await run('mailbox:disconnect', {});
            setConfirmDisconnect(false);
          })
        }
        onClose={() => setConfirmDisconnect(false)}
      >
        Flowbridge stops watching it and forgets its password. Replies already recorded stay.
      </ConfirmModal>
    </Stack>
  );
}
