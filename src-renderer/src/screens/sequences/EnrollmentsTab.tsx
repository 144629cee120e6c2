// A sequence's contacts: server-side search, sort and state filter over a virtualized table, with bulk actions.
import { Badge, Button, Chip, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { ENROLLMENT_STATES, type Enrollment, type EnrollmentState, type StateCounts } from '../../../../src-shared/domain';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call, notifyDone } from '../../api/call';
import { BulkBar } from '../../components/BulkBar';
import { CellButton, Truncated, When } from '../../components/CellButton';
import { ConfirmModal } from '../../components/ConfirmModal';
import { IconContacts } from '../../components/Icons';
import { SearchInput } from '../../components/SearchInput';
import { RecordLink, useRecordUrlPattern } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import { tableRegionId, VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useSelection } from '../../hooks/useSelection';
import { formatDateTime, formatNumber, plural } from '../../lib/format';
import { STATE_LABELS, SYNC_AS_LABELS } from '../../lib/labels';
import { ContactDrawer } from '../contacts/ContactDrawer';
import { EmptyCard } from '../../components/EmptyCard';

type EnrollmentSort = NonNullable<ChannelInput<'sequences:enrollments'>['sort']>;
type Bulk = 'markReplied' | 'resync' | 'clear' | 'retry' | 'remove';

export function EnrollmentsTab({ sequenceId, counts, onAdd }: { sequenceId: string; counts: StateCounts | undefined; onAdd: () => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [states, setStates] = useState<EnrollmentState[]>([]);
  const [repliedOnly, setRepliedOnly] = useState(false);
  const [sort, setSort] = useState<SortState<EnrollmentSort>>({ by: 'addedAt', dir: 'desc' });
  const [drawerEmail, setDrawerEmail] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState<Bulk | 'selectAll' | null>(null);
  const selection = useSelection();
  const pattern = useRecordUrlPattern();

  const query = {
    sequenceId,
    search: debounced || undefined,
    states: states.length ? states : undefined,
    replied: repliedOnly ? true : undefined,
    sort: sort.by,
    dir: sort.dir,
  };
  const key = JSON.stringify(query);
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('sequences:enrollments', { ...(JSON.parse(key) as typeof query), offset, limit }),
    [key],
  );
  const rows = usePagedRows<Enrollment>(fetchPage, key, { refetchOn: ['data:changed', 'queue:changed', 'sync:progress'] });
  const { clear } = selection;
  // A new search or filter starts a new selection: hidden rows must not be acted on by surprise.
  useEffect(() => clear(), [key, clear]);

  async function selectAllMatching() {
    if (!rows.total) return;
    setBusy('selectAll');
    const ids: number[] = [];
    for (let offset = 0; offset < rows.total; offset += 1000) {
      const page = await call('sequences:enrollments', { ...query, offset, limit: 1000 });
      if (!page) break;
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 1000) break;
    }
    selection.replace(ids);
    setBusy(null);
  }

  async function bulk(action: Bulk) {
    const ids = [...selection.ids];
    setBusy(action);
    let message: string | null = null;
    if (action === 'markReplied') {
      const r = await call('enrollments:markReplied', { ids });
      if (r) message = `Recorded a reply for ${plural(r.recorded, 'contact')}.`;
    } else if (action === 'resync') {
      const r = await call('enrollments:resync', { ids });
      if (r) message = `${r.message}.`;
    } else if (action === 'clear') {
      const r = await call('enrollments:clear', { ids });
      if (r) message = `Cleared the flag on ${plural(r.cleared, 'contact')}.`;
    } else if (action === 'retry') {
      const r = await call('enrollments:retry', { ids });
      if (r) message = `${plural(r.queued, 'contact')} queued for another attempt.`;
    } else {
      const r = await call('enrollments:remove', { ids });
      if (r) message = `Removed ${plural(r.removed, 'contact')} from the sequence.`;
      setConfirmRemove(false);
    }
    setBusy(null);
    if (message) {
      notifyDone(message, 'Bulk action finished');
      selection.clear();
    }
  }

  const columns: Column<Enrollment, EnrollmentSort>[] = [
    {
      key: 'contact',
      header: 'Contact',
      sortKey: 'email',
      grow: 1.5,
      render: (e) => <CellButton onClick={() => setDrawerEmail(e.email)}>{e.email}</CellButton>,
    },
    { key: 'name', header: 'Name', sortKey: 'name', render: (e) => <Truncated>{e.name}</Truncated> },
    { key: 'state', header: 'State', sortKey: 'state', width: 200, render: (e) => <StateBadge enrollment={e} /> },
    {
      key: 'syncAs',
      header: 'Sync as',
      width: 100,
      hideBelow: 900,
      render: (e) => <Text size="sm">{e.disabled ? '—' : SYNC_AS_LABELS[e.syncAs]}</Text>,
    },
    { key: 'added', header: 'Added', sortKey: 'addedAt', width: 120, render: (e) => <When at={e.addedAt} /> },
    {
      key: 'replied',
      header: 'Replied',
      width: 120,
      hideBelow: 760,
      render: (e) =>
        e.bounced ? (
          <Badge size="sm" color="red" variant="light">
            Bounced
          </Badge>
        ) : e.repliedAt ? (
          <When at={e.repliedAt} />
        ) : (
          <Text size="sm">—</Text>
        ),
    },
    {
      key: 'synced',
      header: 'Synced',
      width: 170,
      hideBelow: 900,
      render: (e) => (
        <Text size="sm" truncate c={e.syncedAt ? undefined : 'dimmed'}>
          {formatDateTime(e.syncedAt)}
        </Text>
      ),
    },
    {
      key: 'rf',
      header: 'Recruiterflow',
      width: 130,
      hideBelow: 820,
      render: (e) => <RecordLink id={e.recruiterflowId} type={e.syncAs} pattern={pattern} />,
    },
  ];

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        {/* "Add contacts" is the page's own action, in its header: one button for it on the screen. */}
        <SearchInput label="Search contacts in this sequence" value={search} onChange={setSearch} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.total === null ? 'Loading…' : `${formatNumber(rows.total)} shown`}
        </Text>
      </Group>
      <Chip.Group multiple value={states} onChange={(v) => setStates(v)}>
        <Group gap={6} mb="sm" role="group" aria-label="Filter by state">
          {ENROLLMENT_STATES.map((s) => (
            <Chip key={s} value={s} size="xs" variant="outline">
              {STATE_LABELS[s]}
              {counts ? ` ${formatNumber(counts[s])}` : ''}
            </Chip>
          ))}
          <Chip checked={repliedOnly} onChange={setRepliedOnly} size="xs" variant="outline" color="teal" data-testid="filter-replied">
            Replied
          </Chip>
          {states.length > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => setStates([])}>
              Show all states
            </Button>
          )}
        </Group>
      </Chip.Group>
      <BulkBar
        count={selection.size}
        onClear={selection.clear}
        returnFocusTo={tableRegionId('Contacts in this sequence')}
        extra={
          rows.total && selection.size < rows.total ? (
            <Button size="compact-xs" variant="subtle" loading={busy === 'selectAll'} onClick={() => void selectAllMatching()}>
              Select all {formatNumber(rows.total)} matching
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
      <VirtualTable
        label="Contacts in this sequence"
        rows={rows}
        columns={columns}
        getId={(e) => e.id}
        describeRow={(e) => e.email}
        selection={selection}
        sort={sort}
        onSort={setSort}
        empty={
          debounced || states.length || repliedOnly ? (
            <Text c="dimmed" ta="center" py="xl">
              No contact matches these filters.
            </Text>
          ) : (
            <EmptyCard
              icon={<IconContacts size={28} />}
              title="No contacts in this sequence yet"
              description="Add contacts you have imported, paste their emails, or upload a spreadsheet. They sync to Recruiterflow under this sequence's settings."
              action="Add contacts"
              onAction={onAdd}
            />
          )
        }
      />
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
      <ContactDrawer email={drawerEmail} onClose={() => setDrawerEmail(null)} />
    </>
  );
}
