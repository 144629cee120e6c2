// Rule 4: deduplication. With dedup on, an email Recruiterflow already has is flagged at add time and
// waits for the recruiter; either way the engine links to an existing record and never makes a second.
import { afterEach, describe, expect, it } from 'vitest';
import { EXISTS_IN_RECRUITERFLOW } from '../../src-shared/domain';
import { createsOf, csvOf, enrollmentOf, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';

const EXISTING = 'existing@acme.example'; // a seeded candidate
const EXISTING_CONTACT = 'existing.contact@acme.example'; // a seeded contact
const NEWCOMER = 'newcomer@example.test';

const csv = csvOf([
  { email: EXISTING, first_name: 'Erin', last_name: 'Existing' },
  { email: EXISTING_CONTACT, first_name: 'Casey', last_name: 'Contact' },
  { email: NEWCOMER, first_name: 'Nia', last_name: 'Newcomer' },
  { email: 'joann@x.example', first_name: 'Jo Ann', last_name: 'Twomail' },
  { email: 'jo.ann@work.example', first_name: 'Jo Ann', last_name: 'Twomail' },
  { email: 'sam@home.example', first_name: 'Sam', last_name: 'Twice' },
  { email: 'sam@work.example', first_name: 'Sam', last_name: 'Twice' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('rule 4: deduplication', () => {
  it('with dedup on, a contact already in Recruiterflow is flagged "Exists in Recruiterflow" and waits until the recruiter clears it', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Sourcing' });
    const seeded = t.sandbox.state.findByEmail(EXISTING)!;
    const added = await t.call('sequences:add', { sequenceId: seq.id, emails: [EXISTING, NEWCOMER] });
    expect(added).toEqual({ added: 2, alreadyEnrolled: 0, flagged: [{ email: EXISTING, error: EXISTS_IN_RECRUITERFLOW }] });
    expect(await enrollmentOf(t, EXISTING, seq.id)).toMatchObject({ state: 'flagged', error: EXISTS_IN_RECRUITERFLOW });

    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, linked: 0, pending: 0 });
    expect((await enrollmentOf(t, EXISTING, seq.id)).state).toBe('flagged');

    expect(await t.call('errors:clear', { email: EXISTING })).toEqual({ cleared: 1 });
    expect((await enrollmentOf(t, EXISTING, seq.id)).state).toBe('queued');
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect(await enrollmentOf(t, EXISTING, seq.id)).toMatchObject({ state: 'synced', error: null, recruiterflowId: seeded.id });
    expect(createsOf(t.sandbox, EXISTING)).toBe(0);
  });

  it('the dedup check looks among Recruiterflow contacts too: a candidate sequence flags it "as a Contact", which a clear does not wave through', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    const added = await t.call('sequences:add', { sequenceId: seq.id, emails: [EXISTING_CONTACT] });
    expect(added.flagged).toEqual([{ email: EXISTING_CONTACT, error: 'Exists in Recruiterflow as a Contact' }]);
    expect(await t.call('errors:clear', { email: EXISTING_CONTACT, sequenceId: seq.id })).toEqual({ cleared: 0 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0, jobsAssigned: 0 });
    expect(await enrollmentOf(t, EXISTING_CONTACT, seq.id)).toMatchObject({ state: 'flagged', errorCode: 'exists_as_contact' });
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(0);
  });

  it('with dedup off there is no warning: the existing record is linked (and put on the job), never created again', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Frontend', jobId: 102 });
    const added = await t.call('sequences:add', { sequenceId: seq.id, emails: [EXISTING, EXISTING_CONTACT, NEWCOMER] });
    expect(added.flagged).toEqual([]);
    // The Recruiterflow contact is not what a candidate sequence with a job asks for: flagged, not linked.
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, linked: 1, jobsAssigned: 2, failed: 0 });
    expect((await enrollmentOf(t, EXISTING_CONTACT, seq.id)).state).toBe('flagged');
    expect(createsOf(t.sandbox, EXISTING)).toBe(0);
    expect(createsOf(t.sandbox, EXISTING_CONTACT)).toBe(0);
    expect(t.sandbox.state.findByEmail(EXISTING)?.jobs.map((j) => j.job_id)).toEqual([101, 102]);
    expect(t.sandbox.state.findByEmail(NEWCOMER)?.jobs.map((j) => j.job_id)).toEqual([102]);
  });

  it('an email that is the second address of an existing record links to that record', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Design' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['joann@x.example', 'jo.ann@work.example'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 2 });
    const record = t.sandbox.state.findByEmail('joann@x.example')!;
    expect((await enrollmentOf(t, 'jo.ann@work.example', seq.id)).recruiterflowId).toBe(record.id);
  });

  it('two different emails for one person make two records', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Two inboxes' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['sam@home.example', 'sam@work.example'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2 });
    const home = t.sandbox.state.findByEmail('sam@home.example')!;
    const work = t.sandbox.state.findByEmail('sam@work.example')!;
    expect(home.id).not.toBe(work.id);
  });

  it('with dedup on while Recruiterflow is unreachable, the contact is queued and flagged at sync time instead', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Offline add' });
    t.sandbox.setFaults({ dropRate: 1 });
    const added = await t.call('sequences:add', { sequenceId: seq.id, emails: [EXISTING, NEWCOMER] });
    expect(added).toMatchObject({ added: 2, flagged: [] });
    expect((await enrollmentOf(t, EXISTING, seq.id)).state).toBe('queued');
    t.sandbox.setFaults({});
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, linked: 0, pending: 0 });
    expect(await enrollmentOf(t, EXISTING, seq.id)).toMatchObject({ state: 'flagged', error: EXISTS_IN_RECRUITERFLOW });
    await t.call('errors:clear', { email: EXISTING });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect(createsOf(t.sandbox, EXISTING)).toBe(0);
  });

  it('with dedup on, a record Flowbridge created for one sequence is not flagged when the contact joins another', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const first = await t.call('sequences:create', { name: 'First', jobId: 101 });
    const second = await t.call('sequences:create', { name: 'Second', jobId: 103 });
    await t.call('sequences:add', { sequenceId: first.id, emails: [NEWCOMER] });
    await t.call('sync:run', {});
    const added = await t.call('sequences:add', { sequenceId: second.id, emails: [NEWCOMER] });
    expect(added.flagged).toEqual([]);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1, jobsAssigned: 1 });
    expect(createsOf(t.sandbox, NEWCOMER)).toBe(1);
    expect(t.sandbox.state.findByEmail(NEWCOMER)?.jobs.map((j) => j.job_id)).toEqual([101, 103]);
  });
});
