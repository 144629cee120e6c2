// The confirmation before an operation reaches every item of the queue, saying what it will do.
import { ConfirmModal } from '../../components/ConfirmModal';
import type { QueueOp as Op } from './queueColumns';
import { OP_LABEL } from './useQueueOps';

const CONFIRM_ALL_TEXT: Record<Op, string> = {
  approve: 'Every item awaiting review is sent with the next sync. Items you held on purpose stay held.',
  release: 'Every item you held goes back to the queue and is sent with the next sync. Items awaiting review still need your approval.',
  hold: 'Every waiting item, in the whole queue and not only the ones shown, is held until you release it.',
  cancel: 'Every waiting item is cancelled: those contacts will not be sent to Recruiterflow unless you resync them.',
};

export function ApplyToAllConfirm({
  op,
  loading,
  onConfirm,
  onClose,
}: {
  /** The operation to confirm; null: closed. */
  op: Op | null;
  loading: boolean;
  onConfirm: (op: Op) => void;
  onClose: () => void;
}) {
  return (
    <ConfirmModal
      opened={op !== null}
      title={op ? `${OP_LABEL[op]} every queue item?` : ''}
      confirmLabel={op ? `${OP_LABEL[op]} all` : ''}
      color={op === 'cancel' ? 'red' : undefined}
      loading={loading}
      onConfirm={() => op && onConfirm(op)}
      onClose={onClose}
    >
      {op ? CONFIRM_ALL_TEXT[op] : ''}
    </ConfirmModal>
  );
}
