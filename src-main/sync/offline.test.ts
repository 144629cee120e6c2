// Rule 11 (offline): when Recruiterflow cannot be reached, work stays queued and visible, no attempt
// is spent, nothing is lost, and the queue drains by itself when the connection returns.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { connectedBackend, contactsCsv } from '../testing/fixtures';
import {
  FAST_BACKOFF,
  duplicateCreates,
  enrollmentOf,
  eventually,
  people,
  runCounts,
  statesOf,
  syncBackend,
  type SyncTest,
} from '../testing/syncFixtures';

let t: SyncTest | null = null;
let revived: Sandbox | null = null;
afterEach(async () => {
  await t?.close();
  await revived?.stop();
  t = revived = null;
});

describe('rule 11: offline', () => {
  it('with every request dropped, contacts stay queued with no attempt spent; once it is back the next run drains them', async () => {
    t = await syncBackend({ csv: contactsCsv(5) });
    const seq = await t.call('sequences:create', { name: 'Train wifi', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(5) });
    t.sandbox.setFaults({ dropRate: 1 });
    expect(await t.call('sync:run', {})).toEqual(runCounts({ pending: 5 }));
    expect(await statesOf(t, people(5), seq.id)).toEqual(Array(5).fill('queued'));
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ attempts: 0, error: null });
    expect(await t.call('sync:status', {})).toMatchObject({ connected: true, online: false, queue: { due: 5, inFlight: 0 } });
    expect((await t.call('connection:get', {})).status).toBe('unreachable');
    // Still visible and manageable while offline.
    expect((await t.call('queue:list', {})).total).toBe(5);

    t.sandbox.setFaults({});
    expect(await t.call('sync:run', {})).toMatchObject({ created: 5, jobsAssigned: 5, pending: 0 });
    expect(await t.call('sync:status', {})).toMatchObject({ online: true, states: { synced: 5, queued: 0 } });
  });

  it('sync run --wait rides out a server that is down for a moment and finishes the work', async () => {
    t = await syncBackend({ csv: contactsCsv(6) });
    const seq = await t.call('sequences:create', { name: 'Restart' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(6) });
    const port = t.sandbox.port;
    await t.sandbox.stop();
    const run = t.call('sync:run', { wait: 10 });
    await eventually(async () => (await t!.call('connection:get', {})).status === 'unreachable');
    revived = await startSandbox({ port });
    const counts = await run;
    expect(counts).toMatchObject({ created: 6, failed: 0, retrying: 0, pending: 0 });
    expect(revived.state.createLog).toHaveLength(6);
    expect(duplicateCreates(revived)).toEqual([]);
  });

  it('the scheduler notices Recruiterflow is back and drains the queue by itself', async () => {
    t = await connectedBackend({
      csv: contactsCsv(4),
      backend: { scheduler: { tickMs: 50, engine: { backoff: FAST_BACKOFF, offlineProbeMs: 50 } } },
    });
    const seq = await t.call('sequences:create', { name: 'Background' });
    t.sandbox.setFaults({ dropRate: 1 });
    t.backend.scheduler.start();
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(4) });
    await eventually(async () => (await t!.call('sync:status', {})).online === false);
    expect(await statesOf(t, people(4), seq.id)).toEqual(Array(4).fill('queued'));

    t.sandbox.setFaults({});
    await eventually(async () => (await t!.call('sync:status', {})).states.synced === 4, 10_000);
    expect(await t.call('sync:status', {})).toMatchObject({ online: true, queue: { due: 0, backoff: 0, inFlight: 0 } });
    expect(t.sandbox.state.createLog).toHaveLength(4);
  });

  it('a lone timeout while the server answers is an attempt like any transient error, and is retried', async () => {
    t = await syncBackend({ csv: contactsCsv(1), engine: { timeoutMs: 150 } });
    const seq = await t.call('sequences:create', { name: 'Slow' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    let slowed = false;
    const realFetch = t.backend.ctx.fetch;
    t.backend.ctx.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      if (!slowed && String(input).endsWith('/candidate/add')) {
        slowed = true;
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
      }
      return realFetch(input, init);
    };
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ created: 1, failed: 0 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'synced', attempts: 2 });
  });
});
