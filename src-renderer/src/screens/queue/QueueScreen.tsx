// The sync queue: what will be sent, what is waiting and what is held for review; works offline.
import { Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { QueueItem, QueueState } from '../../../../src-shared/domain';
import { call } from '../../api/call';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable } from '../../components/VirtualTable';
import { useAppStatus } from '../../hooks/useAppStatus';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useNow } from '../../hooks/useNow';
import { useSelection } from '../../hooks/useSelection';
import { ApplyToAllConfirm } from './ApplyToAllConfirm';
import { queueColumns } from './queueColumns';
import { FILTERS } from './queueFilters';
import { QueueBulkBar } from './QueueBulkBar';
import { QueueNotices } from './QueueNotices';
import { QueueToolbar } from './QueueToolbar';
import { RequestPreviewModal } from './RequestPreviewModal';
import { SyncControls } from './SyncControls';
import { useQueueOps } from './useQueueOps';

const TABLE_LABEL = 'Queue items';

export function QueueScreen() {
  const { status, connection } = useAppStatus();
  const [filter, setFilter] = useState('active');
  const [previewItem, setPreviewItem] = useState<QueueItem | null>(null);
  const selection = useSelection();
  const { busy, apply, confirmAll, setConfirmAll } = useQueueOps(selection);
  const now = useNow(5_000);
  const offline = (status && !status.online) || connection?.status === 'unreachable';

  const states = FILTERS[filter]!.states;
  const key = JSON.stringify(states);
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('queue:list', { states: JSON.parse(key) as QueueState[], offset, limit }),
    [key],
  );
  const rows = usePagedRows<QueueItem>(fetchPage, key, { refetchOn: ['queue:changed', 'sync:progress'] });

  const columns = queueColumns({
    now,
    offline: Boolean(offline) || (connection !== null && connection !== undefined && !connection.connected),
    finished: filter === 'finished',
    onPreview: setPreviewItem,
    onApply: (op, ids) => void apply(op, { ids }, ''),
  });

  return (
    <>
      <PageHeader
        title="Sync queue"
        description="Everything waiting to be sent to Recruiterflow. With review before sync on, new items await your review until you approve them. Hold keeps an item back on purpose until you release it; approving all never sends what you held."
        actions={<SyncControls />}
      />
      <QueueNotices offline={Boolean(offline)} />
      <QueueToolbar
        filter={filter}
        onFilter={(v) => {
          setFilter(v);
          selection.clear();
        }}
        counts={status?.queue}
        onApplyToAll={setConfirmAll}
      />
      <QueueBulkBar selection={selection} busy={busy} onApply={(op, ids) => void apply(op, { ids }, '')} tableLabel={TABLE_LABEL} />
      <VirtualTable
        label={TABLE_LABEL}
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
      <ApplyToAllConfirm
        op={confirmAll}
        loading={busy !== null}
        onConfirm={(op) => void apply(op, { all: true }, ' in the whole queue')}
        onClose={() => setConfirmAll(null)}
      />
    </>
  );
}
