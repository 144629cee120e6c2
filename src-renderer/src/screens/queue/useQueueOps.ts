// Hold, release, approve and cancel queue items: the selected ones, one row's, or every item of the queue
// after a confirmation.
import { useState } from 'react';
import { call, notifyDone } from '../../api/call';
import type { Selection } from '../../hooks/useSelection';
import { plural } from '../../lib/format';
import type { QueueOp as Op } from './queueColumns';

const OP_CHANNEL = { hold: 'queue:hold', release: 'queue:release', approve: 'queue:approve', cancel: 'queue:cancel' } as const;
export const OP_LABEL: Record<Op, string> = { hold: 'Hold', release: 'Release', approve: 'Approve', cancel: 'Cancel' };
const OP_DONE: Record<Op, string> = { hold: 'held', release: 'released', approve: 'approved', cancel: 'cancelled' };

export function useQueueOps(selection: Selection) {
  /** The operation waiting for the recruiter to confirm it on the whole queue. */
  const [confirmAll, setConfirmAll] = useState<Op | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function apply(op: Op, target: { ids: number[] } | { all: true }, who: string) {
    setBusy(op);
    const r = await call(OP_CHANNEL[op], target);
    setBusy(null);
    setConfirmAll(null);
    if (!r) return;
    notifyDone(`${plural(r.changed, 'item')} ${OP_DONE[op]}${who}.`, `Queue: ${OP_LABEL[op].toLowerCase()}`);
    if ('ids' in target) selection.setMany(target.ids, false);
  }

  return { busy, apply, confirmAll, setConfirmAll };
}
