// The engine is right whichever way Recruiterflow's undocumented behaviours fall: conflicts that are not
// about the email, keys without permission, bursts of server errors, a search that lags with no 409 to
// stop a second create, a repeated add-to-job that resets the stage, and the values it sends.
import { rmSync } from 'node:fs';
import { describe, expect, it, afterEach } from 'vitest';
import { runCli } from '../cli/run';
import { contactsCsv, openTestBackend, tempDir } from '../testing/fixtures';
import { FAST_BACKOFF, createsOf, csvOf, enrollmentOf, eventually, people, syncBackend, type SyncTest } from '../testing/syncFixtures';
import type { EngineOptions } from './engine';
import { Pacer } from './pacer';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('conflicts', () => {
  it('a 409 about another unique value (a phone) fails the item at once with the message, without retries', async () => {
    // A phone no record has (Erin Existing's +1 555 0100 would be a possible match, never sent): the 409 is injected.
    t = await syncBackend({ csv: csvOf([{ email: 'new.person@example.test', first_name: 'New', phone: '+1 555 0177' }]) });
    const seq = await t.call('sequences:create', { name: 'Phones' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['new.person@example.test'] });
    t.sandbox.setFaults({
      failPaths: [
        { path: 'candidate/add', status: 409, times: 20, body: { message: 'A profile with this Email/Phone Number already exists' } },
      ],
    });
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ failed: 1, retrying: 0 });
    const e = await enrollmentOf(t, 'new.person@example.test', seq.id);
    expect(e.state).toBe('failed');
    expect(e.error).toContain('A profile with this Email/Phone Number already exists');
    expect(e.attempts).toBe(1);
  });
});

describe('a key without permission', () => {
  it('a 403 on the connection check is named at connect', async () => {
    t = await syncBackend();
    t.sandbox.setFaults({ failPaths: [{ path: 'user/list', status: 403, times: 1 }] });
    const error = await t.fails('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect(error.message).toContain('The key lacks permission for GET /api/external/user/list');
  });

  it('a 403 on the metadata pauses the queue with what the key lacks permission for', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Forbidden' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    t.sandbox.setFaults({ failPaths: [{ path: 'job/list', status: 403, times: 5 }] });
    t.backend.scheduler.start();
    await eventually(async () => (await t!.call('sync:status', {})).paused);
    expect((await t.call('sync:status', {})).pausedReason).toBe('the key lacks permission for GET /api/external/job/list');
    expect(t.sandbox.state.createLog).toHaveLength(0);
    // Reconnecting lifts it.
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect((await t.call('sync:status', {})).paused).toBe(false);
  });
});

/** A pacer on a fake clock, and a request that answers `status` after 1 ms. */
function pacedServer() {
  let now = 0;
  const pacer = new Pacer({ concurrency: 1, clock: { now: () => now }, sleep: async (ms) => void (now += ms), startRate: 20 });
  const send = (status: number) =>
    pacer.run(
      async () => ((now += 1), status),
      (s) => s,
    );
  return { pacer, send };
}

describe('the pacer under server errors', () => {
  it('a burst of 5xx slows it down as 429s do, and it climbs back afterwards', async () => {
    const { pacer, send } = pacedServer();
    for (let i = 0; i < 20; i++) await send(200);
    const before = pacer.snapshot().rate;
    for (let i = 0; i < 4; i++) await send(503);
    const after = pacer.snapshot().rate;
    expect(after).toBeLessThanOrEqual(before / 2);
    for (let i = 0; i < 200; i++) await send(200);
    expect(pacer.snapshot().rate).toBeGreaterThan(after);
    expect(pacer.snapshot().serverErrors).toBe(4);
  });

  it('a lone 5xx now and then does not', async () => {
    const { pacer, send } = pacedServer();
    for (let i = 0; i < 20; i++) await send(200);
    const before = pacer.snapshot().rate;
    await send(500);
    await send(200);
    await send(502);
    expect(pacer.snapshot().rate).toBeGreaterThanOrEqual(before);
  });
});

describe('a search that lags, with no 409 on a second create', () => {
  it('a create whose outcome was lost (a crash) is never sent again before its record shows in the search', async () => {
    t = await syncBackend({ csv: contactsCsv(1), engine: { createSettleMs: 3_000 } });
    const seq = await t.call('sequences:create', { name: 'Lagging', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    t.sandbox.setFaults({ searchLagMs: 1_500, noConflictOnCreate: true });
    // A process sent the create and died before it could record the answer.
    const res = await fetch(`${t.sandbox.url}/api/external/candidate/add`, {
      method: 'POST',
      headers: { 'RF-Api-Key': t.sandbox.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'First0 Last0', email: [{ email: 'person0@example.test', is_primary: 1 }] }),
    });
    expect(res.status).toBe(200);
    t.backend.ctx.sqlite.prepare('update enrollments set create_started_at = ?').run(Date.now());

    expect(await t.call('sync:run', { wait: 10 })).toMatchObject({ created: 1, failed: 0, retrying: 0, pending: 0 });
    expect(createsOf(t.sandbox, 'person0@example.test')).toBe(1);
    expect(t.sandbox.state.findByEmail('person0@example.test')?.jobs.map((j) => j.job_id)).toEqual([101]);
  });

  it('two processes syncing two sequences of the same emails at once never create one twice', async () => {
    const engine: EngineOptions = { createSettleMs: 3_000, batchSize: 10, backoff: FAST_BACKOFF };
    t = await syncBackend({ csv: contactsCsv(10), engine });
    t.sandbox.setFaults({ searchLagMs: 1_000, noConflictOnCreate: true, latencyMs: 5 });
    const a = await t.call('sequences:create', { name: 'A', jobId: 101 });
    const b = await t.call('sequences:create', { name: 'B', jobId: 106 });
    await t.call('sequences:add', { sequenceId: a.id, emails: people(10) });
    await t.call('sequences:add', { sequenceId: b.id, emails: people(10) });
    // The desktop app and a cron job on one data folder: each claims one sequence's items, at once.
    const other = openTestBackend({ dataDir: t.dataDir, scheduler: { engine } });
    try {
      const [mine, theirs] = await Promise.all([t.call('sync:run', { wait: 15 }), other.call('sync:run', { wait: 15 })]);
      expect(mine.failed + theirs.failed).toBe(0);
      expect(await other.call('sync:run', { wait: 15 })).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    } finally {
      await other.backend.close();
    }
    for (const email of people(10)) {
      expect(createsOf(t.sandbox, email), email).toBe(1);
      expect(
        t.sandbox.state
          .findByEmail(email)
          ?.jobs.map((j) => j.job_id)
          .sort(),
        email,
      ).toEqual([101, 106]);
    }
  }, 30_000);
});

describe('a repeated add-to-job that resets the stage', () => {
  it('a record already on the job is not added again, so its stage stays where the recruiter put it', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'existing@acme.example', first_name: 'Existing' }]) });
    const p = t.sandbox.state.findByEmail('existing@acme.example')!;
    p.jobs = [{ job_id: 101, stage_id: 10104, stage_name: 'Interview', stage_moved: '2026-01-01T00:00:00+0000' }];
    t.sandbox.setFaults({ repeatAddToJob: 'reset' });
    const seq = await t.call('sequences:create', { name: 'Again', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example'] });
    expect(await t.call('sync:run', {})).toMatchObject({ linked: 1, failed: 0 });
    expect(p.jobs.map((j) => [j.job_id, j.stage_name])).toEqual([[101, 'Interview']]);
    // A second sequence on the same job, linked locally this time: the record is read, not re-added.
    const again = await t.call('sequences:create', { name: 'Again 2', jobId: 101 });
    await t.call('sequences:add', { sequenceId: again.id, emails: ['existing@acme.example'] });
    t.backend.ctx.sqlite.prepare('delete from rf_job_assignments').run();
    expect(await t.call('sync:run', {})).toMatchObject({ linked: 1, failed: 0 });
    expect(p.jobs.map((j) => [j.job_id, j.stage_name])).toEqual([[101, 'Interview']]);
  });
});

describe('values', () => {
  it('a contact without a name is sent with one made from the email, and the preview shows it', async () => {
    t = await syncBackend({
      csv: csvOf([
        { email: 'john.smith@example.test', first_name: '' },
        { email: 'mary-ann.o_neil@example.test', first_name: '' },
      ]),
    });
    const seq = await t.call('sequences:create', { name: 'Nameless' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['john.smith@example.test'] });
    const contacts = await t.call('sequences:create', { name: 'As contacts', syncAs: 'contact' });
    await t.call('sequences:add', { sequenceId: contacts.id, emails: ['mary-ann.o_neil@example.test'] });
    const queue = await t.call('queue:list', {});
    const [first, second] = queue.rows;
    const createOf = async (id: number) =>
      (await t!.call('queue:preview', { id })).requests.find((r) => r.path.endsWith('/add'))?.body as Record<string, unknown>;
    const bodies = [await createOf(first!.id), await createOf(second!.id)];
    const john = bodies.find((b) => JSON.stringify(b).includes('john.smith'))!;
    const mary = bodies.find((b) => JSON.stringify(b).includes('mary-ann'))!;
    expect(john).toMatchObject({ name: 'John Smith', first_name: 'John', last_name: 'Smith' });
    expect(mary).toMatchObject({ first_name: 'Mary', last_name: 'Ann O Neil' });
    expect(mary).not.toHaveProperty('name');
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail('john.smith@example.test')?.name).toBe('John Smith');
    expect(t.sandbox.state.findByEmail('mary-ann.o_neil@example.test')).toMatchObject({ name: 'Mary Ann O Neil', type: 'contact' });
  });

  it('money without a currency uses the settings default currency, not USD', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'paid@example.test', first_name: 'Paid', salary: '120000' }]) });
    expect((await t.call('settings:get', {})).defaultCurrency).toBe('USD');
    expect((await t.call('settings:set', { defaultCurrency: 'eur' })).defaultCurrency).toBe('EUR');
    expect((await t.fails('settings:set', { defaultCurrency: 'EURO' })).code).toBe('invalid_input');
    await t.call('mapping:set', { rules: [{ source: 'salary', target: 'custom:203' }] });
    const seq = await t.call('sequences:create', { name: 'Paid' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['paid@example.test'] });
    const [item] = (await t.call('queue:list', {})).rows;
    const create = (await t.call('queue:preview', { id: item!.id })).requests.find((r) => r.path.endsWith('/add'));
    expect((create?.body as { custom_fields: unknown }).custom_fields).toEqual([{ id: 203, value: { number: 120000, currency: 'EUR' } }]);
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail('paid@example.test')?.custom_fields).toEqual([
      { id: 203, value: { number: 120000, currency: 'EUR' } },
    ]);
  });

  it('the command line sets the currency with `settings set --currency`', async () => {
    const dir = tempDir();
    let out = '';
    const code = await runCli(['settings', 'set', '--currency', 'gbp', '--json', '--data-dir', dir], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      env: {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ currency: 'GBP' });
    rmSync(dir, { recursive: true, force: true });
  });
});
