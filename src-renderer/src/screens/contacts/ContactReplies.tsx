// A contact's replies, auto-replies (with the return date they name) and bounces, newest first.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReplyKind } from '../../../../src-shared/mailbox';
import { useApiQuery } from '../../hooks/useApiQuery';
import { formatWhen } from '../../lib/format';

const KIND: Record<ReplyKind, { label: string; color: string }> = {
  reply: { label: 'Reply', color: 'teal' },
  auto_reply: { label: 'Auto-reply', color: 'gray' },
  bounce: { label: 'Bounced', color: 'red' },
};

export function ContactReplies({ email }: { email: string }) {
  const q = useApiQuery('mailbox:contactReplies', { email }, { refetchOn: ['data:changed', 'mailbox:changed'], quiet: true });
  const replies = q.data?.email === email.toLowerCase() ? q.data.replies : [];
  return (
    <section aria-labelledby="contact-replies">
      <Group gap="xs" mb={6}>
        <Title order={2} size="h5" id="contact-replies">
          Replies
        </Title>
        {q.data?.bounced && (
          <Badge color="red" variant="light" data-testid="contact-bounced">
            Bounced
          </Badge>
        )}
      </Group>
      {replies.length === 0 ? (
        <Text size="sm" c="dimmed">
          No replies recorded. Connect your mailbox (Settings → Mailbox) to record them as they arrive.
        </Text>
      ) : (
        <Stack gap={8} data-testid="contact-replies">
          {replies.map((r, i) => (
            <div key={`${r.at}-${i}`}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="sm" variant="light" color={KIND[r.kind].color}>
                  {KIND[r.kind].label}
                </Badge>
                <Text size="sm" fw={500} truncate>
                  {r.subject || (r.source === 'manual' ? 'Marked replied by hand' : '(no subject)')}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatWhen(r.at)}
                  {r.source === 'manual' ? ' · manual' : ''}
                </Text>
              </Group>
              {r.returnDate && (
                <Text size="xs" c="orange">
                  Out of office until {r.returnDate}
                </Text>
              )}
              {r.snippet && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {r.snippet}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </section>
  );
}
