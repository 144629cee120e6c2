// Settings → Mailbox: connect the recruiter's mailbox (presets with app-password hints), test it,
// see its state and last scan, scan now, and the opt-in Recruiterflow note on replies.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  MAILBOX_PRESETS,
  MAILBOX_SECURITY,
  isLoopbackHost,
  type MailboxPreset,
  type MailboxSecurity,
} from '../../../../../src-shared/mailbox';
import { notifyDone } from '../../../api/call';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { mailboxStateText } from '../../../components/MailboxStatusItem';
import { useAction } from '../../../hooks/useAction';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { formatDateTime, plural } from '../../../lib/format';

const SECURITY_LABELS: Record<MailboxSecurity, string> = {
  tls: 'TLS (port 993)',
  starttls: 'STARTTLS (port 143)',
  none: 'None (this machine only)',
};

export function MailboxPanel() {
  const mailbox = useApiQuery('mailbox:get', {}, { refetchOn: ['mailbox:changed'] });
  const s = mailbox.data;
  const { busy, run } = useAction();
  const [preset, setPreset] = useState<MailboxPreset>(MAILBOX_PRESETS[0]!);
  const [host, setHost] = useState(preset.host);
  const [port, setPort] = useState<number>(preset.port);
  const [security, setSecurity] = useState<MailboxSecurity>(preset.security);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [caFile, setCaFile] = useState('');
  const [folder, setFolder] = useState('INBOX');
  const [pending, setPending] = useState<string | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const state = mailboxStateText(s);

  function choose(id: string) {
    const p = MAILBOX_PRESETS.find((x) => x.id === id) ?? MAILBOX_PRESETS[0]!;
    setPreset(p);
    setHost(p.host);
    setPort(p.port);
    setSecurity(p.security);
  }

  async function act(name: string, fn: () => Promise<void>) {
    setPending(name);
    try {
      await fn();
    } finally {
      setPending(null);
      mailbox.refetch();
    }
  }

  const connect = () =>
    act('connect', async () => {
      const r = await run('mailbox:connect', {
        host: host.trim(),
        port,
        security,
        user: user.trim(),
        password,
        caFile: caFile.trim() || null,
        folder: folder.trim() || 'INBOX',
      });
      if (r) {
        setPassword('');
        notifyDone(`Flowbridge watches ${r.folder} at ${r.host} for replies.`, 'Mailbox connected');
      }
    });
  const plainRefused = security === 'none' && host.trim() !== '' && !isLoopbackHost(host);

  return (
    <Stack maw={720}>
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
                Connect the mailbox your sequences send from: replies trigger on-reply syncs by themselves, auto-replies and bounces are
                told apart.
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
              <Button variant="default" color="red" onClick={() => setConfirmDisconnect(true)}>
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
            onChange={(e) => void run('mailbox:setNotes', { enabled: e.currentTarget.checked }).then(() => mailbox.refetch())}
          />
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {s?.connected ? 'Connect another mailbox' : 'Connect a mailbox'}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <Stack gap="sm">
            <SegmentedControl
              value={preset.id}
              onChange={choose}
              data={MAILBOX_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
              aria-label="Mail provider"
            />
            <Text size="sm" c="dimmed" data-testid="mailbox-hint">
              {preset.hint}
            </Text>
            <Group grow align="flex-start">
              <TextInput
                label="IMAP server"
                value={host}
                onChange={(e) => setHost(e.currentTarget.value)}
                required
                placeholder="imap.example.com"
              />
              <NumberInput
                label="Port"
                value={port}
                onChange={(v) => setPort(typeof v === 'number' ? v : Number(v) || 993)}
                min={1}
                max={65535}
                maw={120}
              />
              <Select
                label="Security"
                value={security}
                onChange={(v) => v && setSecurity(v)}
                data={MAILBOX_SECURITY.map((v) => ({ value: v, label: SECURITY_LABELS[v] }))}
                allowDeselect={false}
              />
            </Group>
            {plainRefused && (
              <Text size="sm" c="red">
                Plain IMAP without TLS is only allowed to this machine.
              </Text>
            )}
            <TextInput
              label="User"
              value={user}
              onChange={(e) => setUser(e.currentTarget.value)}
              required
              autoComplete="username"
              placeholder="you@example.com"
            />
            <PasswordInput
              label="Password (an app password)"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              autoComplete="current-password"
            />
            <Group grow align="flex-start">
              <TextInput label="Folder" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} />
              <TextInput
                label="CA certificate file (self-hosted servers)"
                value={caFile}
                onChange={(e) => setCaFile(e.currentTarget.value)}
                placeholder="/path/to/ca.pem"
              />
            </Group>
            <Group>
              <Button
                type="submit"
                loading={pending === 'connect'}
                disabled={busy || !host.trim() || !user.trim() || !password || plainRefused}
              >
                Test and connect
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ConfirmModal
        opened={confirmDisconnect}
        title="Disconnect the mailbox?"
        confirmLabel="Disconnect"
        onConfirm={() =>
          void act('disconnect', async () => {
            await run('mailbox:disconnect', {});
            setConfirmDisconnect(false);
          })
        }
        onClose={() => setConfirmDisconnect(false)}
      >
        Flowbridge stops watching it and forgets its password. Replies already recorded stay.
      </ConfirmModal>
    </Stack>
  );
}
