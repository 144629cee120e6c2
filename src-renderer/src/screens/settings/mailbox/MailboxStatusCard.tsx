// Settings → Mailbox, the connected mailbox: its state and last scan, test, scan now, disconnect, and the
// opt-in Recruiterflow note on replies.
import { Alert, Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { MailboxStatus } from '../../../../../src-shared/mailbox';
import { notifyDone } from '../../../api/call';
import { mailboxStateText } from '../../../components/MailboxStatusItem';
import type { useAction } from '../../../hooks/useAction';
import { formatDateTime, plural } from '../../../lib/format';

export function MailboxStatusCard({
  s,
  pending,
  act,
  run,
  onDisconnect,
  onNotesChanged,
}: {
  /** The mailbox's status (undefined while loading). */
  s: MailboxStatus | undefined;
  pending: string | null;
  /** Runs one named action (its button spins), then reads the mailbox's status again. */
  act: (name: string, fn: () => Promise<void>) => Promise<void>;
  run: ReturnType<typeof useAction>['run'];
  onDisconnect: () => void;
  onNotesChanged: () => void;
}) {
  const state = mailboxStateText(s);
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h4">
            Mailbox
          </Title>
          <Group gap="xs">
            <Badge color={state.color} size="lg" variant="light" data-testid="mailbox-state">
              {state.label}
            </Badge>
          </Group>
          {s?.connected ? (
            <Text size="sm" c="dimmed">
              {s.user} at {s.host}:{s.port} ({s.security}), folder {s.folder}.{' '}
              {s.lastScanAt ? `Last scan ${formatDateTime(s.lastScanAt)}.` : 'Not scanned yet.'}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Connect the mailbox your sequences send from: replies trigger on-reply syncs by themselves, auto-replies and bounces are told
              apart.
            </Text>
          )}
          {s?.connected && (
            <Text size="sm" data-testid="mailbox-counts">
              {plural(s.counts.replies, 'reply', 'replies')}, {plural(s.counts.autoReplies, 'auto-reply', 'auto-replies')},{' '}
              {plural(s.counts.bounces, 'bounce')} recorded.
            </Text>
          )}
        </Stack>
        {s?.connected && (
          <Group gap="xs">
            <Button
              variant="default"
              loading={pending === 'test'}
              onClick={() =>
                void act('test', async () => {
                  const r = await run('mailbox:test', {});
                  if (r) notifyDone(mailboxStateText(r).label, 'Mailbox tested');
                })
              }
            >
              Test
            </Button>
            <Button
              variant="default"
              loading={pending === 'scan'}
              onClick={() =>
                void act('scan', async () => {
                  const r = await run('mailbox:scan', {});
                  if (r)
                    notifyDone(
                      `${plural(r.scanned, 'new message')}: ${plural(r.replies, 'reply', 'replies')}, ${plural(r.autoReplies, 'auto-reply', 'auto-replies')}, ${plural(r.bounces, 'bounce')}.`,
                      'Scan finished',
                    );
                })
              }
            >
              Scan now
            </Button>
            <Button variant="default" color="red" onClick={onDisconnect}>
              Disconnect
            </Button>
          </Group>
        )}
      </Group>
      {s?.message && (s.state === 'unreachable' || s.state === 'auth_failed') && (
        <Alert role="status" color={s.state === 'auth_failed' ? 'red' : 'yellow'} variant="light" mt="sm" title={state.label}>
          {s.message}. Nothing is lost: Flowbridge catches up when the mailbox is back
          {s.state === 'auth_failed' ? ' and you reconnect with a valid password' : ''}.
        </Alert>
      )}
      {s?.connected && (
        <Switch
          mt="md"
          label="Add a note to the Recruiterflow record when a synced contact replies"
          description="One note per reply: “Replied to <sequence> on <date>: <subject>”."
          checked={s.notes}
          onChange={(e) => void run('mailbox:setNotes', { enabled: e.currentTarget.checked }).then(onNotesChanged)}
        />
      )}
    </Card>
  );
}
