// Rule 10: retries. Transient errors back off (Retry-After honoured) and then succeed or end `failed`
// after the cap; invalid data fails at once; a refused key pauses the whole queue until reconnect.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { currentUserId, enrollmentOf, people, requestsTo, runCounts, statesOf, syncBackend, type SyncTest } from '../testing/syncFixtures';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('backoffDelay', () => {
  it('doubles per attempt with jitter in the upper half, stops growing at the cap, and never retries before Retry-After', () => {
    const policy = { baseMs: 1_000, capMs: 10_000, maxAttempts: 8 };
    expect(backoffDelay(policy, 1, () => 0, null)).toBe(500);
    expect(backoffDelay(policy, 1, () => 1, null)).toBe(1_000);
    expect(backoffDelay(policy, 3, () => 0.5, null)).toBe(3_000);
    expect(backoffDelay(policy, 20, () => 1, null)).toBe(10_000);
    expect(backoffDelay(policy, 1, () => 0, 7_000)).toBe(7_000);
    expect(backoffDelay(policy, 4, () => 1, 100)).toBe(8_000);
    expect(DEFAULT_BACKOFF.maxAttempts).toBeGreaterThan(3);
  });
});

describe('rule 10: retries and errors', () => {
  it('a 5xx backs off and then succeeds; without --wait the run reports it as retrying, with --wait it drains it', async () => {
    t = await syncBackend({ csv: contactsCsv(2), engine: { backoff: { baseMs: 1_000, capMs: 1_000, maxAttempts: 5 } } });
    const seq = await t.call('sequences:create', { name: 'Flaky' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add', status: 500, times: 2 }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    expect(await t.call('sync:run', {})).toEqual(runCounts({ retrying: 2 }));
    expect(await statesOf(t, people(2), seq.id)).toEqual(['retrying', 'retrying']);
    const status = await t.call('sync:status', {});
    expect(status.states).toMatchObject({ retrying: 2, queued: 0 });
    expect(status.queue.backoff + status.queue.due).toBe(2);
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ created: 2, retrying: 0, pending: 0, failed: 0 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'synced', attempts: 2, error: null });
    expect(t.sandbox.state.createLog).toHaveLength(2);
  });

  it('a 429 is retried behind the pacer and the item still syncs in the same run', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Busy server' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add', status: 429, times: 2 }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, retrying: 0 });
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(3);
  });

  it('Retry-After on a 503 is honoured: the item is not tried again before it', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Maintenance' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add', status: 503, times: 1, headers: { 'Retry-After': '2' } }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    const started = Date.now();
    expect(await t.call('sync:run', {})).toMatchObject({ retrying: 1 });
    const [item] = (await t.call('queue:list', { states: ['backoff'] })).rows;
    expect(item!.nextAttemptAt! - started).toBeGreaterThanOrEqual(1_900);
    expect(item!.lastError).toMatch(/503/);
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ created: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it('Retry-After on a 429 holds every request back', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Slow down' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/search', status: 429, times: 1, headers: { 'Retry-After': '1' } }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    const started = Date.now();
    expect(await t.call('sync:run', {})).toMatchObject({ created: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('an item that keeps failing ends failed after the attempt cap, with its reason; the others sync', async () => {
    t = await syncBackend({ csv: contactsCsv(2), engine: { backoff: { baseMs: 10, capMs: 40, maxAttempts: 3 } } });
    const doomed = await t.call('sequences:create', { name: 'Doomed', syncAs: 'contact' });
    const fine = await t.call('sequences:create', { name: 'Fine' });
    t.sandbox.setFaults({ failPaths: [{ path: 'contact/add', status: 500, times: 1_000 }] });
    await t.call('sequences:add', { sequenceId: doomed.id, emails: ['person0@example.test'] });
    await t.call('sequences:add', { sequenceId: fine.id, emails: ['person1@example.test'] });
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ created: 1, failed: 1, retrying: 0, pending: 0 });
    const failed = await enrollmentOf(t, 'person0@example.test', doomed.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, errorCode: 'server' });
    expect(failed.error).toMatch(/^Gave up after 3 attempts: .*500/);
    expect(requestsTo(t.sandbox, 'contact/add')).toBe(3);
    const report = await t.call('errors:list', {});
    expect(report.rows.map((r) => [r.email, r.state, r.attempts])).toEqual([['person0@example.test', 'failed', 3]]);

    // Recruiterflow recovered: "Retry" gives the enrollment a fresh attempt budget.
    t.sandbox.setFaults({});
    expect(await t.call('enrollments:retry', { ids: [failed.id] })).toMatchObject({ queued: 1 });
    // The last create's outcome is unknown (a 500): it is sent again once the settle window has passed.
    expect(await t.call('sync:run', { wait: 2 })).toMatchObject({ created: 1, failed: 0 });
    expect(await enrollmentOf(t, 'person0@example.test', doomed.id)).toMatchObject({ state: 'synced', error: null });
  });

  it("invalid data fails at once, with Recruiterflow's message, and is not retried", async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Bad data' });
    t.sandbox.setFaults({
      failPaths: [{ path: 'candidate/add', status: 400, times: 1, body: { message: 'Invalid email: "person0@example.test"' } }],
    });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    expect(await t.call('sync:run', { wait: 2 })).toMatchObject({ failed: 1, retrying: 0, created: 0 });
    const failed = await enrollmentOf(t, 'person0@example.test', seq.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, errorCode: 'invalid_data' });
    expect(failed.error).toContain('Invalid email');
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(1);
  });

  it('a refused key pauses the whole queue: items stay queued, status says why, and reconnecting resumes', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Revoked' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    // The key was revoked in Recruiterflow.
    t.backend.ctx.secrets.set(`recruiterflow-api-key:${currentUserId(t)}`, 'revoked-key');
    expect(await t.call('sync:run', { wait: 2 })).toEqual(runCounts({ pending: 3 }));
    expect(await statesOf(t, people(3), seq.id)).toEqual(['queued', 'queued', 'queued']);
    const paused = await t.call('sync:status', {});
    expect(paused).toMatchObject({ paused: true, pausedReason: 'invalid_key', queue: { due: 3, inFlight: 0 } });
    expect((await t.call('connection:get', {})).status).toBe('invalid_key');
    const requests = t.sandbox.stats().requests;
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, pending: 3 });
    expect(t.sandbox.stats().requests).toBe(requests);
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ attempts: 0, error: null });

    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect(await t.call('sync:status', {})).toMatchObject({ paused: false, pausedReason: null });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 3, pending: 0 });
  });

  it('a key refused in the middle of a run stops it: what was done stays done, the rest stays queued', async () => {
    t = await syncBackend({ csv: contactsCsv(4), engine: { concurrency: 1 } });
    const seq = await t.call('sequences:create', { name: 'Mid-run' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(4) });
    let adds = 0;
    const realFetch = t.backend.ctx.fetch;
    t.backend.ctx.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      if (String(input).endsWith('/candidate/add') && ++adds === 3)
        return new Response(JSON.stringify({ message: 'Invalid API key' }), { status: 401 });
      return realFetch(input, init);
    };
    const counts = await t.call('sync:run', {});
    expect(counts).toMatchObject({ created: 2, pending: 2, failed: 0 });
    expect((await t.call('sync:status', {})).pausedReason).toBe('invalid_key');
    t.backend.ctx.fetch = realFetch;
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, pending: 0 });
    expect(t.sandbox.state.createLog).toHaveLength(4);
  });
});
