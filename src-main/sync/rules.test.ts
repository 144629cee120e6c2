// Rules 1 and 2 of the integration: sync mode, sync as, sequence overrides, Disable Sync, and the
// settings captured on each enrollment when the contact is added.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { enrollmentOf, people, requestsTo, runCounts, statesOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('rule 1: sync mode, sync as, sequence overrides, Disable Sync', () => {
  it('with sync mode off, contacts added to a sequence wait as not synced and nothing reaches Recruiterflow', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    await t.call('settings:set', { syncMode: 'off' });
    const seq = await t.call('sequences:create', { name: 'Quiet' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    expect(await statesOf(t, people(3), seq.id)).toEqual(['not_synced', 'not_synced', 'not_synced']);
    const counts = await t.call('sync:run', {});
    expect(counts).toEqual(runCounts({}));
    expect(t.sandbox.state.createLog).toHaveLength(0);
  });

  it('on-add queues a contact the moment it is added and syncs it as a candidate by default', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Backend' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    expect(await statesOf(t, people(2), seq.id)).toEqual(['queued', 'queued']);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, pending: 0, retrying: 0 });
    for (const email of people(2)) {
      expect(t.sandbox.state.findByEmail(email)?.type).toBe('candidate');
      expect((await enrollmentOf(t, email, seq.id)).state).toBe('synced');
    }
  });

  it('on-reply waits for the reply before syncing', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('settings:set', { syncMode: 'on-reply' });
    const seq = await t.call('sequences:create', { name: 'Warm' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    await t.call('sync:run', {});
    expect(t.sandbox.state.createLog).toHaveLength(0);
    expect(await statesOf(t, people(2), seq.id)).toEqual(['awaiting_reply', 'awaiting_reply']);
    await t.call('replies:record', { email: 'person1@example.test' });
    expect(await statesOf(t, people(2), seq.id)).toEqual(['awaiting_reply', 'queued']);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
    expect(t.sandbox.state.createLog.map((c) => c.email)).toEqual(['person1@example.test']);
  });

  it('sync as Contact creates Recruiterflow contacts, which are never put on a job', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('settings:set', { syncAs: 'contact', defaultJobId: 101 });
    const seq = await t.call('sequences:create', { name: 'Hiring managers' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, jobsAssigned: 0 });
    for (const email of people(2)) expect(t.sandbox.state.findByEmail(email)).toMatchObject({ type: 'contact', jobs: [] });
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(0);
  });

  it("a sequence's own mode and sync-as override the account's", async () => {
    t = await syncBackend({ csv: contactsCsv(4) });
    await t.call('settings:set', { syncMode: 'off', syncAs: 'candidate' });
    const loud = await t.call('sequences:create', { name: 'Clients', syncMode: 'on-add', syncAs: 'contact' });
    const quiet = await t.call('sequences:create', { name: 'Inherits off' });
    await t.call('settings:set', { syncMode: 'on-add' });
    const off = await t.call('sequences:create', { name: 'Own off', syncMode: 'off' });
    await t.call('sequences:add', { sequenceId: loud.id, emails: ['person0@example.test'] });
    await t.call('sequences:add', { sequenceId: quiet.id, emails: ['person1@example.test'] });
    await t.call('sequences:add', { sequenceId: off.id, emails: ['person2@example.test'] });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail('person0@example.test')?.type).toBe('contact');
    // "Inherits off" inherits the account default of the moment the contact is added: on-add by then.
    expect(t.sandbox.state.findByEmail('person1@example.test')?.type).toBe('candidate');
    expect(t.sandbox.state.findByEmail('person2@example.test')).toBeUndefined();
    expect((await enrollmentOf(t, 'person2@example.test', off.id)).state).toBe('not_synced');
  });

  it('Disable Sync: contacts are never synced by the trigger, not even when they reply', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Internal', disableSync: true });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    expect(await statesOf(t, people(2), seq.id)).toEqual(['sync_disabled', 'sync_disabled']);
    await t.call('replies:record', { email: 'person0@example.test' });
    await t.call('sync:run', {});
    expect(await statesOf(t, people(2), seq.id)).toEqual(['sync_disabled', 'sync_disabled']);
    expect(t.sandbox.state.createLog).toHaveLength(0);
  });
});

describe('rule 2: settings are captured when the contact is added', () => {
  it('a contact added before the sequence switched to Contact stays a Candidate', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('settings:set', { syncMode: 'off' });
    const seq = await t.call('sequences:create', { name: 'Switching', syncMode: 'on-reply' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test'] });
    await t.call('sequences:update', { id: seq.id, syncAs: 'contact' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person1@example.test'] });
    expect((await enrollmentOf(t, 'person0@example.test', seq.id)).syncAs).toBe('candidate');
    expect((await enrollmentOf(t, 'person1@example.test', seq.id)).syncAs).toBe('contact');
    await t.call('replies:record', { email: 'person0@example.test' });
    await t.call('replies:record', { email: 'person1@example.test' });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail('person0@example.test')?.type).toBe('candidate');
    expect(t.sandbox.state.findByEmail('person1@example.test')?.type).toBe('contact');
  });

  it('changing the default job later does not move contacts already added', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('settings:set', { defaultJobId: 101, reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Inherits the job' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test'] });
    await t.call('settings:set', { defaultJobId: 102 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person1@example.test'] });
    await t.call('queue:approve', { all: true });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, jobsAssigned: 2 });
    expect(t.sandbox.state.findByEmail('person0@example.test')?.jobs.map((j) => j.job_id)).toEqual([101]);
    expect(t.sandbox.state.findByEmail('person1@example.test')?.jobs.map((j) => j.job_id)).toEqual([102]);
  });

  it('turning sync off after contacts were added does not stop the ones already queued', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Changed mind' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test'] });
    await t.call('settings:set', { syncMode: 'off' });
    await t.call('sequences:update', { id: seq.id, syncMode: 'on-reply', syncAs: 'contact', jobId: 103 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person1@example.test'] });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail('person0@example.test')).toMatchObject({ type: 'candidate', jobs: [] });
    expect((await enrollmentOf(t, 'person1@example.test', seq.id)).state).toBe('awaiting_reply');
  });

  it('contacts added while the sequence had Disable Sync stay unsynced when it is switched back on', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Paused campaign', disableSync: true });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test'] });
    await t.call('sequences:update', { id: seq.id, disableSync: false });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['person1@example.test'] });
    await t.call('sync:run', {});
    expect(await statesOf(t, people(2), seq.id)).toEqual(['sync_disabled', 'synced']);
    expect((await enrollmentOf(t, 'person0@example.test', seq.id)).disabled).toBe(true);
  });
});
