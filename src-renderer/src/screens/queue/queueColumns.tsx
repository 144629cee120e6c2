// The columns of the queue table, with each row's own actions (show requests, hold/release/approve/cancel).
import { ActionIcon, Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import type { QueueItem } from '../../../../src-shared/domain';
import { IconEye } from '../../components/Icons';
import { Truncated } from '../../components/CellButton';
import type { Column } from '../../components/VirtualTable';
import { formatRelative, formatWhen } from '../../lib/format';
import { QUEUE_STATE_COLORS, QUEUE_STATE_LABELS, SYNC_AS_LABELS } from '../../lib/labels';

export type QueueOp = 'hold' | 'release' | 'approve' | 'cancel';

export function queueColumns({
  now,
  onPreview,
  onApply,
}: {
  now: number;
  onPreview: (item: QueueItem) => void;
  onApply: (op: QueueOp, ids: number[]) => void;
}): Column<QueueItem>[] {
  return [
    { key: 'email', header: 'Contact', grow: 2, render: (q) => <Truncated>{q.email}</Truncated> },
    { key: 'seq', header: 'Sequence', grow: 1.5, render: (q) => <Truncated>{q.sequenceName}</Truncated> },
    {
      key: 'state',
      header: 'State',
      width: 116,
      render: (q) => (
        <Badge color={QUEUE_STATE_COLORS[q.state]} variant="light" tt="none">
          {QUEUE_STATE_LABELS[q.state]}
        </Badge>
      ),
    },
    { key: 'as', header: 'Sync as', width: 96, hideBelow: 900, render: (q) => <Text size="sm">{SYNC_AS_LABELS[q.syncAs]}</Text> },
    { key: 'attempts', header: 'Attempts', width: 96, hideBelow: 900, render: (q) => <Text size="sm">{q.attempts}</Text> },
    {
      key: 'next',
      header: 'Next attempt',
      width: 136,
      render: (q) => (
        <Text size="sm" title={formatWhen(q.nextAttemptAt)}>
          {q.state === 'backoff' || q.state === 'pending' ? formatRelative(q.nextAttemptAt, now) : '—'}
        </Text>
      ),
    },
    {
      key: 'error',
      header: 'Last error',
      hideBelow: 820,
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
              {q.state === 'held' ? (
                <>
                  <Menu.Item onClick={() => onApply('approve', [q.id])}>Approve</Menu.Item>
                  <Menu.Item onClick={() => onApply('release', [q.id])}>Release</Menu.Item>
                </>
              ) : (
                <Menu.Item disabled={!['pending', 'backoff'].includes(q.state)} onClick={() => onApply('hold', [q.id])}>
                  Hold
                </Menu.Item>
              )}
              <Menu.Item color="red" disabled={['done', 'cancelled', 'in_flight'].includes(q.state)} onClick={() => onApply('cancel', [q.id])}>
                Cancel
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ),
    },
  ];
}
