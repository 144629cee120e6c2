// Sync figures against the sandbox Recruiterflow over real HTTP on 127.0.0.1. The sandbox runs in its own
// process, as Recruiterflow is a remote server: its work must not queue on the engine's event loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '../../src-shared/domain';
import { createBackend, type Backend } from '../../src-main/app/createBackend';
import { importContacts } from '../../src-main/domain/contactImport';
import type { Faults, SandboxStats } from '../../src-main/sandbox';
import { contactsCsv } from './data';
import { spawnReady } from './child';
import { median, ms, timeIt, type Figure } from './measure';
import { bareSync } from './syncLimit';

const CONCURRENCY = 4;
const SANDBOX_MAIN = fileURLToPath(new URL('../../src-main/sandbox/main.ts', import.meta.url));

/** The sandbox in a child process (src-main/sandbox/main.ts), driven through its admin endpoint. */
interface RemoteSandbox {
  url: string;
  apiKey: string;
  /** Back to its seed, without faults: what an earlier run created would answer 409 (same phones). */
  reset(): Promise<void>;
  setFaults(f: Faults): Promise<void>;
  stats(): Promise<SandboxStats>;
  stop(): void;
}

export async function startRemoteSandbox(): Promise<RemoteSandbox> {
  const { child, ready } = await spawnReady<{ url: string; apiKey: string; adminToken: string }>(['--import', 'tsx', SANDBOX_MAIN]);
  const { url, apiKey, adminToken } = ready;
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__sandbox/${path}`, {
      method,
      headers: { 'X-Sandbox-Admin-Token': adminToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    url,
    apiKey,
    reset: async () => {
      await admin('POST', 'reset', {});
      await admin('POST', 'faults', {});
    },
    setFaults: async (f) => void (await admin('POST', 'faults', f)),
    stats: async () => (await admin('GET', 'stats')) as SandboxStats,
    stop: () => void child.kill(),
  };
}

async function prepared(
  sandbox: RemoteSandbox,
  n: number,
  options: { dedup?: boolean; job?: boolean } = {},
): Promise<{ backend: Backend; sequenceId: string; emails: string[] }> {
  const backend = createBackend({
    dataDir: mkdtempSync(join(tmpdir(), 'flowbridge-bench-')),
    host: 'cli',
    scheduler: { engine: { concurrency: CONCURRENCY } },
  });
  await sandbox.reset();
  await importContacts(backend.ctx, contactsCsv(n));
  const must = async (channel: string, input: unknown) => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await must('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  if (options.dedup) await must('settings:set', { dedup: true });
  const job = ((await must('jobs:refresh', {})) as Job[]).find((j) => j.isOpen)!;
  const seq = (await must('sequences:create', { name: 'Bench', ...(options.job ? { jobId: job.id } : {}) })) as { id: string };
  const emails = (backend.ctx.sqlite.prepare('select email from contacts order by id').pluck().all() as string[]).slice(0, n);
  return { backend, sequenceId: seq.id, emails };
}

async function runSync(
  sandbox: RemoteSandbox,
  faults: Faults,
  n: number,
): Promise<{ ms: number; requests: number; s429: number; created: number }> {
  const { backend, sequenceId, emails } = await prepared(sandbox, n, { job: true });
  await backend.invoke('sequences:add', { sequenceId, emails });
  await sandbox.setFaults(faults);
  const before = await sandbox.stats();
  let created = 0;
  const elapsed = await timeIt(async () => {
    const r = await backend.invoke('sync:run', { wait: 120 });
    if (!r.ok) throw new Error(r.error.message);
    created = (r.value as { created: number }).created;
  });
  const after = await sandbox.stats();
  await backend.close();
  if (created !== n) throw new Error(`created ${created} of ${n}`);
  return {
    ms: elapsed,
    requests: after.requests - before.requests,
    s429: (after.statuses['429'] ?? 0) - (before.statuses['429'] ?? 0),
    created,
  };
}

/**
 * Sync of `n` new contacts with a job against a sandbox answering after `latency` ms, as a share of the
 * best possible: the same requests sent by a bare loop at the same concurrency, measured in the same run
 * against the same sandbox, just before each sync (syncLimit.ts).
 */
export async function syncLatencyFigure(runs: number, latency: number, n: number): Promise<Figure> {
  const times: number[] = [];
  const limits: number[] = [];
  let requests = { engine: 0, bare: 0 };
  const sandbox = await startRemoteSandbox();
  const served = async () => (await sandbox.stats()).requests;
  try {
    for (let i = 0; i < runs; i += 1) {
      await sandbox.reset();
      await sandbox.setFaults({ latencyMs: latency });
      const bare = await bareSync({ url: sandbox.url, apiKey: sandbox.apiKey, served }, n, CONCURRENCY);
      const run = await runSync(sandbox, { latencyMs: latency }, n);
      limits.push(bare.ms);
      times.push(run.ms);
      requests = { engine: run.requests, bare: bare.requests };
    }
  } finally {
    sandbox.stop();
  }
  // The bare loop must send what the engine sends, or the ratio compares different work.
  if (requests.engine !== requests.bare) throw new Error(`the engine sent ${requests.engine} requests, the bare loop ${requests.bare}`);
  const best = median(limits);
  const measured = median(times);
  const ratio = best / measured;
  return {
    figure: `sync ${n.toLocaleString('en-US')} new contacts with a job, sandbox at ${latency} ms latency, no rate limit (concurrency ${CONCURRENCY})`,
    measured: `${ms(measured)}; best possible ${ms(best)} (the same ${requests.engine} requests by a bare loop; ${ms((requests.engine / CONCURRENCY) * latency)} by latency alone)`,
    ratio: `${(ratio * 100).toFixed(0)}% of best possible`,
    target: '≥ 95% of best possible',
    met: ratio >= 0.95,
  };
}

export async function rateLimitFigure(runs: number): Promise<Figure> {
  const n = 1000;
  const limit = 20;
  const results: { throughput: number; share429: number }[] = [];
  const sandbox = await startRemoteSandbox();
  try {
    for (let i = 0; i < runs; i += 1) {
      const r = await runSync(sandbox, { latencyMs: 20, rateLimitPerSecond: limit }, n);
      const ok = r.requests - r.s429;
      results.push({ throughput: ok / (r.ms / 1000), share429: r.s429 / r.requests });
    }
  } finally {
    sandbox.stop();
  }
  const throughput = median(results.map((r) => r.throughput));
  const share = median(results.map((r) => r.share429));
  return {
    figure: `the same against a sandbox limited to ${limit} requests/second that it is not told about`,
    measured: `${throughput.toFixed(1)} req/s; 429s ${(share * 100).toFixed(1)}% of requests`,
    ratio: `${((throughput / limit) * 100).toFixed(0)}% of the limit`,
    target: 'throughput ≥ 90% of the limit, 429s ≤ 2%',
    met: throughput / limit >= 0.9 && share <= 0.02,
  };
}

export async function dedupFigure(): Promise<Figure> {
  const sandbox = await startRemoteSandbox();
  try {
    const { backend, sequenceId, emails } = await prepared(sandbox, 1000, { dedup: true });
    const before = (await sandbox.stats()).requests;
    const r = await backend.invoke('sequences:add', { sequenceId, emails });
    if (!r.ok) throw new Error(r.error.message);
    const requests = (await sandbox.stats()).requests - before;
    await backend.close();
    return {
      figure: 'dedup check of 1,000 emails',
      measured: `${requests} requests`,
      target: '≤ 25 requests (batched lookups)',
      met: requests <= 25,
    };
  } finally {
    sandbox.stop();
  }
}
