import { Anchor, Badge, Button, Center, Loader, ScrollArea, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SequenceSummary } from '../../../../src-shared/domain';
import { CountCell } from '../../components/CountCell';
import { Effective } from '../../components/Effective';
import { IconPlus, IconSequences } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { WorkspaceEmpty } from '../../components/WorkspaceEmpty';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useAppStatus } from '../../hooks/useAppStatus';
import { href } from '../../hooks/useRoute';
import { formatNumber } from '../../lib/format';
import { jobName } from '../../lib/jobs';
import { STATE_COLORS, SYNC_AS_LABELS, SYNC_MODE_SHORT } from '../../lib/labels';
import { CreateSequenceModal } from './CreateSequenceModal';
import { LoadError } from '../../components/LoadError';
import { EmptyCard } from '../../components/EmptyCard';
import { DemoBanner } from '../../components/DemoBanner';

const COUNT_COLUMNS = [
  ['synced', 'Synced'],
  ['queued', 'Queued'],
  ['flagged', 'Flagged'],
  ['failed', 'Failed'],
  ['retrying', 'Retrying'],
  ['awaiting_reply', 'Waiting for a reply'],
  ['not_synced', 'Not synced'],
] as const;

export function SequencesScreen() {
  const { info } = useAppStatus();
  const sequences = useApiQuery('sequences:list', {}, { refetchOn: ['data:changed', 'queue:changed', 'sync:progress'] });
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  const [createOpened, create] = useDisclosure(false);
  const list = sequences.data;

  return (
    <>
      <PageHeader
        title="Sequences"
        description="Each sequence decides when its contacts go to Recruiterflow, as what, and into which job."
        actions={
          <Button leftSection={<IconPlus />} onClick={create.open}>
            New sequence
          </Button>
        }
      />
      <DemoBanner />
      {!list && sequences.error ? (
        <LoadError what="your sequences" message={sequences.error.message} onRetry={sequences.refetch} />
      ) : !list ? (
        <Center h={200}>
          <Loader size="sm" aria-label="Loading sequences" />
        </Center>
      ) : list.length === 0 && info?.empty ? (
        <WorkspaceEmpty onCreate={create.open} />
      ) : list.length === 0 ? (
        <EmptyCard
          icon={<IconSequences size={28} />}
          title="No sequences yet — create one"
          description="A sequence groups the contacts you reach out to together; its sync settings decide what reaches Recruiterflow."
          action="Create a sequence"
          onAction={create.open}
        />
      ) : (
        <ScrollArea type="auto" offsetScrollbars="present">
          <Table highlightOnHover verticalSpacing="sm" miw={940} aria-label="Sequences" className="sticky-first-column nowrap-header">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>Sequence</Table.Th>
                <Table.Th ta="right">Contacts</Table.Th>
                {COUNT_COLUMNS.map(([, label]) => (
                  <Table.Th key={label} ta="right">
                    {label}
                  </Table.Th>
                ))}
                <Table.Th>Sync mode</Table.Th>
                <Table.Th>Sync as</Table.Th>
                <Table.Th>Job</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <SequenceRow key={s.id} s={s} jobs={jobs.data} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <CreateSequenceModal opened={createOpened} onClose={create.close} />
    </>
  );
}

function SequenceRow({ s, jobs }: { s: SequenceSummary; jobs: Parameters<typeof jobName>[0] }) {
  const e = s.effective;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor href={href(`/sequences/${encodeURIComponent(s.id)}`)} fw={600}>
          {s.name}
        </Anchor>
        {s.disableSync && (
          <Badge ml="xs" size="xs" color="gray" variant="outline">
            Sync disabled
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{formatNumber(s.total)}</Text>
      </Table.Td>
      {COUNT_COLUMNS.map(([state, label]) => (
        <Table.Td key={state} aria-label={`${label}: ${s.counts[state]}`}>
          <CountCell value={s.counts[state]} color={STATE_COLORS[state]} />
        </Table.Td>
      ))}
      <Table.Td>{s.disableSync ? <Text size="sm" c="dimmed">Never</Text> : <Effective value={SYNC_MODE_SHORT[e.syncMode]} inherited={e.inherited.syncMode} />}</Table.Td>
      <Table.Td>
        <Effective value={SYNC_AS_LABELS[e.syncAs]} inherited={e.inherited.syncAs} />
      </Table.Td>
      <Table.Td>
        <Effective value={jobName(jobs, e.jobId)} inherited={e.inherited.jobId} />
      </Table.Td>
    </Table.Tr>
  );
}
