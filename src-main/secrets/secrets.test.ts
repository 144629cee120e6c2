// The API key goes to the secret store and nowhere else. A full recruiter's flow runs with a
// distinctive key (connect, import, enroll, sync with failures whose server messages ECHO the key,
// error exports in CSV and JSON, the activity log, the app state, a real CLI process), and then every
// byte the app left behind is searched for it: every file of the data folder (the SQLite database with
// its WAL and SHM, backups, exports), everything printed on stdout and stderr, every event, and the
// output of every channel. The key is found only in secrets.json, which is mode 0600 where safeStorage
// is unavailable (tests, browser mode, the command line); with a safeStorage codec not even there.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-shared/contract';
import { runCli } from '../cli/run';
import { startSandbox, type Sandbox } from '../sandbox';
import { openTestBackend, tempDir } from '../testing/fixtures';
import { fileSecretStore } from './fileSecretStore';

const KEY = 'fb-Secret-Key-7c3e9a51d2b84f06-ZQX';
const forms = (key: string) => [
  Buffer.from(key, 'utf8'),
  Buffer.from(key, 'utf16le'),
  Buffer.from(Buffer.from(key).toString('base64').slice(0, 24)),
  Buffer.from(encodeURIComponent(key)),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function leaks(bytes: Buffer | string, key = KEY): boolean {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return forms(key).some((needle) => haystack.includes(needle));
}

describe('the API key is never written, logged, exported or sent back', () => {
  let sandbox: Sandbox;
  let dir: string;
  const printed: string[] = [];
  const events: unknown[] = [];
  const channelOutputs: { channel: string; text: string }[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY] });
    dir = tempDir('flowbridge-secrets-');
    // Everything the process prints directly (internal errors, warnings) is captured as well.
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = (c: string | Uint8Array) => (printed.push(String(c)), true);
    process.stderr.write = (c: string | Uint8Array) => (printed.push(String(c)), true);
    const cli = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli([...argv, '--data-dir', dir, '--json'], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {},
      });
      printed.push(stdout, stderr);
      return { code, json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : null };
    };
    try {
      const csv = join(dir, 'contacts.csv');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        csv,
        'email,first_name,last_name,company\nann@x.co,Ann,Lee,Acme\nben@x.co,Ben,Ode,Globex\ncy@x.co,Cy,Roe,Initech\nbad-row,,,\n',
      );
      expect((await cli('connect', '--base-url', sandbox.url, '--api-key', 'wrong-key')).code).not.toBe(0);
      expect((await cli('connect', '--base-url', sandbox.url, '--api-key', KEY)).json).toEqual({ connected: true, baseUrl: sandbox.url });
      expect((await cli('contacts', 'import', csv)).code).toBe(0);
      const seq = (await cli('sequences', 'create', '--name', 'Leaky?')).json!.id as string;
      expect((await cli('sequences', 'add', seq, '--emails', 'ann@x.co,ben@x.co,cy@x.co')).json).toMatchObject({ added: 3 });
      // Failures whose server messages quote the key back, a permanent and a transient one.
      sandbox.setFaults({
        failPaths: [
          { path: 'candidate/add', status: 400, times: 1, body: { RESULT: 'FAILURE', message: `Invalid field for key ${KEY}` } },
          { path: 'candidate/add', status: 503, times: 1, body: `<html><body>upstream said RF-Api-Key: ${KEY}</body></html>` },
        ],
      });
      const counts = (await cli('sync', 'run')).json!;
      expect(Number(counts.failed) + Number(counts.retrying)).toBeGreaterThan(0);
      sandbox.setFaults({});
      for (const format of ['csv', 'json'])
        expect((await cli('errors', 'export', '--format', format, '--out', join(dir, `errors.${format}`))).json).toMatchObject({
          rows: expect.any(Number),
        });
      for (const argv of [
        ['status'],
        ['settings', 'show'],
        ['users', 'list'],
        ['jobs', 'list'],
        ['mapping', 'show'],
        ['contacts', 'show', '--email', 'ann@x.co'],
        ['sequences', 'list'],
        ['resync'],
      ]) {
        expect((await cli(...argv)).code, argv.join(' ')).toBe(0);
      }
      // One real process too: its stdout and stderr.
      const run = promisify(execFile);
      const real = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src-main/cli/main.ts', 'status', '--data-dir', dir]);
      printed.push(real.stdout, real.stderr);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }

    // Every channel, through the backend the window uses, with its events.
    const t = openTestBackend({ dataDir: dir });
    t.backend.events.subscribe((event, payload) => events.push({ event, payload }));
    const inputs: Record<string, unknown> = {
      'contacts:get': { email: 'ann@x.co' },
      'sequences:get': { id: seq1() },
      'sequences:enrollments': { sequenceId: seq1() },
      'sequences:update': { id: seq1(), name: 'Renamed' },
      'queue:preview': { id: 1 },
      'errors:export': { format: 'csv' },
      'users:use': { email: 'owner@flowbridge.local' },
    };
    function seq1() {
      return '1';
    }
    for (const channel of CHANNELS) {
      if (channel === 'connection:disconnect') continue; // Last, below.
      const result = await t.backend.invoke(channel, inputs[channel] ?? {});
      channelOutputs.push({ channel, text: JSON.stringify(result) });
    }
    channelOutputs.push({
      channel: 'errors:export json',
      text: JSON.stringify(await t.backend.invoke('errors:export', { format: 'json' })),
    });
    channelOutputs.push({ channel: 'connection:disconnect', text: JSON.stringify(await t.backend.invoke('connection:disconnect', {})) });
    await t.backend.close();
  });
  afterAll(async () => sandbox?.stop());

  it('the flow really ran: a failure with the echoed key was recorded (redacted) and exported', () => {
    const csv = readFileSync(join(dir, 'errors.csv'), 'utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
    // The server's message is kept for the recruiter, with the key cut out of it.
    expect(csv).toContain('Invalid field for key');
  });

  it('no file of the data folder holds the key, except secrets.json (mode 0600)', () => {
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('flowbridge.db'))).toBe(true);
    const leaking = files.filter((f) => leaks(readFileSync(f)));
    expect(leaking.map((f) => f.slice(dir.length + 1))).toEqual([]);
    // secrets.json held the key until the final disconnect removed it; the connect/disconnect cycle wrote it 0600.
    const secrets = join(dir, 'secrets.json');
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
  });

  it('stdout, stderr and every event are free of it', () => {
    expect(printed.length).toBeGreaterThan(10);
    expect(printed.filter((p) => leaks(p))).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => leaks(JSON.stringify(e)))).toEqual([]);
  });

  it('no channel returns it; connection:get says only that a key is set', () => {
    expect(channelOutputs.length).toBe(CHANNELS.length + 1);
    expect(channelOutputs.filter((o) => leaks(o.text)).map((o) => o.channel)).toEqual([]);
    const connection = JSON.parse(channelOutputs.find((o) => o.channel === 'connection:get')!.text) as {
      ok: true;
      value: Record<string, unknown>;
    };
    expect(connection.value).toMatchObject({ connected: true, keySet: true, baseUrl: sandbox.url });
    expect(Object.keys(connection.value).sort()).toEqual([
      'baseUrl',
      'checkedAt',
      'connected',
      'keyProblem',
      'keySet',
      'sandbox',
      'status',
    ]);
  });
});

describe('the file secret store', () => {
  it('writes the plain key only to secrets.json, mode 0600, and keeps it there while connected', async () => {
    const sandbox = await startSandbox({ port: 0, apiKeys: [KEY] });
    const t = openTestBackend();
    try {
      await t.call('connection:connect', { baseUrl: sandbox.url, apiKey: `  ${KEY}  ` });
      const secrets = join(t.dataDir, 'secrets.json');
      expect(statSync(secrets).mode & 0o777).toBe(0o600);
      expect(readFileSync(secrets, 'utf8')).toContain(KEY);
      for (const file of filesUnder(t.dataDir).filter((f) => f !== secrets)) expect(leaks(readFileSync(file)), file).toBe(false);
    } finally {
      await t.close();
      await sandbox.stop();
    }
  });

  it('with a safeStorage-style codec, the file never holds the key in plain text', () => {
    const dir = tempDir();
    // Stands in for Electron's safeStorage (encryptString/decryptString): reversible, not plain text.
    const cipher = {
      canEncrypt: true,
      encrypt: (v: string) => Buffer.from([...Buffer.from(v)].map((b) => b ^ 0x5a)),
      decrypt: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
    };
    const store = fileSecretStore(dir, { cipher });
    store.set('recruiterflow-api-key:1', KEY);
    expect(store.get('recruiterflow-api-key:1')).toBe(KEY);
    const bytes = readFileSync(join(dir, 'secrets.json'));
    expect(leaks(bytes)).toBe(false);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    store.delete('recruiterflow-api-key:1');
    expect(store.get('recruiterflow-api-key:1')).toBeNull();
  });
});
