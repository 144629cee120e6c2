// Connecting (a key, or the Sandbox) may change the Recruiterflow account. The backend refuses a change
// that matters with confirm_required and a message saying what it would do; this asks the user with that
// message and, once confirmed, connects again with confirmSwitch.
import { Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ConnectResult } from '../../../src-shared/contract';
import { callResult, notifyDone, notifyError } from '../api/call';
import { ConfirmModal } from '../components/ConfirmModal';

type Connect = (
  confirmSwitch: boolean,
) => ReturnType<typeof callResult<'connection:connect'>> | ReturnType<typeof callResult<'connection:useSandbox'>>;

function describeSwitched(r: ConnectResult): string | null {
  const s = r.switched;
  if (!s) return null;
  return `Now connected to ${s.to}. ${s.queuedHeld} queued item${s.queuedHeld === 1 ? '' : 's'} wait for your review in the Queue; links to ${s.from} are kept but not reused.`;
}

export function useAccountSwitch(): { connectWith: (fn: Connect) => Promise<ConnectResult | undefined>; modal: ReactNode } {
  const [ask, setAsk] = useState<{ message: string; go: () => void; cancel: () => void } | null>(null);
  const [busy, setBusy] = useState(false);

  async function connectWith(fn: Connect): Promise<ConnectResult | undefined> {
    const first = await fn(false);
    if (first.ok) return first.value;
    if (first.error.code !== 'confirm_required') {
      notifyError(first.error, 'Could not connect');
      return undefined;
    }
    return new Promise((resolve) => {
      setAsk({
        message: first.error.message,
        cancel: () => {
          setAsk(null);
          resolve(undefined);
        },
        go: () => {
          setBusy(true);
          void fn(true).then((second) => {
            setBusy(false);
            setAsk(null);
            if (!second.ok) {
              notifyError(second.error, 'Could not connect');
              resolve(undefined);
              return;
            }
            const said = describeSwitched(second.value);
            if (said) notifyDone(said, 'Recruiterflow account changed');
            resolve(second.value);
          });
        },
      });
    });
  }

  const modal = (
    <ConfirmModal
      opened={ask !== null}
      title="Change Recruiterflow account?"
      confirmLabel="Change account"
      color="orange"
      loading={busy}
      onConfirm={() => ask?.go()}
      onClose={() => ask?.cancel()}
    >
      <Text size="sm">{ask?.message.replace(/ Confirm to change account\.$/, '')}</Text>
    </ConfirmModal>
  );
  return { connectWith, modal };
}
