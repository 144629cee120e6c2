// The status bar's mailbox item: shown once a mailbox is connected; says when it is unreachable or refused.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { MailboxStatus } from '../../../src-shared/mailbox';
import { useApiQuery } from '../hooks/useApiQuery';
import { href } from '../hooks/useRoute';

export function mailboxStateText(s: MailboxStatus | undefined): { label: string; color: string } {
  if (!s?.connected) return { label: 'Mailbox not connected', color: 'gray' };
  switch (s.state) {
    case 'scanning':
      return { label: 'Mailbox: scanning', color: 'blue' };
    case 'unreachable':
      return { label: 'Mailbox unreachable', color: 'yellow' };
    case 'auth_failed':
      return { label: 'Mailbox password refused', color: 'red' };
    default:
      return { label: s.live ? 'Mailbox: watching' : 'Mailbox connected', color: 'teal' };
  }
}

export function MailboxStatusItem() {
  const { data } = useApiQuery('mailbox:get', {}, { refetchOn: ['mailbox:changed'], quiet: true });
  if (!data?.connected) return null;
  const text = mailboxStateText(data);
  return (
    <Anchor href={href('/settings/mailbox')} size="xs" c="inherit" underline="hover" title={data.message ?? undefined}>
      <Group gap={6} wrap="nowrap">
        <Badge size="xs" circle color={text.color} aria-hidden="true">
          {' '}
        </Badge>
        <Text size="xs" span data-testid="status-mailbox">
          {text.label}
        </Text>
      </Group>
    </Anchor>
  );
}
