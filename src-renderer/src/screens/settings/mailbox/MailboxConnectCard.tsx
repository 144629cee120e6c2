// Settings → Mailbox, connecting one: a provider preset (with its app-password hint) fills the server,
// port and security; plain IMAP is refused unless the server is this machine.
import { Button, Card, Group, NumberInput, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import {
  MAILBOX_PRESETS,
  MAILBOX_SECURITY,
  isLoopbackHost,
  type MailboxPreset,
  type MailboxSecurity,
} from '../../../../../src-shared/mailbox';
import { notifyDone } from '../../../api/call';
import type { useAction } from '../../../hooks/useAction';

const SECURITY_LABELS: Record<MailboxSecurity, string> = {
  tls: 'TLS (port 993)',
  starttls: 'STARTTLS (port 143)',
  none: 'None (this machine only)',
};

export function MailboxConnectCard({
  connected,
  busy,
  pending,
  act,
  run,
}: {
  /** A mailbox is connected already (this one replaces it). */
  connected: boolean;
  busy: boolean;
  pending: string | null;
  /** Runs one named action (its button spins), then reads the mailbox's status again. */
  act: (name: string, fn: () => Promise<void>) => Promise<void>;
  run: ReturnType<typeof useAction>['run'];
}) {
  const [preset, setPreset] = useState<MailboxPreset>(MAILBOX_PRESETS[0]!);
  const [host, setHost] = useState(preset.host);
  const [port, setPort] = useState<number>(preset.port);
  const [security, setSecurity] = useState<MailboxSecurity>(preset.security);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [caFile, setCaFile] = useState('');
  const [folder, setFolder] = useState('INBOX');

  function choose(id: string) {
    const p = MAILBOX_PRESETS.find((x) => x.id === id) ?? MAILBOX_PRESETS[0]!;
    setPreset(p);
    setHost(p.host);
    setPort(p.port);
    setSecurity(p.security);
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
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {connected ? 'Connect another mailbox' : 'Connect a mailbox'}
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
          <ImapServerFields
            host={host}
            onHost={setHost}
            port={port}
            onPort={setPort}
            security={security}
            onSecurity={setSecurity}
            plainRefused={plainRefused}
          />
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
  );
}

/** The IMAP server, its port and security (plain IMAP is refused unless the server is this machine). */
function ImapServerFields({
  host,
  onHost,
  port,
  onPort,
  security,
  onSecurity,
  plainRefused,
}: {
  host: string;
  onHost: (host: string) => void;
  port: number;
  onPort: (port: number) => void;
  security: MailboxSecurity;
  onSecurity: (security: MailboxSecurity) => void;
  plainRefused: boolean;
}) {
  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          label="IMAP server"
          value={host}
          onChange={(e) => onHost(e.currentTarget.value)}
          required
          placeholder="imap.example.com"
        />
        <NumberInput
          label="Port"
          value={port}
          onChange={(v) => onPort(typeof v === 'number' ? v : Number(v) || 993)}
          min={1}
          max={65535}
          maw={120}
        />
        <Select
          label="Security"
          value={security}
          onChange={(v) => v && onSecurity(v)}
          data={MAILBOX_SECURITY.map((v) => ({ value: v, label: SECURITY_LABELS[v] }))}
          allowDeselect={false}
        />
      </Group>
      {plainRefused && (
        <Text size="sm" c="red">
          Plain IMAP without TLS is only allowed to this machine.
        </Text>
      )}
    </>
  );
}
