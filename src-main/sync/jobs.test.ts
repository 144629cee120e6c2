// Rule 5: jobs. The account's default job, a sequence's own job, one record on several jobs, and
// Recruiterflow contacts never put on a job.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { FAST_BACKOFF, createsOf, enrollmentOf, people, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const jobsOf = (t: SyncTest, email: string) =>
  t.sandbox.state
    .findByEmail(email)
    ?.jobs.map((j) => j.job_id)
    .sort();

describe('rule 5: jobs', () => {
  it("candidates land on the account's default job, unless their sequence names its own", async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    await t.call('settings:set', { defaultJobId: 101 });
    const inherits = await t.call('sequences:create', { name: 'Inherits' });
    const own = await t.call('sequences:create', { name: 'Own job', jobId: 105 });
    const none = await t.call('sequences:create', { name: 'Account default cleared' });
    await t.call('sequences:add', { sequenceId: inherits.id, emails: ['person0@example.test'] });
    await t.call('sequences:add', { sequenceId: own.id, emails: ['person1@example.test'] });
    await t.call('settings:set', { defaultJobId: null });
    await t.call('sequences:add', { sequenceId: none.id, emails: ['person2@example.test'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 3, jobsAssigned: 2 });
    expect(jobsOf(t, 'person0@example.test')).toEqual([101]);
    expect(jobsOf(t, 'person1@example.test')).toEqual([105]);
    expect(jobsOf(t, 'person2@example.test')).toEqual([]);
    // Candidates land in the first stage of the job's pipeline.
    expect(t.sandbox.state.findByEmail('person0@example.test')?.jobs[0]?.stage_name).toBe('Sourced');
  });

  it('one contact in two sequences with different jobs is ONE Recruiterflow record on both jobs', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const backend = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    const platform = await t.call('sequences:create', { name: 'Platform', jobId: 106 });
    await t.call('sequences:add', { sequenceId: backend.id, emails: people(2) });
    await t.call('sequences:add', { sequenceId: platform.id, emails: people(2) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, linked: 2, jobsAssigned: 4 });
    for (const email of people(2)) {
      expect(createsOf(t.sandbox, email)).toBe(1);
      expect(jobsOf(t, email)).toEqual([101, 106]);
      const a = await enrollmentOf(t, email, backend.id);
      const b = await enrollmentOf(t, email, platform.id);
      expect(a.recruiterflowId).toBe(b.recruiterflowId);
      expect([a.jobId, b.jobId]).toEqual([101, 106]);
    }
  });

  it('joining a second sequence later adds the job to the record already synced', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const first = await t.call('sequences:create', { name: 'First', jobId: 102 });
    await t.call('sequences:add', { sequenceId: first.id, emails: people(1) });
    await t.call('sync:run', {});
    const second = await t.call('sequences:create', { name: 'Second', jobId: 108 });
    await t.call('sequences:add', { sequenceId: second.id, emails: people(1) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1, jobsAssigned: 1 });
    expect(jobsOf(t, 'person0@example.test')).toEqual([102, 108]);
    expect(createsOf(t.sandbox, 'person0@example.test')).toBe(1);
  });

  it('contacts (the Recruiterflow object) are not assigned to jobs, even from a sequence with a job', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Clients', syncAs: 'contact', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, jobsAssigned: 0 });
    expect(requestsTo(t.sandbox, 'candidate/add-to-job')).toBe(0);
    for (const email of people(2)) expect(t.sandbox.state.findByEmail(email)).toMatchObject({ type: 'contact', jobs: [] });
  });

  it('a job assignment that failed is retried alone: the record is not created again', async () => {
    t = await syncBackend({ csv: contactsCsv(1), engine: { backoff: FAST_BACKOFF } });
    const seq = await t.call('sequences:create', { name: 'Flaky job', jobId: 110 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add-to-job', status: 502, times: 1 }] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, jobsAssigned: 0, retrying: 1, pending: 0 });
    expect((await enrollmentOf(t, 'person0@example.test', seq.id)).state).toBe('retrying');
    expect(await t.call('sync:run', { wait: 5 })).toMatchObject({ created: 1, jobsAssigned: 1, retrying: 0 });
    expect(createsOf(t.sandbox, 'person0@example.test')).toBe(1);
    expect(jobsOf(t, 'person0@example.test')).toEqual([110]);
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(1);
  });

  it('a job Recruiterflow does not know fails that enrollment with its message; the others sync', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const gone = await t.call('sequences:create', { name: 'Deleted job', jobId: 999 });
    const fine = await t.call('sequences:create', { name: 'Fine', jobId: 101 });
    await t.call('sequences:add', { sequenceId: gone.id, emails: ['person0@example.test'] });
    await t.call('sequences:add', { sequenceId: fine.id, emails: ['person1@example.test'] });
    expect(await t.call('sync:run', {})).toMatchObject({ failed: 1, jobsAssigned: 1 });
    const failed = await enrollmentOf(t, 'person0@example.test', gone.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/Invalid job id/);
    expect((await enrollmentOf(t, 'person1@example.test', fine.id)).state).toBe('synced');
  });
});
