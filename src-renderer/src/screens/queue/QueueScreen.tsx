// The sync queue: what will be sent, what is waiting and what is held for review; works offline.
import { Alert, Button, Group, Menu, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { QueueItem, QueueState } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { BulkBar } from '../../components/BulkBar';
import { ConfirmModal } from '../../components/ConfirmModal';
import { IconOffline } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { tableRegionId, VirtualTable } from '../../components/VirtualTable';
import { useAppStatus } from '../../hooks/useAppStatus';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useNow } from '../../hooks/useNow';
import { useSelection } from '../../hooks/useSelection';
import { formatNumber, plural } from '../../lib/format';
import { pauseReasonText } from '../../lib/labels';
import { href } from '../../hooks/useRoute';
import { queueColumns, type QueueOp as Op } from './queueColumns';
import { RequestPreviewModal } from './RequestPreviewModal';
import { SyncControls } from './SyncControls';

const OP_CHANNEL = { hold: 'queue:hold', release: 'queue:release', approve: 'queue:approve', cancel: 'queue:cancel' } as const;
const OP_LABEL: Record<Op, string> = { hold: 'Hold', release: 'Release', approve: 'Approve', cancel: 'Cancel' };
const OP_DONE: Record<Op, string> = { hold: 'held', release: 'released', approve: 'approved', cancel: 'cancelled' };
const CONFIRM_ALL_TEXT: Record<Op, string> = {
  approve: 'Every item awaiting review is sent with the next sync. Items you held on purpose stay held.',
  release: 'Every item you held goes back to the queue and is sent with the next sync. Items awaiting review still need your approval.',
  hold: 'Every waiting item, in the whole queue and not only the ones shown, is held until you release it.',
  cancel: 'Every waiting item is cancelled: those contacts will not be sent to Recruiterflow unless you resync them.',
};

const FILTERS: Record<string, { label: string; states: QueueState[] }> = {
  active: { label: 'All waiting', states: ['pending', 'in_flight', 'backoff', 'review', 'held'] },
  pending: { label: 'Pending', states: ['pending'] },
  in_flight: { label: 'In flight', states: ['in_flight'] },
  backoff: { label: 'Backing off', states: ['backoff'] },
  review: { label: 'Awaiting review', states: ['review'] },
  held: { label: 'Held by you', states: ['held'] },
  finished: { label: 'Finished', states: ['done', 'failed', 'cancelled'] },
};

export function QueueScreen() {
  const { status, connection, progress } = useAppStatus();
  const [filter, setFilter] = useState('active');
  const [previewItem, setPreviewItem] = useState<QueueItem | null>(null);
  const [confirmAll, setConfirmAll] = useState<Op | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const selection = useSelection();
  const now = useNow(5_000);
  const offline = (status && !status.online) || connection?.status === 'unreachable';

  const states = FILTERS[filter]!.states;
  const key = JSON.stringify(states);
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('queue:list', { states: JSON.parse(key) as QueueState[], offset, limit }),
    [key],
  );
  const rows = usePagedRows<QueueItem>(fetchPage, key, { refetchOn: ['queue:changed', 'sync:progress'] });

  async function apply(op: Op, target: { ids: number[] } | { all: true }, who: string) {
    setBusy(op);
    const r = await call(OP_CHANNEL[op], target);
    setBusy(null);
    setConfirmAll(null);
    if (!r) return;
    notifyDone(`${plural(r.changed, 'item')} ${OP_DONE[op]}${who}.`, `Queue: ${OP_LABEL[op].toLowerCase()}`);
    if ('ids' in target) selection.setMany(target.ids, false);
  }

  const columns = queueColumns({
    now,
    offline: Boolean(offline) || (connection !== null && connection !== undefined && !connection.connected),
    finished: filter === 'finished',
    onPreview: setPreviewItem,
    onApply: (op, ids) => void apply(op, { ids }, ''),
  });

  const q = status?.queue;
  return (
    <>
      <PageHeader
        title="Sync queue"
        description="Everything waiting to be sent to Recruiterflow. With review before sync on, new items await your review until you approve them. Hold keeps an item back on purpose until you release it; approving all never sends what you held."
        actions={<SyncControls />}
      />
      <Stack gap="sm" mb="sm">
        {connection && !connection.connected && (
          <Alert color="gray" title="Not connected to Recruiterflow" role="status">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Nothing is sent until you connect. Queued items wait here and go out once you do.</Text>
              <Button size="xs" variant="default" component="a" href={href('/settings/connection')}>
                Connect Recruiterflow
              </Button>
            </Stack>
          </Alert>
        )}
        {offline && (
          <Alert color="yellow" icon={<IconOffline />} title="You are offline" role="status">
            Recruiterflow cannot be reached right now. You can still review, hold, release, approve and cancel items here; they are sent
            once the connection is back.
          </Alert>
        )}
        {status?.paused &&
          (status.pausedReason === 'invalid_key' ? (
            <Alert color="red" title="Sync is paused: Recruiterflow refused the API key" role="status">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">Nothing is sent until you reconnect with a valid key. The queue is kept and continues afterwards.</Text>
                <Button size="xs" component="a" href={href('/settings/connection')}>
                  Reconnect
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Alert color="orange" title="Sync is paused" role="status">
              {status.pausedReason === 'user'
                ? 'You paused sync: nothing is sent until you resume.'
                : `Nothing is sent until you resume (${pauseReasonText(status.pausedReason)}).`}
            </Alert>
          ))}
        {progress?.running && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">
              Syncing… {progress.done} of {progress.total}
            </Text>
            <Progress value={progress.total ? (progress.done / progress.total) * 100 : 100} animated aria-label="Sync progress" />
          </Stack>
        )}
      </Stack>
      <Group justify="space-between" mb="sm" gap="sm">
        <SegmentedControl
          aria-label="Filter the queue by state"
          value={filter}
          onChange={(v) => {
            setFilter(v);
            selection.clear();
          }}
          data={Object.entries(FILTERS).map(([value, f]) => ({
            value,
            label: `${f.label}${q ? countLabel(value, q) : ''}`,
          }))}
        />
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default">Apply to all…</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setConfirmAll('approve')}>Approve all awaiting review</Menu.Item>
            <Menu.Item onClick={() => setConfirmAll('release')}>Release all you held</Menu.Item>
            <Menu.Item onClick={() => setConfirmAll('hold')}>Hold all waiting</Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => setConfirmAll('cancel')}>
              Cancel all
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <BulkBar count={selection.size} onClear={selection.clear} returnFocusTo={tableRegionId('Queue items')}>
        {(['approve', 'release', 'hold'] as const).map((op) => (
          <Button
            key={op}
            size="xs"
            variant="default"
            loading={busy === op}
            onClick={() => void apply(op, { ids: [...selection.ids] }, '')}
          >
            {OP_LABEL[op]}
          </Button>
        ))}
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={busy === 'cancel'}
          onClick={() => void apply('cancel', { ids: [...selection.ids] }, '')}
        >
          Cancel
        </Button>
      </BulkBar>
      <VirtualTable
        label="Queue items"
        rows={rows}
        columns={columns}
        getId={(item) => item.id}
        describeRow={(item) => item.email}
        selection={selection}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            {filter === 'active'
              ? 'The queue is empty: everything that should sync has synced.'
              : `No ${FILTERS[filter]!.label.toLowerCase()} items.`}
          </Text>
        }
      />
      <RequestPreviewModal item={previewItem} onClose={() => setPreviewItem(null)} />
      <ConfirmModal
        opened={confirmAll !== null}
        title={confirmAll ? `${OP_LABEL[confirmAll]} every queue item?` : ''}
        confirmLabel={confirmAll ? `${OP_LABEL[confirmAll]} all` : ''}
        color={confirmAll === 'cancel' ? 'red' : undefined}
        loading={busy !== null}
        onConfirm={() => confirmAll && void apply(confirmAll, { all: true }, ' in the whole queue')}
        onClose={() => setConfirmAll(null)}
      >
        {confirmAll ? CONFIRM_ALL_TEXT[confirmAll] : ''}
      </ConfirmModal>
    </>
  );
}

function countLabel(filter: string, q: { due: number; backoff: number; review: number; held: number; inFlight: number }): string {
  const counts: Record<string, number> = {
    active: q.due + q.backoff + q.review + q.held + q.inFlight,
    review: q.review,
    held: q.held,
    backoff: q.backoff,
    in_flight: q.inFlight,
    pending: q.due,
  };
  const n = counts[filter] ?? null;
  return n === null ? '' : ` (${formatNumber(n)})`;
}
