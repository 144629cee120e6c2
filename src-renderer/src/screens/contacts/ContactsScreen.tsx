import { Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { ENROLLMENT_STATES, type ContactRow, type EnrollmentState } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { BulkBar } from '../../components/BulkBar';
import { ConfirmModal } from '../../components/ConfirmModal';
import { RecordLink, useRecordUrlPattern } from '../../components/RecordLink';
import { tableRegionId } from '../../components/VirtualTable';
import { useSelection } from '../../hooks/useSelection';
import type { ChannelInput } from '../../../../src-shared/contract';
import { IconContacts, IconUpload } from '../../components/Icons';
import { CellButton, Truncated, When } from '../../components/CellButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { usePagedRows } from '../../hooks/usePagedRows';
import { navigate } from '../../hooks/useRoute';
import { formatNumber, plural } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';

type StateFilter = EnrollmentState | 'none' | 'all';
const STATE_FILTER_DATA = [
  { value: 'all', label: 'Any state' },
  ...ENROLLMENT_STATES.map((s) => ({ value: s, label: `In a sequence as: ${STATE_LABELS[s]}` })),
  { value: 'none', label: 'In no sequence' },
];
import { ContactDrawer } from './ContactDrawer';
import { ImportWizard } from './ImportWizard';
import { EmptyCard } from '../../components/EmptyCard';

type ContactSort = NonNullable<ChannelInput<'contacts:list'>['sort']>;

export function ContactsScreen({ openEmail }: { openEmail: string | null }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [sort, setSort] = useState<SortState<ContactSort>>({ by: 'email', dir: 'asc' });
  const [drawer, setDrawer] = useState<string | null>(openEmail);
  const [importOpened, importer] = useDisclosure(window.location.hash.includes('?import'));
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const selection = useSelection();
  // "Select all N matching": the selection is the filter itself, not the rows loaded so far.
  const [allMatching, setAllMatching] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const pattern = useRecordUrlPattern();

  useEffect(() => setDrawer(openEmail), [openEmail]);

  const filter = { search: debounced || undefined, state: stateFilter === 'all' ? undefined : stateFilter };
  const key = JSON.stringify({ ...filter, sort: sort.by, dir: sort.dir });
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      call('contacts:list', {
        ...(JSON.parse(key) as { search?: string; state?: EnrollmentState | 'none'; sort: ContactSort; dir: SortState['dir'] }),
        offset,
        limit,
      }),
    [key],
  );
  const rows = usePagedRows<ContactRow>(fetchPage, key, { refetchOn: ['data:changed', 'sync:progress'] });
  const { clear } = selection;
  // A new search or filter starts a new selection: hidden rows must not be deleted by surprise.
  useEffect(() => {
    clear();
    setAllMatching(false);
  }, [key, clear]);
  const selected = allMatching ? (rows.total ?? 0) : selection.size;

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

  const columns: Column<ContactRow, ContactSort>[] = [
    {
      key: 'email',
      header: 'Email',
      sortKey: 'email',
      grow: 1.6,
      render: (c) => <CellButton onClick={() => setDrawer(c.email)}>{c.email}</CellButton>,
    },
    { key: 'name', header: 'Name', sortKey: 'name', render: (c) => <Truncated>{c.name}</Truncated> },
    { key: 'company', header: 'Company', sortKey: 'company', hideBelow: 820, render: (c) => <Truncated>{c.company}</Truncated> },
    { key: 'title', header: 'Title', hideBelow: 1000, render: (c) => <Truncated>{c.title}</Truncated> },
    { key: 'sequences', header: 'Sequences', width: 116, render: (c) => <Text size="sm">{c.sequences}</Text> },
    {
      key: 'rf',
      header: 'Recruiterflow',
      width: 150,
      render: (c) => <RecordLink id={c.recruiterflowId} type={c.recruiterflowType} pattern={pattern} showType />,
    },
    { key: 'updated', header: 'Updated', sortKey: 'updatedAt', width: 120, render: (c) => <When at={c.updatedAt} /> },
  ];

  function closeDrawer() {
    setDrawer(null);
    if (openEmail) navigate('/contacts');
  }

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone you have imported, the sequences they are in and the Recruiterflow record they are linked to."
        actions={
          <Button leftSection={<IconUpload />} onClick={importer.open}>
            Import CSV
          </Button>
        }
      />
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <SearchInput label="Search contacts" value={search} onChange={setSearch} />
          <Select
            aria-label="Filter contacts by state"
            data={STATE_FILTER_DATA}
            value={stateFilter}
            onChange={(v) => setStateFilter((v ?? 'all') as StateFilter)}
            allowDeselect={false}
            w={240}
          />
        </Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.total === null ? 'Loading…' : plural(rows.total, 'contact')}
        </Text>
      </Group>
      <BulkBar
        count={selected}
        onClear={() => {
          selection.clear();
          setAllMatching(false);
        }}
        returnFocusTo={tableRegionId('Contacts')}
        extra={
          rows.total && !allMatching && selection.size < rows.total ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setAllMatching(true)}>
              Select all {formatNumber(rows.total)} matching
            </Button>
          ) : allMatching ? (
            <Text size="xs" c="dimmed">
              All {formatNumber(rows.total ?? 0)} matching contacts are selected
            </Text>
          ) : null
        }
      >
        <Button size="xs" color="red" variant="light" onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      </BulkBar>
      <VirtualTable
        label="Contacts"
        rows={rows}
        columns={columns}
        getId={(c) => c.id}
        describeRow={(c) => c.email}
        selection={allMatching ? undefined : selection}
        sort={sort}
        onSort={setSort}
        onRowClick={(c) => setDrawer(c.email)}
        empty={
          debounced || stateFilter !== 'all' ? (
            <Text c="dimmed" ta="center" py="xl">
              {debounced ? `No contact matches “${debounced}”.` : 'No contact in this state.'}
            </Text>
          ) : (
            <EmptyCard
              icon={<IconContacts size={28} />}
              title="No contacts yet"
              description="Import a CSV with an email column (and any other columns you like) to get started."
              action="Import contacts from CSV"
              onAction={importer.open}
            />
          )
        }
      />
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
      <ContactDrawer email={drawer} onClose={closeDrawer} />
      <ImportWizard
        opened={importOpened}
        onClose={() => {
          importer.close();
          if (window.location.hash.includes('?import')) navigate('/contacts');
        }}
      />
    </>
  );
}
