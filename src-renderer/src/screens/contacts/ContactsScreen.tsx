import { Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { ENROLLMENT_STATES, type ContactRow, type EnrollmentState } from '../../../../src-shared/domain';
import { call } from '../../api/call';
import { useRecordUrlPattern } from '../../components/RecordLink';
import { useSelection } from '../../hooks/useSelection';
import { IconContacts, IconUpload } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { VirtualTable, type SortState } from '../../components/VirtualTable';
import { usePagedRows } from '../../hooks/usePagedRows';
import { navigate } from '../../hooks/useRoute';
import { plural } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';

type StateFilter = EnrollmentState | 'none' | 'all';
const STATE_FILTER_DATA = [
  { value: 'all', label: 'Any state' },
  ...ENROLLMENT_STATES.map((s) => ({ value: s, label: `In a sequence as: ${STATE_LABELS[s]}` })),
  { value: 'none', label: 'In no sequence' },
];
import { ContactDrawer } from './ContactDrawer';
import { ImportWizard } from './ImportWizard';
import { contactColumns, type ContactSort } from './contactColumns';
import { ContactsBulkDelete } from './ContactsBulkDelete';
import { EmptyCard } from '../../components/EmptyCard';

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
      <ContactsBulkDelete
        selection={selection}
        allMatching={allMatching}
        setAllMatching={setAllMatching}
        filter={filter}
        total={rows.total}
        tableLabel="Contacts"
      />
      <VirtualTable
        label="Contacts"
        rows={rows}
        columns={contactColumns({ pattern, onOpenContact: setDrawer })}
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
