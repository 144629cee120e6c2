// The columns of a sequence's contacts table.
import { Badge, Text } from '@mantine/core';
import type { ChannelInput } from '../../../../src-shared/contract';
import type { Enrollment } from '../../../../src-shared/domain';
import { CellButton, Truncated, When } from '../../components/CellButton';
import { RecordLink } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import type { Column } from '../../components/VirtualTable';
import { formatDateTime } from '../../lib/format';
import { SYNC_AS_LABELS } from '../../lib/labels';

export type EnrollmentSort = NonNullable<ChannelInput<'sequences:enrollments'>['sort']>;

export function enrollmentColumns({
  pattern,
  onOpenContact,
}: {
  /** The web address pattern of Recruiterflow records (empty: plain ids). */
  pattern: string;
  onOpenContact: (email: string) => void;
}): Column<Enrollment, EnrollmentSort>[] {
  return [
    {
      key: 'contact',
      header: 'Contact',
      sortKey: 'email',
      grow: 1.5,
      render: (e) => <CellButton onClick={() => onOpenContact(e.email)}>{e.email}</CellButton>,
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
}
