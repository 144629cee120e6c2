// The bulk bar over the queue table: approve, release, hold or cancel the selected items.
import { Button } from '@mantine/core';
import { BulkBar } from '../../components/BulkBar';
import { tableRegionId } from '../../components/VirtualTable';
import type { Selection } from '../../hooks/useSelection';
import type { QueueOp as Op } from './queueColumns';
import { OP_LABEL } from './useQueueOps';

export function QueueBulkBar({
  selection,
  busy,
  onApply,
  tableLabel,
}: {
  selection: Selection;
  /** The operation running now, if any. */
  busy: string | null;
  onApply: (op: Op, ids: number[]) => void;
  tableLabel: string;
}) {
  return (
    <BulkBar count={selection.size} onClear={selection.clear} returnFocusTo={tableRegionId(tableLabel)}>
      {(['approve', 'release', 'hold'] as const).map((op) => (
        <Button key={op} size="xs" variant="default" loading={busy === op} onClick={() => onApply(op, [...selection.ids])}>
          {OP_LABEL[op]}
        </Button>
      ))}
      <Button size="xs" color="red" variant="light" loading={busy === 'cancel'} onClick={() => onApply('cancel', [...selection.ids])}>
        Cancel
      </Button>
    </BulkBar>
  );
}
