// One key, three hosts. The desktop app, browser mode and the command line open the same data folder;
// each must read the key the others saved, or say in one line why it cannot, and never send what it
// cannot read (a 401 for a ciphertext sent as a key would pause the shared queue for every host).
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { getMeta } from '../store/meta';
import { startSandbox, type Sandbox } from '../sandbox';
import { PAUSE_KEY } from '../sync/connectivity';
import { openTestBackend, tempDir } from '../testing/fixtures';
import { fileSecretStore, type Cipher } from './fileSecretStore';
import { memoryKeychain, osKeychain } from './osKeychain';

const KEY = 'fb-hosts-key-3f9d0c7a21';

// Stands in for Electron's safeStorage: reversible, and only this "desktop app" holds the means.
const safeStorage: Cipher = {
  canEncrypt: true,
  encrypt: (v) => Buffer.from([...Buffer.from(v)].map((b) => b ^ 0x5a)),
  decrypt: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
};

async function cli(dir: string, argv: string[], extra: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dir], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: extra.env ?? {},
    ...(extra.stdin !== undefined ? { stdin: async () => extra.stdin! } : {}),
  });
  return { code, stdout, stderr };
}

const stored = (dir: string) => JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;

describe('one key, three hosts', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY] });
  });
  afterAll(async () => sandbox?.stop());

  /** A folder where the desktop app (no keychain, safeStorage) connected and queued three contacts. */
  async function desktopWorkspace() {
    const dir = tempDir();
    const app = openTestBackend({ dataDir: dir, host: 'electron', secrets: fileSecretStore(dir, { cipher: safeStorage }) });
    await app.call('connection:connect', { baseUrl: sandbox.url, apiKey: KEY });
    await app.call('contacts:import', { csv: 'email,first_name\nann@hosts.co,Ann\n' });
    const seq = await app.call('sequences:create', { name: 'Hosts' });
    await app.call('sequences:add', { sequenceId: seq.id, emails: ['ann@hosts.co'] });
    await app.backend.close();
    return dir;
  }

  it('the command line and browser mode never send a key the desktop app encrypted, say why in one line, and pause nothing', async () => {
    const dir = await desktopWorkspace();
    expect(stored(dir)['recruiterflow-api-key:1']).toMatch(/^safe:/);
    const before = sandbox.stats().statuses[401] ?? 0;
    const requestsBefore = sandbox.stats().requests;

    const run = await cli(dir, ['sync', 'run']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/key was saved by the desktop app and is encrypted with this computer's keychain/);
    expect(run.stderr).toContain('--api-key-stdin');

    // Browser mode: its scheduler ticks and the Settings screen says why; nothing is sent.
    const browser = openTestBackend({ dataDir: dir, host: 'browser' });
    try {
      const connection = await browser.call('connection:get', {});
      expect(connection).toMatchObject({ keySet: true, status: 'connected' });
      expect(connection.keyProblem).toContain('encrypted with this computer');
      expect((await browser.call('connection:test', {})).status).toBe('connected');
      expect((await browser.fails('sync:run', {})).code).toBe('secret_unreadable');
      await browser.backend.scheduler.runNow().catch(() => undefined);
      expect(getMeta(browser.backend.ctx, PAUSE_KEY)).toBeNull();
    } finally {
      await browser.backend.close();
    }
    expect(sandbox.stats().requests).toBe(requestsBefore);
    expect(sandbox.stats().statuses[401] ?? 0).toBe(before);

    // The desktop app still syncs: nothing was paused for it.
    const app = openTestBackend({ dataDir: dir, host: 'electron', secrets: fileSecretStore(dir, { cipher: safeStorage }) });
    try {
      expect(await app.call('sync:run', {})).toMatchObject({ created: 1, failed: 0 });
    } finally {
      await app.close();
    }
  });

  it('the desktop app encrypts a key the command line saved in plain text as soon as it starts', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['connect', '--base-url', sandbox.url, '--api-key', KEY])).code).toBe(0);
    expect(stored(dir)['recruiterflow-api-key:1']).toBe(`plain:${KEY}`);
    const app = openTestBackend({ dataDir: dir, host: 'electron', secrets: fileSecretStore(dir, { cipher: safeStorage }) });
    try {
      expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(KEY);
      expect(stored(dir)['recruiterflow-api-key:1']).toMatch(/^safe:/);
      expect((await app.call('connection:test', {})).status).toBe('connected');
    } finally {
      await app.close();
    }
  });

  it('with a keychain, all three hosts share it: secrets.json names the entry, and an old safeStorage key moves in', async () => {
    const keychain = memoryKeychain();
    const dir = await desktopWorkspace(); // An earlier desktop app: the key is "safe:" in the file.
    // The desktop app starts with a keychain: the key moves there, readable by every host.
    const app = openTestBackend({ dataDir: dir, host: 'electron', secrets: fileSecretStore(dir, { keychain, cipher: safeStorage }) });
    await app.backend.close();
    const ref = stored(dir)['recruiterflow-api-key:1']!;
    expect(ref).toMatch(/^keychain:[0-9a-f-]{36}$/);
    expect([...keychain.entries.values()]).toEqual([KEY]);
    for (const host of ['cli', 'browser'] as const) {
      const other = openTestBackend({ dataDir: dir, host, secrets: fileSecretStore(dir, { keychain }) });
      try {
        expect(await other.call('connection:get', {})).toMatchObject({ keySet: true, keyProblem: null });
        expect((await other.call('connection:test', {})).status).toBe('connected');
      } finally {
        await other.backend.close();
      }
    }
    // Reconnecting replaces the entry (the old one is deleted); disconnecting removes it.
    const cliHost = openTestBackend({ dataDir: dir, host: 'cli', secrets: fileSecretStore(dir, { keychain }) });
    try {
      await cliHost.call('connection:connect', { baseUrl: sandbox.url, apiKey: KEY });
      expect(stored(dir)['recruiterflow-api-key:1']).not.toBe(ref);
      expect(keychain.entries.size).toBe(1);
      await cliHost.call('connection:disconnect', {});
      expect(keychain.entries.size).toBe(0);
    } finally {
      await cliHost.close();
    }
  });

  it('a keychain entry that is not there (a folder copied from another computer) is reported, not sent', async () => {
    const dir = tempDir();
    const writer = openTestBackend({ dataDir: dir, secrets: fileSecretStore(dir, { keychain: memoryKeychain() }) });
    await writer.call('connection:connect', { baseUrl: sandbox.url, apiKey: KEY });
    await writer.backend.close();
    const requests = sandbox.stats().requests;
    const run = await cli(dir, ['sync', 'run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/kept in this computer's keychain, which cannot be opened here|does not hold it/);
    expect(sandbox.stats().requests).toBe(requests);
  });

  it('falls back for real where the system has no keychain: the 0600 file, and says why', () => {
    if (process.platform !== 'linux' || process.env.DBUS_SESSION_BUS_ADDRESS) {
      console.log('skipped: this machine may have a real keychain (the fallback is tested where there is none)');
      return;
    }
    const keychain = osKeychain({}); // The real one, not switched off: on this machine it cannot open.
    expect(keychain).not.toBeNull();
    const dir = tempDir();
    const store = fileSecretStore(dir, { keychain });
    store.set('mailbox', 'imap-pass');
    expect(store.get('mailbox')).toBe('imap-pass');
    expect(stored(dir).mailbox).toBe('plain:imap-pass');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(store.description).toMatch(/mode 0600.*no system keychain here/);
  });

  it('any named secret uses the same mechanism (the mailbox password beside the API key)', () => {
    const keychain = memoryKeychain();
    const dir = tempDir();
    const desktop = fileSecretStore(dir, { keychain, cipher: safeStorage });
    desktop.set('mailbox', 'imap-pass');
    desktop.set('recruiterflow-api-key:1', KEY);
    const cliStore = fileSecretStore(dir, { keychain });
    expect(cliStore.get('mailbox')).toBe('imap-pass');
    // Without the keychain (or safeStorage) a stored secret is a clear error, never its stored form.
    const blind = fileSecretStore(dir);
    expect(blind.lookup('mailbox')).toMatchObject({ state: 'unreadable', why: 'keychain_unavailable' });
    expect(() => blind.get('mailbox')).toThrow(/"mailbox" is kept in this computer's keychain/);
    expect(blind.get('constructor')).toBeNull();
  });

  it('a loosened secrets.json is made 0600 again when a host opens it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'recruiterflow-api-key:1': `plain:${KEY}` }));
    chmodSync(join(dir, 'secrets.json'), 0o644);
    fileSecretStore(dir);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});

describe('connect takes the key without showing it in ps', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY] });
  });
  afterAll(async () => sandbox?.stop());

  it('--api-key-stdin reads the first line of standard input (a real process)', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'src-main/cli/main.ts',
        'connect',
        '--base-url',
        sandbox.url,
        '--api-key-stdin',
        '--data-dir',
        dir,
        '--json',
      ],
      {
        env: { ...process.env, FLOWBRIDGE_API_KEY: '' },
      },
    );
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stdin.end(`${KEY}\n`);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ connected: true, baseUrl: sandbox.url });
    expect(child.spawnargs.join(' ')).not.toContain(KEY);
  });

  it('FLOWBRIDGE_API_KEY is read when no flag gives the key; two sources, or none, are refused', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['connect', '--base-url', sandbox.url], { env: { FLOWBRIDGE_API_KEY: KEY } })).code).toBe(0);
    const none = await cli(dir, ['connect', '--base-url', sandbox.url]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--api-key-stdin');
    expect((await cli(dir, ['connect', '--base-url', sandbox.url, '--api-key-stdin', '--api-key', KEY], { stdin: KEY })).code).toBe(2);
    expect((await cli(dir, ['connect', '--base-url', sandbox.url, '--api-key-stdin'], { stdin: '\n' })).stderr).toContain('empty');
    expect((await cli(dir, ['connect', '--base-url', sandbox.url, '--api-key-stdin'], { stdin: `${KEY}\r\nrest` })).code).toBe(0);
  });
});

describe('opening the store where no keychain opens', () => {
  it('leaves secrets.json untouched when there is nothing better to move a plain key to', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ mailbox: 'plain:pw' }), { mode: 0o600 });
    const before = statSync(join(dir, 'secrets.json')).ino; // A write renames a new file into place.
    const failing = {
      get: () => null,
      set: () => {
        throw new Error('no D-Bus');
      },
      delete: () => undefined,
    };
    const store = fileSecretStore(dir, { keychain: failing });
    store.upgrade();
    expect(statSync(join(dir, 'secrets.json')).ino).toBe(before);
    expect(store.get('mailbox')).toBe('pw');
  });
});
