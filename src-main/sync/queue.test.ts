// The durable queue: review before sync, hold / release / approve / cancel, the dry run, and two
// processes draining one data folder without ever sending an item twice.
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedRequest } from '../../src-shared/contract';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import {
  FAST_BACKOFF,
  duplicateCreates,
  enrollmentOf,
  people,
  requestsTo,
  statesOf,
  syncBackend,
  type SyncTest,
} from '../testing/syncFixtures';

let t: SyncTest | null = null;
let twin: TestBackend | null = null;
afterEach(async () => {
  // The twin shares t's data folder: close its backend only, t removes the folder.
  await twin?.backend.close();
  await t?.close();
  t = twin = null;
});

async function queueIds(t: TestBackend, state: 'pending' | 'review' | 'held' | 'backoff' | 'cancelled' | 'done') {
  const page = await t.call('queue:list', { states: [state], limit: 1000 });
  return page.rows;
}

describe('rule 9: the queue', () => {
  it('with review before sync, new items are held until the recruiter approves them', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Reviewed' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    const held = await queueIds(t, 'review');
    expect(held.map((r) => r.email).sort()).toEqual(people(3));
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, pending: 3 });
    expect((await t.call('sync:status', {})).queue).toMatchObject({ review: 3, held: 0, due: 0 });

    expect(await t.call('queue:approve', { ids: [held[0]!.id] })).toEqual({ changed: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, pending: 2 });
    expect(await t.call('queue:approve', { all: true })).toEqual({ changed: 2 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, pending: 0 });
  });

  it('hold keeps an item back, release lets it go, cancel drops it (and resync can bring it back)', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Hand-picked' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    const [a, b] = await queueIds(t, 'pending');
    expect(await t.call('queue:hold', { ids: [a!.id] })).toEqual({ changed: 1 });
    expect(await t.call('queue:cancel', { ids: [b!.id] })).toEqual({ changed: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, pending: 1 });
    expect((await enrollmentOf(t, a!.email, seq.id)).state).toBe('queued');
    expect(await enrollmentOf(t, b!.email, seq.id)).toMatchObject({ state: 'not_synced', error: 'Sync cancelled by you' });

    expect(await t.call('queue:release', { ids: [a!.id] })).toEqual({ changed: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, pending: 0 });
    expect(t.sandbox.state.findByEmail(b!.email)).toBeUndefined();
    expect(await t.call('enrollments:resync', { email: b!.email })).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
    expect(await statesOf(t, people(3), seq.id)).toEqual(['synced', 'synced', 'synced']);
  });

  it('the dry run shows exactly the requests an item will send, job assignment included, and sends nothing (also offline)', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Preview', jobId: 103 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    const [item] = await queueIds(t, 'review');
    t.sandbox.setFaults({ dropRate: 1 });
    const before = t.sandbox.stats().requests;
    const preview = await t.call('queue:preview', { id: item!.id });
    const plan: PlannedRequest[] = preview.requests;
    expect(preview.summary).toBe('4 requests at most: 3 always, the create only when neither lookup finds the email.');
    expect(t.sandbox.stats().requests).toBe(before);
    expect(plan.map((p) => `${p.method} ${p.path}`)).toEqual([
      'POST /api/external/candidate/search',
      'POST /api/external/contact/search',
      'POST /api/external/candidate/add',
      'POST /api/external/candidate/add-to-job',
    ]);
    expect(plan[0]!.body).toMatchObject({ filters: [{ key: 'email', conjunction: 'in', values: ['person0@example.test'] }] });
    expect(plan[2]!.body).toMatchObject({
      email: [{ email: 'person0@example.test', is_primary: 1 }],
      first_name: 'First0',
      last_name: 'Last0',
    });
    expect(plan[3]!.body).toMatchObject({ job_id: 103 });
    expect(plan[3]!.note).toBe('Assign to job #103 Product Designer (Globex, London); it lands in Sourced');

    // Held and previewed offline; approved and sent once it is back: the create carries what the preview showed.
    t.sandbox.setFaults({});
    await t.call('queue:approve', { all: true });
    await t.call('sync:run', {});
    const record = t.sandbox.state.findByEmail('person0@example.test')!;
    expect(record).toMatchObject({ first_name: 'First0', last_name: 'Last0', fields: { organization: 'Company 0' } });
    expect(record.jobs.map((j) => j.job_id)).toEqual([103]);
  });

  it('two processes draining one data folder at once never send an item twice', async () => {
    t = await syncBackend({ csv: contactsCsv(120), faults: { latencyMs: 3 }, engine: { batchSize: 10 } });
    twin = openTestBackend({ dataDir: t.dataDir, scheduler: { engine: { backoff: FAST_BACKOFF, batchSize: 10 } } });
    const seqA = await t.call('sequences:create', { name: 'A', jobId: 101 });
    const seqB = await twin.call('sequences:create', { name: 'B', jobId: 102 });
    await t.call('sequences:add', { sequenceId: seqA.id, emails: people(120) });
    await twin.call('sequences:add', { sequenceId: seqB.id, emails: people(60) });

    const [one, two] = await Promise.all([t.call('sync:run', {}), twin.call('sync:run', {})]);
    expect(one.created + one.linked).toBeGreaterThan(0);
    expect(two.created + two.linked).toBeGreaterThan(0);
    expect(one.created + two.created + one.linked + two.linked).toBe(180);
    expect(one.jobsAssigned + two.jobsAssigned).toBe(180);
    expect(duplicateCreates(t.sandbox)).toEqual([]);
    expect(t.sandbox.state.createLog).toHaveLength(120);
    const attempts = t.backend.ctx.sqlite
      .prepare("select max(attempts) as most, count(*) as n from sync_queue where state = 'done'")
      .get() as { most: number; n: number };
    expect(attempts).toEqual({ most: 1, n: 180 });
    expect((await t.call('sync:status', {})).states).toMatchObject({ synced: 180, queued: 0 });
  });

  it('an item whose lease lapsed while it waited in a slow batch, and that another process took, is sent by that process only', async () => {
    // One slow engine holds a batch far longer than its lease; a second process takes over the lapsed items.
    t = await syncBackend({ csv: contactsCsv(40), faults: { latencyMs: 40 }, engine: { batchSize: 40, concurrency: 1, leaseMs: 400 } });
    twin = openTestBackend({ dataDir: t.dataDir, scheduler: { engine: { backoff: FAST_BACKOFF, concurrency: 1 } } });
    const seq = await t.call('sequences:create', { name: 'Slow' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(40) });

    const slow = t.call('sync:run', {});
    await new Promise((resolve) => setTimeout(resolve, 800));
    const [one, two] = await Promise.all([slow, twin.call('sync:run', {})]);
    expect(two.created).toBeGreaterThan(0); // the second process did take lapsed items over
    expect(one.created + two.created).toBe(40);
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(40); // each contact sent once, by one process
    expect(duplicateCreates(t.sandbox)).toEqual([]);
    expect((await t.call('sync:status', {})).states).toMatchObject({ synced: 40, queued: 0 });
  });

  it('an item taken over while its create was on the wire is not assigned to its job twice: the new holder finishes it', async () => {
    // Every request takes 600 ms and a lease 200 ms: the claim is renewed just before the create is sent.
    t = await syncBackend({ csv: contactsCsv(1), faults: { latencyMs: 600 }, engine: { leaseMs: 200 } });
    const seq = await t.call('sequences:create', { name: 'Taken over', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    const db = t.backend.ctx.sqlite;

    const run = t.call('sync:run', {});
    // While the create is on the wire its lease lapses, and another process claims the item.
    while (requestsTo(t.sandbox, 'candidate/add') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 350));
    const lease = db.prepare('select lease_until from sync_queue').pluck().get() as number;
    expect(lease).toBeLessThan(Date.now()); // lapsed, so claimable
    db.prepare("update sync_queue set lease_owner = 'other-host:1:x', lease_until = ?").run(Date.now() + 3_600_000);
    expect(await run).toMatchObject({ created: 0, jobsAssigned: 0 });
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(0); // left to the new holder
    expect(db.prepare('select state, lease_owner as owner from sync_queue').get()).toEqual({ state: 'in_flight', owner: 'other-host:1:x' });

    // The holder's lease lapses in turn: the next run finds the record it made and assigns the job once.
    db.prepare('update sync_queue set lease_until = ?').run(Date.now() - 1);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, jobsAssigned: 1 });
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(1);
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(1);
    expect(t.sandbox.state.findByEmail('person0@example.test')!.jobs.map((j) => j.job_id)).toEqual([101]);
  });

  it('an item leased by a process that died is picked up again at once; a live lease is left alone until it expires', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Orphans' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    const [dead, alive, expired] = await queueIds(t, 'pending');
    const lease = t.backend.ctx.sqlite.prepare("update sync_queue set state = 'in_flight', lease_owner = ?, lease_until = ? where id = ?");
    const far = Date.now() + 3_600_000;
    lease.run(`${hostname()}:999999999:dead`, far, dead!.id);
    lease.run(`${hostname()}:${process.pid}:someone-else`, far, alive!.id);
    lease.run('another-host:1:x', Date.now() - 1, expired!.id);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, pending: 1 });
    expect((await enrollmentOf(t, dead!.email, seq.id)).state).toBe('synced');
    expect((await enrollmentOf(t, expired!.email, seq.id)).state).toBe('synced');
    expect((await enrollmentOf(t, alive!.email, seq.id)).state).toBe('queued');
  });
});
