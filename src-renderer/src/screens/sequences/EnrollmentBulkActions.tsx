// The bulk bar over a sequence's contacts table (mark replied, resync, clear flag, retry, remove) and the
// confirmation before removing.
import { Button } from '@mantine/core';
import { BulkBar } from '../../components/BulkBar';
import { ConfirmModal } from '../../components/ConfirmModal';
import { tableRegionId } from '../../components/VirtualTable';
import type { Selection } from '../../hooks/useSelection';
import { formatNumber, plural } from '../../lib/format';
import { useEnrollmentBulk, type EnrollmentQuery } from './useEnrollmentBulk';

export function EnrollmentBulkActions({
  selection,
  query,
  total,
  tableLabel,
}: {
  selection: Selection;
  query: EnrollmentQuery;
  /** How many rows the query matches (null while loading). */
  total: number | null;
  tableLabel: string;
}) {
  const { busy, bulk, selectAllMatching, confirmRemove, setConfirmRemove } = useEnrollmentBulk(selection, query, total);
  return (
    <>
      <BulkBar
        count={selection.size}
        onClear={selection.clear}
        returnFocusTo={tableRegionId(tableLabel)}
        extra={
          total && selection.size < total ? (
            <Button size="compact-xs" variant="subtle" loading={busy === 'selectAll'} onClick={() => void selectAllMatching()}>
              Select all {formatNumber(total)} matching
            </Button>
          ) : null
        }
      >
        <Button size="xs" variant="default" loading={busy === 'markReplied'} onClick={() => void bulk('markReplied')}>
          Mark replied
        </Button>
        <Button size="xs" variant="default" loading={busy === 'resync'} onClick={() => void bulk('resync')}>
          Resync
        </Button>
        <Button size="xs" variant="default" loading={busy === 'clear'} onClick={() => void bulk('clear')}>
          Clear flag
        </Button>
        <Button size="xs" variant="default" loading={busy === 'retry'} onClick={() => void bulk('retry')}>
          Retry
        </Button>
        <Button size="xs" color="red" variant="light" onClick={() => setConfirmRemove(true)}>
          Remove
        </Button>
      </BulkBar>
      <ConfirmModal
        opened={confirmRemove}
        title="Remove contacts from this sequence?"
        confirmLabel={`Remove ${formatNumber(selection.size)}`}
        loading={busy === 'remove'}
        onConfirm={() => void bulk('remove')}
        onClose={() => setConfirmRemove(false)}
      >
        {`${plural(selection.size, 'contact')} will leave this sequence and any queued sync for them is cancelled. Their contact records and anything already in Recruiterflow stay as they are.`}
      </ConfirmModal>
    </>
  );
}
