import { Button, Group, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { ContactRow } from '../../../../src-shared/domain';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call } from '../../api/call';
import { IconContacts, IconUpload } from '../../components/Icons';
import { CellButton, Truncated, When } from '../../components/CellButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { usePagedRows } from '../../hooks/usePagedRows';
import { navigate } from '../../hooks/useRoute';
import { formatNumber } from '../../lib/format';
import { SYNC_AS_LABELS } from '../../lib/labels';
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

  useEffect(() => setDrawer(openEmail), [openEmail]);

  const key = JSON.stringify({ search: debounced || undefined, sort: sort.by, dir: sort.dir });
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      call('contacts:list', { ...(JSON.parse(key) as { search?: string; sort: ContactSort; dir: SortState['dir'] }), offset, limit }),
    [key],
  );
  const rows = usePagedRows<ContactRow>(fetchPage, key, { refetchOn: ['data:changed', 'sync:progress'] });

  const columns: Column<ContactRow, ContactSort>[] = [
    {
      key: 'email',
      header: 'Email',
      sortKey: 'email',
      grow: 1.6,
      render: (c) => (
        <CellButton onClick={() => setDrawer(c.email)}>{c.email}</CellButton>
      ),
    },
    { key: 'name', header: 'Name', sortKey: 'name', render: (c) => <Truncated>{c.name}</Truncated> },
    { key: 'company', header: 'Company', sortKey: 'company', hideBelow: 820, render: (c) => <Truncated>{c.company}</Truncated> },
    { key: 'title', header: 'Title', hideBelow: 1000, render: (c) => <Truncated>{c.title}</Truncated> },
    { key: 'sequences', header: 'Sequences', width: 116, render: (c) => <Text size="sm">{c.sequences}</Text> },
    {
      key: 'rf',
      header: 'Recruiterflow',
      width: 150,
      render: (c) =>
        c.recruiterflowId ? (
          <Text size="sm" truncate title={`${c.recruiterflowType ? SYNC_AS_LABELS[c.recruiterflowType] : 'Record'} #${c.recruiterflowId} in Recruiterflow`}>
            #{c.recruiterflowId}{' '}
            <Text span size="xs" c="dimmed">
              {c.recruiterflowType ? SYNC_AS_LABELS[c.recruiterflowType].toLowerCase() : 'record'}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
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
        <SearchInput label="Search contacts" value={search} onChange={setSearch} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.total === null ? 'Loading…' : `${formatNumber(rows.total)} contacts`}
        </Text>
      </Group>
      <VirtualTable
        label="Contacts"
        rows={rows}
        columns={columns}
        getId={(c) => c.id}
        sort={sort}
        onSort={setSort}
        onRowClick={(c) => setDrawer(c.email)}
        empty={
          debounced ? (
            <Text c="dimmed" ta="center" py="xl">
              No contact matches “{debounced}”.
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
