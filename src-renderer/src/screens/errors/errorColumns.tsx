// The columns of the errors table: who, in which sequence, the problem (its badge offers the fix), the message.
import { Text } from '@mantine/core';
import type { ErrorRow } from '../../../../src-shared/domain';
import { CellLink, Truncated, When } from '../../components/CellButton';
import { StateBadge } from '../../components/StateBadge';
import type { Column } from '../../components/VirtualTable';
import { href } from '../../hooks/useRoute';

export const errorColumns: Column<ErrorRow>[] = [
  {
    key: 'email',
    header: 'Contact',
    grow: 1.4,
    render: (e) => <CellLink href={href(`/contacts/${encodeURIComponent(e.email)}`)}>{e.email}</CellLink>,
  },
  {
    key: 'seq',
    header: 'Sequence',
    hideBelow: 900,
    render: (e) => <CellLink href={href(`/sequences/${encodeURIComponent(e.sequenceId)}`)}>{e.sequenceName}</CellLink>,
  },
  {
    key: 'state',
    header: 'Problem',
    width: 200,
    render: (e) => <StateBadge enrollment={{ ...e, id: e.enrollmentId }} />,
  },
  // The message is what a recruiter reads here: it keeps the most room, and other columns give way first.
  { key: 'error', header: 'Error', grow: 2.2, render: (e) => <Truncated size="sm">{e.error}</Truncated> },
  { key: 'first', header: 'First seen', width: 120, hideBelow: 700, render: (e) => <When at={e.firstSeen} /> },
  { key: 'attempts', header: 'Attempts', width: 96, hideBelow: 980, render: (e) => <Text size="sm">{e.attempts}</Text> },
];
