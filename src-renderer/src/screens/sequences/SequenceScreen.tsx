import { Anchor, Badge, Button, Center, Group, Loader, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { IconBack, IconPlus } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../hooks/useApiQuery';
import { href, navigate } from '../../hooks/useRoute';
import { formatNumber } from '../../lib/format';
import { jobName } from '../../lib/jobs';
import { SYNC_AS_LABELS, SYNC_MODE_SHORT } from '../../lib/labels';
import { AddContactsModal } from './AddContactsModal';
import { EnrollmentsTab } from './EnrollmentsTab';
import { RenameButton, SequenceNameForm } from './SequenceName';
import { SyncingTab } from './SyncingTab';

export function SequenceScreen({ id, tab }: { id: string; tab: 'contacts' | 'syncing' }) {
  const sequence = useApiQuery('sequences:get', { id }, { refetchOn: ['data:changed'] });
  const list = useApiQuery('sequences:list', {}, { refetchOn: ['data:changed', 'queue:changed', 'sync:progress'] });
  const jobs = useApiQuery('jobs:list', {});
  const [addOpened, add] = useDisclosure(false);
  // The name is renamed in the header, where it is shown (not among the sync settings).
  const [renaming, setRenaming] = useState(false);
  const summary = list.data?.find((s) => s.id === id);
  const seq = sequence.data;

  const back = (
    <Anchor href={href('/sequences')} size="sm">
      <Group gap={4}>
        <IconBack size={14} /> All sequences
      </Group>
    </Anchor>
  );

  if (!seq) {
    return sequence.error ? (
      <PageHeader above={back} title="Sequence not found" description={sequence.error.message} />
    ) : (
      <Center h={200}>
        <Loader size="sm" aria-label="Loading sequence" />
      </Center>
    );
  }

  const e = summary?.effective;
  return (
    <>
      <PageHeader
        above={back}
        title={renaming ? <SequenceNameForm key={seq.id} sequence={seq} onDone={() => setRenaming(false)} /> : seq.name}
        titleAside={renaming ? null : <RenameButton onClick={() => setRenaming(true)} />}
        description={
          summary && e ? (
            <>
              {formatNumber(summary.total)} contacts ·{' '}
              {seq.disableSync ? (
                <Badge size="sm" color="gray" variant="outline" component="span">
                  Sync disabled
                </Badge>
              ) : (
                <>
                  syncs {SYNC_MODE_SHORT[e.syncMode].toLowerCase()} as {SYNC_AS_LABELS[e.syncAs].toLowerCase()}
                  {e.syncAs === 'contact' ? '' : e.jobId != null ? ` into “${jobName(jobs.data, e.jobId)}”` : ', no job'}
                </>
              )}
            </>
          ) : undefined
        }
        actions={
          <Button leftSection={<IconPlus />} onClick={add.open}>
            Add contacts
          </Button>
        }
      />
      <Tabs value={tab} onChange={(v) => v && navigate(`/sequences/${encodeURIComponent(id)}/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="contacts">
            Contacts{' '}
            {summary && (
              <Text span size="xs" c="dimmed">
                {formatNumber(summary.total)}
              </Text>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="syncing">Syncing</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts">
          <EnrollmentsTab sequenceId={id} counts={summary?.counts} onAdd={add.open} />
        </Tabs.Panel>
        <Tabs.Panel value="syncing">
          <SyncingTab sequence={seq} queued={summary ? summary.counts.queued + summary.counts.retrying : 0} />
        </Tabs.Panel>
      </Tabs>
      <AddContactsModal sequenceId={id} opened={addOpened} onClose={add.close} />
    </>
  );
}
