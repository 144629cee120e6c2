// Rule 12 (faults): a few hundred contacts through a Recruiterflow that answers 5xx, 429 (with and
// without Retry-After), HTML pages, drops connections, answers slower than the client waits, and whose
// search lags behind its writes. Every contact must end synced, created exactly once, on its job.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { duplicateCreates, people, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const N = 300;
const JOB = 101;

describe('rule 12: sync under faults', () => {
  it(`${N} contacts through 5xx, 429s, HTML pages, drops, timeouts and a lagging search end synced exactly once`, async () => {
    t = await syncBackend({
      csv: contactsCsv(N),
      // The search lags 200 ms: a create whose outcome was lost waits a little longer than that before it is sent again.
      engine: { timeoutMs: 300, backoff: { baseMs: 20, capMs: 250, maxAttempts: 40 }, offlineProbeMs: 50, createSettleMs: 1_000 },
    });
    const seq = await t.call('sequences:create', { name: 'Stormy', jobId: JOB });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(N) });
    t.sandbox.setFaults({
      latencyMs: 2,
      errorRate: 0.1,
      errorStatuses: [500, 502, 503, 429],
      retryAfterSeconds: null, // these 429s come without Retry-After...
      failPaths: [{ path: 'candidate/add', status: 429, times: 1, headers: { 'Retry-After': '1' } }], // ...this one with it
      htmlRate: 0.02,
      dropRate: 0.03,
      slowRate: 0.03,
      slowMs: 1_000,
      searchLagMs: 200,
    });

    const started = Date.now();
    const counts = await t.call('sync:run', { wait: 60 });
    const seconds = (Date.now() - started) / 1000;

    const stats = t.sandbox.stats();
    const statuses = stats.statuses;
    const injected = ['500', '502', '503', '429'].reduce((n, s) => n + (statuses[s] ?? 0), 0) + (statuses.dropped ?? 0);
    const retries = t.backend.ctx.sqlite.prepare("select message from sync_log where event = 'sync.retrying'").pluck().all() as string[];
    const kinds = {
      timeouts: /timed out/,
      html: /HTML page/,
      drops: /UND_ERR|other side closed|socket/i,
      server: /server error/,
      conflicts: /conflict/,
    };
    const byKind = Object.fromEntries(Object.entries(kinds).map(([k, re]) => [k, retries.filter((m) => re.test(m)).length]));
    console.info(
      `faults: ${N} contacts, ${stats.requests} requests in ${seconds.toFixed(1)} s; sandbox statuses ${JSON.stringify(statuses)}; ` +
        `${injected} injected 5xx/429/drops; ${retries.length} item backoffs ${JSON.stringify(byKind)}; counts ${JSON.stringify(counts)}; ` +
        `pacer ${JSON.stringify(t.backend.scheduler.engine.pacerStats())}`,
    );

    expect(counts).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    expect(counts.created + counts.linked).toBe(N);
    expect(counts.jobsAssigned).toBe(N);
    expect(duplicateCreates(t.sandbox)).toEqual([]);
    expect(t.sandbox.state.createLog).toHaveLength(N);
    expect(new Set(t.sandbox.state.createLog.map((c) => c.email))).toEqual(new Set(people(N)));
    for (const email of people(N)) expect(t.sandbox.state.findByEmail(email)?.jobs.map((j) => j.job_id)).toEqual([JOB]);
    const status = await t.call('sync:status', {});
    expect(status.states).toMatchObject({ synced: N, queued: 0, retrying: 0, failed: 0, flagged: 0 });
    expect(injected).toBeGreaterThan(N / 5);
  }, 60_000);

  it('contacts matched by LinkedIn URL and phone through the same faults: every match flagged, none created, the rest created once', async () => {
    const n = 120;
    const matched = 24; // even: a LinkedIn URL on a record; odd: a phone
    t = await syncBackend({
      csv: contactsCsv(n, { linkedin_url: (i) => `https://linkedin.com/in/person-${i}/`, phone: (i) => `+44 20 7946 ${String(1000 + i)}` }),
      engine: { timeoutMs: 300, backoff: { baseMs: 20, capMs: 250, maxAttempts: 40 }, offlineProbeMs: 50, createSettleMs: 1_000 },
    });
    for (let i = 0; i < matched; i++) {
      const body =
        i % 2 === 0
          ? {
              name: `Old ${i}`,
              email: [{ email: `old${i}@elsewhere.example`, is_primary: 1 }],
              linkedin_profile: `www.LinkedIn.com/in/Person-${i}`,
            }
          : {
              name: `Old ${i}`,
              email: [{ email: `old${i}@elsewhere.example`, is_primary: 1 }],
              phone_number: [{ phone_number: `442079461${String(i).padStart(3, '0')}`, type: 1 }],
            };
      const res = await fetch(`${t.sandbox.url}/api/external/candidate/add`, {
        method: 'POST',
        headers: { 'RF-Api-Key': t.sandbox.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    }
    const seq = await t.call('sequences:create', { name: 'Stormy', jobId: JOB });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(n) });
    t.sandbox.setFaults({
      latencyMs: 2,
      errorRate: 0.1,
      errorStatuses: [500, 502, 503, 429],
      retryAfterSeconds: null,
      htmlRate: 0.02,
      dropRate: 0.03,
    });

    const counts = await t.call('sync:run', { wait: 60 });
    expect(counts).toMatchObject({ failed: 0, retrying: 0, pending: 0, created: n - matched });
    const status = await t.call('sync:status', {});
    expect(status.states).toMatchObject({ synced: n - matched, flagged: matched, failed: 0 });
    expect(duplicateCreates(t.sandbox)).toEqual([]);
    const created = new Set(t.sandbox.state.createLog.map((c) => c.email));
    for (const email of people(matched)) expect(created.has(email)).toBe(false);
    for (const email of people(n - matched, matched)) expect(created.has(email)).toBe(true);
  }, 60_000);

  it('updates through 5xx and answers lost after Recruiterflow applied them: each record updated, none sent twice', async () => {
    const M = 80;
    t = await syncBackend({ csv: contactsCsv(M, { title: (i) => `Old ${i}` }), engine: { timeoutMs: 300 } });
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    const seq = await t.call('sequences:create', { name: 'Updated under faults' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(M) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: M });
    await t.call('contacts:import', { csv: contactsCsv(M, { title: (i) => `New ${i}` }) });
    t.sandbox.setFaults({
      latencyMs: 2,
      failPaths: [
        { path: 'candidate/get', status: 502, times: 5 },
        { path: 'candidate/update', status: 503, times: 5 },
      ],
      loseAnswerPaths: [{ path: 'candidate/update', times: 10 }],
    });
    const counts = await t.call('sync:run', { wait: 30 });
    expect(counts).toMatchObject({ failed: 0, retrying: 0, pending: 0, created: 0 });
    for (let i = 0; i < M; i++) expect(t.sandbox.state.findByEmail(`person${i}@example.test`)?.fields.title).toBe(`New ${i}`);
    expect(t.sandbox.stats().statuses.dropped).toBe(10);
    // Every record updated once: the 5 refused updates are sent again, the 10 whose answer was lost are not
    // (the retry reads the record and finds the title there).
    expect(t.sandbox.stats().byPath['/api/external/candidate/update']).toBe(M + 5);
    expect(t.sandbox.state.createLog).toHaveLength(M);
  }, 60_000);
});
