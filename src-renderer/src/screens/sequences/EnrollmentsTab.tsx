// A sequence's contacts: server-side search, sort and state filter over a virtualized table, with bulk actions.
import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { Enrollment, EnrollmentState, StateCounts } from '../../../../src-shared/domain';
import { call } from '../../api/call';
import { IconContacts } from '../../components/Icons';
import { SearchInput } from '../../components/SearchInput';
import { useRecordUrlPattern } from '../../components/RecordLink';
import { VirtualTable, type SortState } from '../../components/VirtualTable';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useSelection } from '../../hooks/useSelection';
import { formatNumber } from '../../lib/format';
import { ContactDrawer } from '../contacts/ContactDrawer';
import { EmptyCard } from '../../components/EmptyCard';
import { EnrollmentBulkActions } from './EnrollmentBulkActions';
import { enrollmentColumns, type EnrollmentSort } from './enrollmentColumns';
import { EnrollmentFilters } from './EnrollmentFilters';

const TABLE_LABEL = 'Contacts in this sequence';

export function EnrollmentsTab({ sequenceId, counts, onAdd }: { sequenceId: string; counts: StateCounts | undefined; onAdd: () => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [states, setStates] = useState<EnrollmentState[]>([]);
  const [repliedOnly, setRepliedOnly] = useState(false);
  const [sort, setSort] = useState<SortState<EnrollmentSort>>({ by: 'addedAt', dir: 'desc' });
  const [drawerEmail, setDrawerEmail] = useState<string | null>(null);
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

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        {/* "Add contacts" is the page's own action, in its header: one button for it on the screen. */}
        <SearchInput label="Search contacts in this sequence" value={search} onChange={setSearch} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.total === null ? 'Loading…' : `${formatNumber(rows.total)} shown`}
        </Text>
      </Group>
      <EnrollmentFilters counts={counts} states={states} onStates={setStates} repliedOnly={repliedOnly} onRepliedOnly={setRepliedOnly} />
      <EnrollmentBulkActions selection={selection} query={query} total={rows.total} tableLabel={TABLE_LABEL} />
      <VirtualTable
        label={TABLE_LABEL}
        rows={rows}
        columns={enrollmentColumns({ pattern, onOpenContact: setDrawerEmail })}
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
      <ContactDrawer email={drawerEmail} onClose={() => setDrawerEmail(null)} />
    </>
  );
}
