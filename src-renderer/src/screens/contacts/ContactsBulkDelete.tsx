// Deleting contacts: the bulk bar over the contacts table (the selected rows, or every contact the search
// and filter match), and the confirmation that says what deleting does and does not do.
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call, notifyDone } from '../../api/call';
import { BulkBar } from '../../components/BulkBar';
import { ConfirmModal } from '../../components/ConfirmModal';
import { tableRegionId } from '../../components/VirtualTable';
import type { Selection } from '../../hooks/useSelection';
import { formatNumber, plural } from '../../lib/format';

type ContactFilter = Extract<ChannelInput<'contacts:delete'>, { matching: unknown }>['matching'];

export function ContactsBulkDelete({
  selection,
  allMatching,
  setAllMatching,
  filter,
  total,
  tableLabel,
}: {
  selection: Selection;
  /** "Select all N matching": the selection is the filter itself, not the rows loaded so far. */
  allMatching: boolean;
  setAllMatching: (on: boolean) => void;
  filter: ContactFilter;
  /** How many contacts the filter matches (null while loading). */
  total: number | null;
  tableLabel: string;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const selected = allMatching ? (total ?? 0) : selection.size;

  async function deleteSelected() {
    setDeleting(true);
    const r = allMatching
      ? await call('contacts:delete', { matching: filter })
      : await call('contacts:delete', { ids: [...selection.ids] });
    setDeleting(false);
    setConfirmDelete(false);
    if (!r) return;
    notifyDone(
      `${plural(r.deleted, 'contact')} deleted from Flowbridge.${r.skipped ? ` ${plural(r.skipped, 'contact')} kept: being sent to Recruiterflow right now.` : ''}`,
      'Contacts deleted',
    );
    selection.clear();
    setAllMatching(false);
  }

  return (
    <>
      <BulkBar
        count={selected}
        onClear={() => {
          selection.clear();
          setAllMatching(false);
        }}
        returnFocusTo={tableRegionId(tableLabel)}
        extra={
          total && !allMatching && selection.size < total ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setAllMatching(true)}>
              Select all {formatNumber(total)} matching
            </Button>
          ) : allMatching ? (
            <Text size="xs" c="dimmed">
              All {formatNumber(total ?? 0)} matching contacts are selected
            </Text>
          ) : null
        }
      >
        <Button size="xs" color="red" variant="light" onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      </BulkBar>
      <ConfirmModal
        opened={confirmDelete}
        title={`Delete ${plural(selected, 'contact')}?`}
        confirmLabel={`Delete ${formatNumber(selected)}`}
        loading={deleting}
        onConfirm={() => void deleteSelected()}
        onClose={() => setConfirmDelete(false)}
      >
        {`${plural(selected, 'contact')} ${selected === 1 ? 'is' : 'are'} deleted from Flowbridge, with ${selected === 1 ? 'its' : 'their'} sequence memberships and any sync still waiting in the queue. Nothing is deleted in Recruiterflow. This cannot be undone; importing the same people again brings them back as new contacts.`}
      </ConfirmModal>
    </>
  );
}
