// The columns of the contacts table.
import { Text } from '@mantine/core';
import type { ChannelInput } from '../../../../src-shared/contract';
import type { ContactRow } from '../../../../src-shared/domain';
import { CellButton, Truncated, When } from '../../components/CellButton';
import { RecordLink } from '../../components/RecordLink';
import type { Column } from '../../components/VirtualTable';

export type ContactSort = NonNullable<ChannelInput<'contacts:list'>['sort']>;

export function contactColumns({
  pattern,
  onOpenContact,
}: {
  /** The web address pattern of Recruiterflow records (empty: plain ids). */
  pattern: string;
  onOpenContact: (email: string) => void;
}): Column<ContactRow, ContactSort>[] {
  return [
    {
      key: 'email',
      header: 'Email',
      sortKey: 'email',
      grow: 1.6,
      render: (c) => <CellButton onClick={() => onOpenContact(c.email)}>{c.email}</CellButton>,
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
}
