import { Anchor, Badge, Button, Center, Loader, ScrollArea, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef } from 'react';
import type { SequenceSummary } from '../../../../src-shared/domain';
import { CountCell } from '../../components/CountCell';
import { Effective } from '../../components/Effective';
import { IconPlus, IconSequences } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { WorkspaceEmpty } from '../../components/WorkspaceEmpty';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useAppStatus } from '../../hooks/useAppStatus';
import { useElementWidth } from '../../hooks/useElementWidth';
import { href } from '../../hooks/useRoute';
import { formatNumber } from '../../lib/format';
import { jobName } from '../../lib/jobs';
import { STATE_COLORS, STATE_LABELS, SYNC_AS_LABELS, SYNC_MODE_SHORT } from '../../lib/labels';
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

/** Below this width the per-state count columns fold into one column, so names and settings stay readable. */
const WIDE_TABLE = 1080;

export function SequencesScreen() {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const compact = width !== null && width < WIDE_TABLE;
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
          <Table
            highlightOnHover
            verticalSpacing="sm"
            miw={compact ? 700 : 940}
            aria-label="Sequences"
            className="sticky-first-column nowrap-header"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>Sequence</Table.Th>
                <Table.Th ta="right">Contacts</Table.Th>
                {compact ? (
                  <Table.Th>By state</Table.Th>
                ) : (
                  COUNT_COLUMNS.map(([, label]) => (
                    <Table.Th key={label} ta="right">
                      {label}
                    </Table.Th>
                  ))
                )}
                <Table.Th>Sync mode</Table.Th>
                <Table.Th>Sync as</Table.Th>
                <Table.Th>Job</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <SequenceRow key={s.id} s={s} jobs={jobs.data} compact={compact} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <div ref={boxRef} aria-hidden style={{ width: '100%', height: 0 }} />
      <CreateSequenceModal opened={createOpened} onClose={create.close} />
    </>
  );
}

function SequenceRow({ s, jobs, compact }: { s: SequenceSummary; jobs: Parameters<typeof jobName>[0]; compact: boolean }) {
  const e = s.effective;
  // A job only means something for candidates that sync: contacts are never added to jobs.
  const noJob = s.disableSync ? 'Sync disabled' : e.syncAs === 'contact' ? 'Contacts are not added to jobs' : null;
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
      {compact ? (
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'normal' }}>
            {COUNT_COLUMNS.filter(([state]) => s.counts[state] > 0)
              .map(([state]) => `${formatNumber(s.counts[state])} ${STATE_LABELS[state].toLowerCase()}`)
              .join(' · ') || '—'}
          </Text>
        </Table.Td>
      ) : (
        COUNT_COLUMNS.map(([state, label]) => (
          <Table.Td key={state} aria-label={`${label}: ${s.counts[state]}`}>
            <CountCell value={s.counts[state]} color={STATE_COLORS[state]} />
          </Table.Td>
        ))
      )}
      <Table.Td>
        {s.disableSync ? (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        ) : (
          <Effective value={SYNC_MODE_SHORT[e.syncMode]} inherited={e.inherited.syncMode} />
        )}
      </Table.Td>
      <Table.Td>
        <Effective value={SYNC_AS_LABELS[e.syncAs]} inherited={e.inherited.syncAs} />
      </Table.Td>
      <Table.Td>
        {noJob ? (
          <Text size="sm" c="dimmed" title={noJob}>
            —
          </Text>
        ) : (
          <Effective value={jobName(jobs, e.jobId)} inherited={e.inherited.jobId} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
