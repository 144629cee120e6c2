// The mailbox commands of docs/cli.md (Mailbox), run through the real command line against a real Dovecot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { dovecotUnavailable, rawMessage, startDovecot, type Dovecot } from '../testing/dovecot';
import { contactsCsv, tempDir } from '../testing/fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const skip = dovecotUnavailable();
if (skip) console.log(`mailbox CLI tests skipped: ${skip}`);

let dovecot: Dovecot;
beforeAll(async () => {
  if (!skip) dovecot = await startDovecot();
}, 30_000);
afterAll(async () => dovecot?.stop());

async function cli(dir: string, argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dir, '--json'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: options.env ?? {},
    stdin: options.stdin === undefined ? undefined : async () => options.stdin!,
  });
  return { code, json: JSON.parse(stdout) as Record<string, unknown>, stderr };
}

describe.skipIf(skip !== null)('mailbox commands', () => {
  it('connect (stdin or env password), status, scan twice, contacts show, disconnect', async () => {
    const dir = tempDir('flowbridge-mailbox-cli-');
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, contactsCsv(2));
    await cli(dir, ['contacts', 'import', csv]);
    const seq = (await cli(dir, ['sequences', 'create', '--name', 'CLI', '--sync-mode', 'on-reply'])).json.id as string;
    await cli(dir, ['sequences', 'add', seq, '--emails', 'person0@example.test,person1@example.test']);
    const base = [
      'mailbox',
      'connect',
      '--host',
      '127.0.0.1',
      '--port',
      String(dovecot.tlsPort),
      '--user',
      dovecot.user,
      '--ca',
      dovecot.caFile,
      '--folder',
      'Cli',
    ];
    await dovecot.createFolder('Cli');

    const wrong = await cli(dir, [...base, '--password-stdin'], { stdin: 'nope\n' });
    expect(wrong).toMatchObject({ code: 1, json: { error: { code: 'auth_failed' } } });
    const missing = await cli(dir, base);
    expect(missing).toMatchObject({ code: 2, json: { error: { code: 'invalid_input' } } });
    const plain = await cli(dir, ['mailbox', 'connect', '--host', 'imap.example.com', '--user', 'u', '--security', 'none'], {
      env: { FLOWBRIDGE_MAILBOX_PASSWORD: 'x' },
    });
    expect(plain.json).toMatchObject({ error: { code: 'invalid_input' } });

    expect((await cli(dir, [...base, '--password-stdin'], { stdin: `${dovecot.password}\n` })).json).toMatchObject({
      connected: true,
      host: '127.0.0.1',
      security: 'tls',
      folder: 'Cli',
    });
    expect((await cli(dir, base, { env: { FLOWBRIDGE_MAILBOX_PASSWORD: dovecot.password } })).json).toMatchObject({ connected: true });
    expect((await cli(dir, ['mailbox', 'status'])).json).toMatchObject({
      connected: true,
      state: 'idle',
      lastScanAt: null,
      counts: { replies: 0, autoReplies: 0, bounces: 0 },
    });

    await dovecot.append(rawMessage({ from: 'person0@example.test', subject: 'Re: CLI', date: new Date(Date.now() + 2000) }), {
      folder: 'Cli',
    });
    await dovecot.append(rawMessage({ from: 'person1@example.test', subject: 'Automatic reply: CLI', date: new Date(Date.now() + 2000) }), {
      folder: 'Cli',
    });
    expect((await cli(dir, ['mailbox', 'scan'])).json).toEqual({ scanned: 2, replies: 1, autoReplies: 1, bounces: 0, ignored: 0 });
    expect((await cli(dir, ['mailbox', 'scan'])).json).toEqual({ scanned: 0, replies: 0, autoReplies: 0, bounces: 0, ignored: 0 });
    expect((await cli(dir, ['mailbox', 'scan', '--since', 'yesterday'])).code).toBe(2);
    const status = (await cli(dir, ['mailbox', 'status'])).json;
    expect(status).toMatchObject({ state: 'idle', counts: { replies: 1, autoReplies: 1, bounces: 0 } });
    expect(typeof status.lastScanAt).toBe('string');

    const shown = (await cli(dir, ['contacts', 'show', '--email', 'person0@example.test'])).json;
    expect(shown).toMatchObject({
      bounced: false,
      replies: [{ subject: 'Re: CLI', kind: 'reply', source: 'mailbox', at: expect.any(String) }],
    });
    expect((await cli(dir, ['status'])).json).toMatchObject({ states: { queued: 0 } });

    expect((await cli(dir, ['mailbox', 'disconnect'])).json).toEqual({ connected: false });
    expect((await cli(dir, ['mailbox', 'status'])).json).toMatchObject({ connected: false });
  }, 60_000);
});
