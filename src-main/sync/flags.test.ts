// "Synced" only when everything the enrollment asked for happened, and every flag shows its evidence:
// a Candidate-with-job enrollment whose email Recruiterflow has only as a Contact is flagged "Exists in
// Recruiterflow as a Contact" with the record, and the recruiter's fixes (create, link, don't sync) work.
import { afterEach, describe, expect, it } from 'vitest';
import { createsOf, csvOf, enrollmentOf, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';

const CONTACT = 'existing.contact@acme.example'; // a seeded Recruiterflow contact, Casey Contact
const SECOND = 'jo.ann@work.example'; // the second address of the seeded candidate Jo Ann Twomail

const csv = csvOf([
  { email: CONTACT, first_name: 'Casey', last_name: 'Contact' },
  { email: SECOND, first_name: 'Jo Ann', last_name: 'Twomail' },
  { email: 'fresh@example.test', first_name: 'Fresh', last_name: 'Person' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const jobsOf = (t: SyncTest, email: string, type: 'candidate' | 'contact') =>
  t.sandbox.state.findByEmail(email, type)?.jobs.map((j) => j.job_id);

describe('a Candidate with a job whose email exists only as a Contact', () => {
  it('is never synced: it is flagged "Exists in Recruiterflow as a Contact" with the record shown', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Frontend', jobId: 102 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [CONTACT] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0, jobsAssigned: 0 });
    const casey = t.sandbox.state.findByEmail(CONTACT, 'contact')!;
    expect(await enrollmentOf(t, CONTACT, seq.id)).toMatchObject({
      state: 'flagged',
      error: 'Exists in Recruiterflow as a Contact',
      errorCode: 'exists_as_contact',
      recruiterflowId: null,
      matches: [{ type: 'contact', id: casey.id, name: 'Casey Contact', emails: [CONTACT], matchedEmail: CONTACT }],
    });
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(0);
    const errors = await t.call('errors:list', {});
    expect(errors.rows[0]).toMatchObject({ email: CONTACT, errorCode: 'exists_as_contact', matches: [{ id: casey.id }] });
    const exported = await t.call('errors:export', { format: 'csv' });
    expect(exported.content).toContain(`contact #${casey.id} Casey Contact <${CONTACT}> matched ${CONTACT}`);
  });

  it('"Create a Candidate profile too" makes the candidate and puts it on the job; the contact stays', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Frontend', jobId: 102 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [CONTACT] });
    await t.call('sync:run', {});
    const flagged = await enrollmentOf(t, CONTACT, seq.id);
    expect(await t.call('enrollments:resolve', { ids: [flagged.id], action: 'create' })).toEqual({ resolved: 1, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, jobsAssigned: 1 });
    const candidate = t.sandbox.state.findByEmail(CONTACT, 'candidate')!;
    expect(await enrollmentOf(t, CONTACT, seq.id)).toMatchObject({
      state: 'synced',
      syncAs: 'candidate',
      jobId: 102,
      recruiterflowId: candidate.id,
      matches: [],
    });
    expect(jobsOf(t, CONTACT, 'candidate')).toEqual([102]);
    expect(t.sandbox.state.findByEmail(CONTACT, 'contact')).toMatchObject({ first_name: 'Casey', jobs: [] });
    expect(createsOf(t.sandbox, CONTACT)).toBe(1);
  });

  it('"Link to the Contact without the job", in bulk: each is linked, shown as a Contact with no job', async () => {
    t = await syncBackend({ csv });
    const one = await t.call('sequences:create', { name: 'Frontend', jobId: 102 });
    const two = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    for (const seq of [one, two]) await t.call('sequences:add', { sequenceId: seq.id, emails: [CONTACT] });
    await t.call('sync:run', {});
    const ids = [(await enrollmentOf(t, CONTACT, one.id)).id, (await enrollmentOf(t, CONTACT, two.id)).id];
    expect(await t.call('enrollments:resolve', { ids, action: 'link' })).toEqual({ resolved: 2, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 2, jobsAssigned: 0 });
    const casey = t.sandbox.state.findByEmail(CONTACT, 'contact')!;
    for (const seq of [one, two]) {
      expect(await enrollmentOf(t, CONTACT, seq.id)).toMatchObject({
        state: 'synced',
        syncAs: 'contact',
        jobId: null,
        recruiterflowId: casey.id,
      });
    }
    expect(casey.jobs).toEqual([]);
    expect(createsOf(t.sandbox, CONTACT)).toBe(0);
  });
});

describe('a Contact enrollment whose email Recruiterflow has only as a Candidate', () => {
  it('is flagged "as a Candidate"; linked to it, the candidate is not put on the sequence\'s job', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'existing@acme.example', first_name: 'Erin' }]) });
    const seq = await t.call('sequences:create', { name: 'Clients', syncAs: 'contact', jobId: 105 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example'] });
    await t.call('sync:run', {});
    const flagged = await enrollmentOf(t, 'existing@acme.example', seq.id);
    expect(flagged).toMatchObject({
      state: 'flagged',
      error: 'Exists in Recruiterflow as a Candidate',
      matches: [{ type: 'candidate', name: 'Erin Existing' }],
    });
    await t.call('enrollments:resolve', { ids: [flagged.id], action: 'link' });
    expect(await t.call('sync:run', {})).toMatchObject({ linked: 1, jobsAssigned: 0 });
    expect(await enrollmentOf(t, 'existing@acme.example', seq.id)).toMatchObject({ state: 'synced', syncAs: 'candidate', jobId: null });
    expect(jobsOf(t, 'existing@acme.example', 'candidate')).toEqual([101]);
  });
});

describe('every duplicate flag shows the matched record, and its actions work', () => {
  it('a second address of another record: the flag names the record, all its emails and the one that matched', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Design' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [SECOND] });
    const jo = t.sandbox.state.findByEmail(SECOND)!;
    expect(await enrollmentOf(t, SECOND, seq.id)).toMatchObject({
      state: 'flagged',
      errorCode: 'exists_in_recruiterflow',
      matches: [{ type: 'candidate', id: jo.id, name: 'Jo Ann Twomail', emails: ['joann@x.example', SECOND], matchedEmail: SECOND }],
    });
  });

  it('"Create a new record" is refused where Recruiterflow allows one record of the type; "Link to this record" links it', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Design' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [SECOND] });
    const jo = t.sandbox.state.findByEmail(SECOND)!;
    const { id } = await enrollmentOf(t, SECOND, seq.id);
    const refused = await t.call('enrollments:resolve', { ids: [id], action: 'create' });
    expect(refused.resolved).toBe(0);
    expect(refused.refused[0]?.reason).toMatch(/already has a Candidate with this email/);
    expect((await t.call('enrollments:resolve', { ids: [id], action: 'link', rfId: 999999 })).refused[0]?.reason).toMatch(
      /not a record that matched/,
    );
    expect(await t.call('errors:resolve', { email: SECOND, action: 'link', rfId: jo.id })).toEqual({ resolved: 1, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect(await enrollmentOf(t, SECOND, seq.id)).toMatchObject({ state: 'synced', recruiterflowId: jo.id });
  });

  it('"Don\'t sync" leaves it not synced with that reason, and Resync says so rather than queuing it', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { dedup: true });
    const seq = await t.call('sequences:create', { name: 'Design' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [SECOND] });
    const { id } = await enrollmentOf(t, SECOND, seq.id);
    expect(await t.call('enrollments:resolve', { ids: [id], action: 'skip' })).toEqual({ resolved: 1, refused: [] });
    expect(await enrollmentOf(t, SECOND, seq.id)).toMatchObject({
      state: 'not_synced',
      error: 'You chose not to sync this contact',
      errorCode: 'skipped',
    });
    expect(await t.call('enrollments:resync', { sequenceId: seq.id })).toMatchObject({
      queued: 0,
      message: '0 contacts queued: you chose not to sync 1',
    });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail(SECOND)?.jobs).toEqual([]);
  });
});
