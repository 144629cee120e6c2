// A hostile or broken Recruiterflow cannot hurt Flowbridge: the API key never leaves for another host,
// and no answer (a redirect, a Retry-After of days, a gigabyte or a gzip bomb, HTML, silence) can hang,
// loop or exhaust a sync. The server is the test suite's own (testing/hostileServer.ts); the sync runs
// as the real command line in its own process, watched from outside for time and peak memory.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox';
import { runCliBounded } from '../testing/boundedCli';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import { startHostileServer, type Behaviour, type HostileServer } from '../testing/hostileServer';
import { people } from '../testing/syncFixtures';

const MAX_MB = 400;
const MAX_MS = 20_000;
const CONTACTS = 3;

let servers: HostileServer[] = [];
let backends: TestBackend[] = [];
afterEach(async () => {
  for (const t of backends) await t.close();
  for (const s of servers) await s.stop();
  servers = [];
  backends = [];
});

async function hostile(b: Behaviour): Promise<HostileServer> {
  const s = await startHostileServer(b);
  servers.push(s);
  return s;
}

/**
 * A data folder with CONTACTS contacts queued for sync, connected (through the sandbox, which accepts
 * the key) and then pointed at `baseUrl`: a Recruiterflow that turned hostile after the key was checked.
 */
async function queuedBackend(baseUrl: string): Promise<{ t: TestBackend; apiKey: string; sequenceId: string }> {
  const sandbox = await startSandbox({ port: 0 });
  const t = openTestBackend();
  backends.push(t);
  try {
    await t.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    await t.call('contacts:import', { csv: contactsCsv(CONTACTS) });
    const seq = await t.call('sequences:create', { name: 'Hostile', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(CONTACTS) });
    t.backend.ctx.sqlite.prepare('update connections set base_url = ?').run(baseUrl);
    return { t, apiKey: sandbox.apiKey, sequenceId: seq.id };
  } finally {
    await sandbox.stop();
  }
}

const keyed = (s: HostileServer) => s.requests.filter((r) => r.headers['rf-api-key'] !== undefined);

describe('the API key never leaves for another host', () => {
  it.each([302, 307, 308] as const)(
    'a %i redirect to another origin is not followed: that origin never sees the key, and the queue pauses naming the Location',
    async (status) => {
      const other = await hostile({ kind: 'json', body: { data: [] } });
      const rf = await hostile({ kind: 'redirect', to: other.url, status });
      const { t } = await queuedBackend(rf.url);

      const counts = await t.call('sync:run', {});
      expect(counts).toMatchObject({ created: 0, failed: 0 });
      expect(rf.requests.length).toBeGreaterThan(0);
      expect(keyed(other)).toEqual([]);
      expect(other.requests).toEqual([]);
      const status_ = await t.call('sync:status', {});
      expect(status_).toMatchObject({ paused: true, pausedReason: 'redirect', states: { queued: CONTACTS } });
      const log = await t.call('log:list', { offset: 0, limit: 20 });
      expect(log.rows.map((e) => e.message).join('\n')).toContain(`Recruiterflow answered with a redirect to ${other.url}/api/external/`);

      // Connecting to it fails with the same explanation, and the other origin still sees nothing.
      const failure = await t.fails('connection:connect', { baseUrl: rf.url, apiKey: 'another-key' });
      expect(failure.message).toContain(`redirect to ${other.url}/api/external/user/list; check the base URL`);
      expect(keyed(other)).toEqual([]);
    },
  );
});

describe('no answer can hang, loop or exhaust `sync run --wait 5` (the real CLI, in its own process)', () => {
  const cases: { name: string; behaviour: Behaviour; check?: (t: TestBackend, sequenceId: string) => Promise<void> }[] = [
    {
      name: 'a 429 with Retry-After of 11 days',
      behaviour: { kind: 'retryAfter', value: '999999' },
      check: async (t) => {
        const detail = await t.call('contacts:get', { email: 'person0@example.test' });
        expect(detail.enrollments[0]?.state).toBe('retrying');
        expect(detail.enrollments[0]?.error).toMatch(/Retry-After of 11\.6 days/);
      },
    },
    { name: 'a 429 with Retry-After of 3 years (past what a timer can hold)', behaviour: { kind: 'retryAfter', value: '99999999' } },
    {
      name: 'a 503 with a Retry-After date next year',
      behaviour: { kind: 'retryAfter', status: 503, value: new Date(Date.now() + 365 * 86_400_000).toUTCString() },
      check: async (t) => {
        // Not obeyed: retried in 10 minutes, and the message says what was asked.
        const enrollment = (await t.call('contacts:get', { email: 'person0@example.test' })).enrollments[0];
        expect(enrollment?.error).toMatch(/Retry-After of 36[45]\.\d days/);
        expect(enrollment?.nextAttemptAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
      },
    },
    {
      name: 'a 1.5 GB JSON answer',
      behaviour: { kind: 'hugeJson', bytes: 1.5e9 },
      check: async (t) => {
        const detail = await t.call('contacts:get', { email: 'person0@example.test' });
        expect(detail.enrollments[0]?.error).toMatch(/more than 20 MB/);
      },
    },
    { name: 'a gzip bomb (1 GB of JSON inflated from a few MB)', behaviour: { kind: 'gzipBomb', bytes: 1e9 } },
    { name: 'HTML pages instead of JSON', behaviour: { kind: 'html' } },
    { name: 'a server that never answers', behaviour: { kind: 'silent' } },
  ];

  it.each(cases)(
    '$name: back within 20 s, under 400 MB, nothing lost',
    async ({ behaviour, check }) => {
      const rf = await hostile(behaviour);
      const { t, sequenceId } = await queuedBackend(rf.url);
      const run = await runCliBounded(t.dataDir, ['sync', 'run', '--wait', '5'], { maxMb: MAX_MB, maxMs: 60_000 });
      if (process.env.HOSTILE_FIGURES) console.info(`${run.ms} ms, peak ${run.peakMb} MB`);

      expect(run.killedFor, `killed for ${run.killedFor} after ${run.ms} ms at ${run.peakMb} MB`).toBeNull();
      expect(run.ms).toBeLessThan(MAX_MS);
      expect(run.peakMb).toBeLessThan(MAX_MB);
      expect(run.stderr).not.toMatch(/TimeoutOverflowWarning/);
      expect(run.code).toBe(0);
      const counts = JSON.parse(run.stdout) as Record<string, number>;
      expect(counts).toMatchObject({ created: 0, failed: 0 });
      expect(counts.retrying! + counts.pending!).toBe(CONTACTS);
      expect(rf.requests.length).toBeGreaterThan(0);
      await check?.(t, sequenceId);
    },
    90_000,
  );
});

describe('`sync run` without --wait: one pass plus at most one request timeout', () => {
  it('against a server that never answers: the lookup times out (15 s), one shared probe confirms it (15 s), and the run ends', async () => {
    const rf = await hostile({ kind: 'silent' });
    const { t } = await queuedBackend(rf.url);
    const run = await runCliBounded(t.dataDir, ['sync', 'run'], { maxMb: MAX_MB, maxMs: 90_000 });
    expect(run.killedFor).toBeNull();
    // Two request timeouts and the start-up; a second probe (another 15 s) would go past this.
    expect(run.ms).toBeLessThan(40_000);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, failed: 0, pending: CONTACTS });
    expect((await t.call('connection:get', {})).status).toBe('unreachable');
  }, 120_000);
});

describe('pause and stop end any wait within a second', () => {
  it('pausing ends a Retry-After wait under way', async () => {
    const rf = await hostile({ kind: 'retryAfter', value: '8' });
    const { t } = await queuedBackend(rf.url);
    const run = t.call('sync:run', {});
    await waitFor(() => rf.requests.length > 0);
    const paused = Date.now();
    await t.call('sync:pause', {});
    await run;
    expect(Date.now() - paused).toBeLessThan(1_000);
    expect(await t.call('sync:status', {})).toMatchObject({
      paused: true,
      pausedReason: 'user',
      running: false,
      states: { queued: CONTACTS },
    });
  });

  it('closing the backend (app quit, SIGTERM in browser mode) ends a request that never answers', async () => {
    const rf = await hostile({ kind: 'silent' });
    const { t } = await queuedBackend(rf.url);
    const run = t.backend.invoke('sync:run', {});
    await waitFor(() => rf.requests.length > 0);
    const closing = Date.now();
    await t.backend.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    expect((await run).ok).toBe(true);
  });

  it('`sync run --wait 1` does not sit out a Retry-After longer than its wait', async () => {
    const rf = await hostile({ kind: 'retryAfter', value: '300' });
    const { t } = await queuedBackend(rf.url);
    const started = Date.now();
    const counts = await t.call('sync:run', { wait: 1 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(counts).toMatchObject({ created: 0, failed: 0, retrying: CONTACTS });
  });
});

describe('browser mode quits at once', () => {
  it('SIGTERM while its background sync sits out a Retry-After: the process is gone within a second or so', async () => {
    const rf = await hostile({ kind: 'retryAfter', value: '8' });
    const { t } = await queuedBackend(rf.url);
    await t.backend.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(process.cwd(), 'src-main', 'cli', 'main.ts'), 'serve', '--json', '--data-dir', t.dataDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // The scheduler drains by itself: wait until the sync's first refused request (the lookup's list
      // or search) came in.
      await waitFor(() => rf.requests.some((r) => /\/candidate\/(list|search)/.test(r.path)), 20_000);
      await new Promise((r) => setTimeout(r, 300)); // now inside the Retry-After wait
      const sent = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // 1 s for the wait to end, plus the process's own teardown.
      expect(Date.now() - sent).toBeLessThan(2_000);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
