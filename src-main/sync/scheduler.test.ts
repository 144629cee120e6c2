// The scheduler: pause and resume, and a shutdown in the middle of a sync that finishes or gives back
// every item in flight, so nothing is lost and nothing is sent twice after a restart.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import { FAST_BACKOFF, duplicateCreates, eventually, people, statesOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
let reopened: TestBackend | null = null;
afterEach(async () => {
  await reopened?.backend.close();
  await t?.close();
  t = reopened = null;
});

describe('scheduler', () => {
  it('pausing holds the whole queue, also for "sync now"; resuming lets it drain', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Paused' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    expect(await t.call('sync:pause', {})).toMatchObject({ paused: true, pausedReason: 'user' });
    const requests = t.sandbox.stats().requests;
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, pending: 3 });
    expect(t.sandbox.stats().requests).toBe(requests);
    expect(await t.call('sync:resume', {})).toMatchObject({ paused: false, pausedReason: null });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 3, pending: 0 });
  });

  it('closing the app in the middle of a sync finishes or gives back what is in flight; a restart completes it without duplicates', async () => {
    t = await syncBackend({ csv: contactsCsv(40), faults: { latencyMs: 25 }, engine: { batchSize: 10 } });
    const seq = await t.call('sequences:create', { name: 'Shutdown', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(40) });
    const run = t.call('sync:run', {});
    await eventually(() => t!.sandbox.state.createLog.length >= 3);
    await t.backend.close();
    await run;

    // A create cut off by the close may have reached Recruiterflow: its contact waits out the settle
    // window before it is looked up again, so the restart drains with a short --wait.
    reopened = openTestBackend({ dataDir: t.dataDir, scheduler: { engine: { backoff: FAST_BACKOFF, createSettleMs: 300 } } });
    const inFlight = reopened.backend.ctx.sqlite.prepare("select count(*) from sync_queue where state = 'in_flight'").pluck().get();
    expect(inFlight).toBe(0);
    const states = await statesOf(reopened, people(40), seq.id);
    expect(states.every((s) => s === 'synced' || s === 'queued')).toBe(true);
    expect(states.filter((s) => s === 'queued').length).toBeGreaterThan(0);
    expect(await reopened.call('sync:run', { wait: 20 })).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    expect(await statesOf(reopened, people(40), seq.id)).toEqual(Array(40).fill('synced'));
    expect(duplicateCreates(t.sandbox)).toEqual([]);
    expect(t.sandbox.state.createLog).toHaveLength(40);
    // t.close() below would close the backend again (a no-op) and remove the folder.
    rmSync(reopened.dataDir, { recursive: true, force: true, maxRetries: 3 });
  });
});
