// The columns of the queue table, with each row's own actions (show requests, hold/release/approve/cancel).
import { ActionIcon, Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import type { QueueItem } from '../../../../src-shared/domain';
import { IconEye } from '../../components/Icons';
import { Truncated } from '../../components/CellButton';
import type { Column } from '../../components/VirtualTable';
import { formatDateTime, formatRelative, formatWhen } from '../../lib/format';
import { FOLLOW_UP_LABELS, QUEUE_OUTCOME_LABELS, QUEUE_STATE_COLORS, QUEUE_STATE_LABELS, SYNC_AS_LABELS } from '../../lib/labels';

export type QueueOp = 'hold' | 'release' | 'approve' | 'cancel';

/** When a waiting item goes: offline or not connected, nothing goes until the connection is back. */
function nextAttemptText(q: QueueItem, now: number, offline: boolean): string {
  if (q.state === 'review') return 'After your approval';
  if (q.state === 'held') return 'When you release it';
  if (q.state === 'in_flight') return 'Sending now';
  if (q.state !== 'backoff' && q.state !== 'pending') return '—';
  if (offline) return 'Waiting for the connection';
  if (q.nextAttemptAt === null || q.nextAttemptAt <= now) return 'With the next sync';
  return formatRelative(q.nextAttemptAt, now);
}

export function queueColumns({
  now,
  offline,
  finished,
  onPreview,
  onApply,
}: {
  now: number;
  offline: boolean;
  finished: boolean;
  onPreview: (item: QueueItem) => void;
  onApply: (op: QueueOp, ids: number[]) => void;
}): Column<QueueItem>[] {
  const when: Column<QueueItem> = finished
    ? {
        key: 'finished',
        header: 'Finished',
        width: 190,
        // With its date: a finished list spans days.
        render: (q) => (
          <Text size="sm" truncate title={formatDateTime(q.updatedAt)}>
            {formatDateTime(q.updatedAt)}
          </Text>
        ),
      }
    : {
        key: 'next',
        header: 'Next attempt',
        width: 176,
        render: (q) => (
          <Text size="sm" title={formatWhen(q.nextAttemptAt)}>
            {nextAttemptText(q, now, offline)}
          </Text>
        ),
      };
  const outcome: Column<QueueItem> = {
    key: 'outcome',
    header: 'Outcome',
    grow: 1.5,
    render: (q) => (
      <Text size="sm" truncate title={q.lastError ?? undefined}>
        {q.outcome ? (QUEUE_OUTCOME_LABELS[q.outcome] ?? q.outcome) : '—'}
        {q.outcome === 'followed_up' && q.followUp ? ` · ${FOLLOW_UP_LABELS[q.followUp]}` : ''}
        {(q.outcome === 'synced' || q.outcome === 'followed_up') && q.recruiterflowId !== null
          ? ` · ${SYNC_AS_LABELS[q.syncAs]} #${q.recruiterflowId}`
          : ''}
        {q.outcome === 'failed' && q.lastError ? `: ${q.lastError}` : ''}
      </Text>
    ),
  };
  return [
    { key: 'email', header: 'Contact', grow: 2, render: (q) => <Truncated>{q.email}</Truncated> },
    { key: 'seq', header: 'Sequence', grow: 1.5, render: (q) => <Truncated>{q.sequenceName}</Truncated> },
    {
      key: 'state',
      header: 'State',
      width: 140,
      render: (q) => (
        <Badge color={QUEUE_STATE_COLORS[q.state]} variant="light" tt="none">
          {QUEUE_STATE_LABELS[q.state]}
        </Badge>
      ),
    },
    { key: 'as', header: 'Sync as', width: 96, hideBelow: 900, render: (q) => <Text size="sm">{SYNC_AS_LABELS[q.syncAs]}</Text> },
    { key: 'attempts', header: 'Attempts', width: 96, hideBelow: 900, render: (q) => <Text size="sm">{q.attempts}</Text> },
    when,
    ...(finished ? [outcome] : []),
    {
      key: 'error',
      header: 'Last error',
      hideBelow: finished ? 100_000 : 820,
      render: (q) => (
        <Text size="xs" c={q.lastError ? 'red' : 'dimmed'} truncate title={q.lastError ?? undefined}>
          {q.lastError ?? '—'}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      width: 100,
      render: (q) => (
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Show the requests it will send">
            <ActionIcon variant="subtle" aria-label={`Show requests for ${q.email}`} onClick={() => onPreview(q)}>
              <IconEye size={16} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" aria-label={`Actions for ${q.email}`}>
                •••
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {q.state === 'review' && <Menu.Item onClick={() => onApply('approve', [q.id])}>Approve</Menu.Item>}
              {q.state === 'held' ? (
                <Menu.Item onClick={() => onApply('release', [q.id])}>Release</Menu.Item>
              ) : (
                <Menu.Item disabled={!['pending', 'backoff', 'review'].includes(q.state)} onClick={() => onApply('hold', [q.id])}>
                  Hold
                </Menu.Item>
              )}
              <Menu.Item
                color="red"
                disabled={['done', 'cancelled', 'in_flight'].includes(q.state)}
                onClick={() => onApply('cancel', [q.id])}
              >
                Cancel
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ),
    },
  ];
}
