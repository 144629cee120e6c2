// Changing the Recruiterflow account: links and job assignments belong to the account they were made in,
// the change asks first and says what it does, queued items wait for review, and a contact is never shown
// as synced with a record id from another account.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { contactsCsv } from '../testing/fixtures';
import { createsOf, enrollmentOf, people, syncBackend, type SyncTest } from '../testing/syncFixtures';
import { accountIdentity } from './account';

let t: SyncTest | null = null;
let other: Sandbox | null = null;
afterEach(async () => {
  await t?.close();
  await other?.stop();
  t = null;
  other = null;
});

describe('account identity', () => {
  it('is the server and a fingerprint of the key: two agencies on one host are two accounts, and the key is not in it', () => {
    const a = accountIdentity('https://api.recruiterflow.com', 'key-of-agency-a');
    expect(a).toMatch(/^https:\/\/api\.recruiterflow\.com#[0-9a-f]{12}$/);
    expect(a).not.toContain('agency-a');
    expect(accountIdentity('https://api.recruiterflow.com', 'key-of-agency-b')).not.toBe(a);
  });

  it('a switch asks first and says what happens; then queued items are held, old links kept but not reused, nothing shows synced from the old account', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    await t.call('sync:run', {});
    const oldId = (await enrollmentOf(t, 'person0@example.test', seq.id)).recruiterflowId;
    expect(oldId).not.toBeNull();
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person2@example.test'] }); // queued, not sent

    other = await startSandbox({ port: 0 });
    const refused = await t.fails('connection:connect', { baseUrl: other.url, apiKey: other.apiKey });
    expect(refused.code).toBe('confirm_required');
    expect(refused.message).toMatch(/different Recruiterflow account/);
    expect(refused.message).toMatch(/1 queued item waits for your review/);
    expect(refused.message).toMatch(/2 links to records of the old account are kept but not reused/);
    // Nothing changed: still the first account.
    expect((await t.call('connection:get', {})).baseUrl).toBe(t.sandbox.url);

    const done = await t.call('connection:connect', { baseUrl: other.url, apiKey: other.apiKey, confirmSwitch: true });
    expect(done.switched).toEqual({
      from: t.sandbox.url,
      to: other.url,
      queuedHeld: 1,
      linksKept: 2,
      syncedElsewhere: 2,
      restored: 0,
      flagsRechecked: 0,
    });
    expect((await t.call('queue:list', {})).rows.map((r) => r.state)).toEqual(['review']);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0 });
    expect(other.state.createLog).toHaveLength(0);

    // Never synced with an id from the other account, anywhere.
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({
      state: 'not_synced',
      recruiterflowId: null,
      errorCode: 'other_account',
    });
    expect((await t.call('contacts:list', {})).rows.every((c) => c.recruiterflowId === null)).toBe(true);
    expect((await t.call('contacts:get', { email: 'person0@example.test' })).recruiterflowIds).toEqual([]);

    // Reviewed and released, Resync sends them to the new account: created there, the old links not reused.
    await t.call('queue:approve', { all: true }); // waiting for review after the switch
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 2 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 3, jobsAssigned: 3 });
    for (const email of people(3)) expect(createsOf(other, email)).toBe(1);
    const now = await enrollmentOf(t, 'person0@example.test', seq.id);
    expect(now).toMatchObject({ state: 'synced', recruiterflowId: other.state.findByEmail('person0@example.test')!.id });
  });

  it('switching back restores what was synced in that account, with its own ids', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    await t.call('sync:run', {});
    const first = (await enrollmentOf(t, 'person0@example.test', seq.id)).recruiterflowId;
    other = await startSandbox({ port: 0 });
    await t.call('connection:connect', { baseUrl: other.url, apiKey: other.apiKey, confirmSwitch: true });
    expect((await enrollmentOf(t, 'person0@example.test', seq.id)).state).toBe('not_synced');
    const back = await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey, confirmSwitch: true });
    expect(back.switched).toMatchObject({ restored: 1 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'synced', recruiterflowId: first });
  });

  it('reconnecting the same account asks nothing; links made before accounts had fingerprints are adopted', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    await t.call('sync:run', {});
    // As an older version left the folder: the account known by its URL alone.
    const db = t.backend.ctx.sqlite;
    db.prepare('update connections set account = base_url').run();
    db.prepare('update rf_links set account = base_url').run();
    db.prepare('update enrollments set rf_account = (select base_url from connections)').run();
    expect((await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey })).switched).toBeNull();
    const second = await t.call('sequences:create', { name: 'Second' });
    await t.call('sequences:add', { sequenceId: second.id, emails: people(1) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect((await enrollmentOf(t, 'person0@example.test', seq.id)).state).toBe('synced');
  });

  it("a flag's evidence from the old account is not acted on in the new one: the flag is held and checked again there", async () => {
    t = await syncBackend({ csv: 'email,first_name\nexisting@acme.example,Erin' });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Sourcing' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example'] });
    expect((await enrollmentOf(t, 'existing@acme.example', seq.id)).matches).toHaveLength(1);
    other = await startSandbox({ port: 0 });
    const done = await t.call('connection:connect', { baseUrl: other.url, apiKey: other.apiKey, confirmSwitch: true });
    expect(done.switched).toMatchObject({ flagsRechecked: 1 });
    expect(await enrollmentOf(t, 'existing@acme.example', seq.id)).toMatchObject({ state: 'queued', matches: [] });
    expect((await t.call('queue:list', {})).rows.map((r) => r.state)).toEqual(['review']);
    await t.call('queue:approve', { all: true }); // waiting for review after the switch
    await t.call('sync:run', {});
    const again = await enrollmentOf(t, 'existing@acme.example', seq.id);
    expect(again).toMatchObject({
      state: 'flagged',
      matches: [{ id: other.state.findByEmail('existing@acme.example')!.id, name: 'Erin Existing' }],
    });
    expect(createsOf(other, 'existing@acme.example')).toBe(0);
  });
});
