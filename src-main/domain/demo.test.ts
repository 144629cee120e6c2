// The demo workspace: marked as demo in the database, never queued for a real Recruiterflow account (only
// the built-in sandbox), not offered once a real account is connected, and removable in full.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { FAST_BACKOFF } from '../testing/syncFixtures';

let t: TestBackend | null = null;
const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const s of sandboxes.splice(0)) await s.stop();
});

async function server(): Promise<Sandbox> {
  const s = await startSandbox({ port: 0 });
  sandboxes.push(s);
  return s;
}

const count = (t: TestBackend, sql: string) => t.backend.ctx.sqlite.prepare(sql).pluck().get() as number;

describe('demo data', () => {
  it('loaded offline and then connected to a real account: nothing demo is queued or sent, each says why', async () => {
    t = openTestBackend({ scheduler: { engine: { backoff: FAST_BACKOFF } } });
    await t.call('app:loadDemo', {});
    expect(count(t, 'select count(*) from contacts where demo = 1')).toBe(18);
    expect(count(t, 'select count(*) from sequences where demo = 1')).toBe(3);
    const real = await server(); // a Recruiterflow the app does not know as its sandbox: a real account to it
    await t.call('connection:connect', { baseUrl: real.url, apiKey: real.apiKey });
    expect(await t.call('app:info', {})).toMatchObject({ demo: true, realAccount: true });
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 0 });
    // Demo contacts added to a real sequence are not queued either.
    const seq = await t.call('sequences:create', { name: 'Real campaign' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ada.okafor@northwindlabs.example'] });
    expect(count(t, "select count(*) from sync_queue where state in ('pending', 'review', 'held', 'backoff', 'in_flight')")).toBe(0);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0 });
    expect(real.state.createLog).toHaveLength(0);
    const ada = await t.call('contacts:get', { email: 'ada.okafor@northwindlabs.example' });
    expect(ada.enrollments.find((e) => e.sequenceId === seq.id)).toMatchObject({
      state: 'not_synced',
      errorCode: 'demo',
      error: expect.stringMatching(/never sent to a real Recruiterflow/),
    });
    // And the demo workspace is not offered again while a real account is connected.
    await t.call('app:removeDemo', {});
    expect((await t.fails('app:loadDemo', {})).code).toBe('forbidden');
  });

  it('queued demo work is cancelled the moment a real account is connected', async () => {
    const sandbox = await server();
    t = openTestBackend({
      scheduler: { engine: { backoff: FAST_BACKOFF } },
      launchSandbox: async () => ({ url: sandbox.url, apiKey: sandbox.apiKey }),
    });
    // Use the Sandbox: demo data may go there, and is queued as usual.
    await t.call('connection:useSandbox', {});
    expect(await t.call('app:info', {})).toMatchObject({ realAccount: false });
    await t.call('app:loadDemo', {});
    expect(count(t, "select count(*) from sync_queue where state = 'pending'")).toBeGreaterThan(0);
    const real = await server();
    await t.call('connection:connect', { baseUrl: real.url, apiKey: real.apiKey, confirmSwitch: true });
    expect(count(t, "select count(*) from sync_queue where state in ('pending', 'review', 'held', 'backoff')")).toBe(0);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0 });
    expect(real.state.createLog).toHaveLength(0);
  });

  it('Remove demo data removes every demo contact, sequence and queue item, and nothing else', async () => {
    t = openTestBackend();
    await t.call('app:loadDemo', {});
    await t.call('contacts:import', { csv: 'email,first_name\nreal@agency.example,Rea' });
    const demoSequence = (await t.call('sequences:list', {}))[0]!;
    await t.call('sequences:add', { sequenceId: demoSequence.id, emails: ['real@agency.example'] });
    const mine = await t.call('sequences:create', { name: 'Mine' });
    await t.call('sequences:add', { sequenceId: mine.id, emails: ['real@agency.example', 'ada.okafor@northwindlabs.example'] });
    t.backend.ctx.sqlite
      .prepare(
        "insert into sync_queue (enrollment_id, state, next_attempt_at, created_at, updated_at) select id, 'held', 0, 0, 0 from enrollments",
      )
      .run();
    expect(await t.call('app:removeDemo', {})).toEqual({ contacts: 18, sequences: 3 });
    expect((await t.call('contacts:list', {})).rows.map((c) => c.email)).toEqual(['real@agency.example']);
    expect((await t.call('sequences:list', {})).map((s) => [s.name, s.total])).toEqual([['Mine', 1]]);
    expect(count(t, 'select count(*) from sync_queue')).toBe(1);
    expect(count(t, 'select count(*) from enrollments')).toBe(1);
    expect(await t.call('app:info', {})).toMatchObject({ demo: false });
  });
});
