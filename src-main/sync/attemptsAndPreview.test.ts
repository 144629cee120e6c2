// Attempts count every attempt (a retry renews the budget, not the count); the request preview of an item
// already linked has no made-up step, counts what it will send, and names the job.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { enrollmentOf, people, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('attempts and the request preview', () => {
  it('keeps counting attempts across a retry, in the enrollment and in the queue list', async () => {
    t = await syncBackend({ csv: contactsCsv(1), engine: { backoff: { baseMs: 10, capMs: 40, maxAttempts: 2 } } });
    const seq = await t.call('sequences:create', { name: 'Flaky' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add', status: 500, times: 1_000 }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    await t.call('sync:run', { wait: 5 });
    const failed = await enrollmentOf(t, 'person0@example.test', seq.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    t.sandbox.setFaults({});
    await t.call('enrollments:retry', { ids: [failed.id] });
    expect((await t.call('queue:list', { limit: 10 })).rows[0]).toMatchObject({ attempts: 2 });
    // The last create's outcome is unknown (a 500): it is sent again once the settle window has passed.
    await t.call('sync:run', { wait: 5 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'synced', attempts: 3 });
    const finished = await t.call('queue:list', { states: ['done', 'failed'], limit: 10 });
    expect(finished.rows[0]).toMatchObject({ state: 'done', outcome: 'synced', attempts: 3 });
    expect(finished.rows[0]!.recruiterflowId).toEqual(expect.any(Number));
  });

  it('an item already linked plans only its job assignment, says so, and names the job with client and place', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('jobs:refresh', {});
    expect((await t.call('jobs:list', {})).find((j) => j.id === 102)).toMatchObject({
      name: 'Frontend Engineer',
      client: 'Acme Corp',
      location: 'Remote',
    });
    const first = await t.call('sequences:create', { name: 'First' });
    await t.call('sequences:add', { sequenceId: first.id, emails: people(1) });
    await t.call('sync:run', {});
    const linked = await enrollmentOf(t, 'person0@example.test', first.id);

    await t.call('settings:set', { reviewBeforeSync: true });
    const second = await t.call('sequences:create', { name: 'Second', jobId: 102 });
    await t.call('sequences:add', { sequenceId: second.id, emails: people(1) });
    const [item] = (await t.call('queue:list', { states: ['review'], limit: 1 })).rows;
    expect(item).toMatchObject({ jobId: 102, jobName: 'Frontend Engineer' });
    const preview = await t.call('queue:preview', { id: item!.id });
    expect(preview.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/external/candidate/add-to-job']);
    expect(preview.requests[0]!.note).toBe('Assign to job #102 Frontend Engineer (Acme Corp, Remote); it lands in Sourced');
    expect(preview.summary).toBe(
      `Already linked to Recruiterflow candidate #${linked.recruiterflowId}: nothing is looked up or created. 1 request.`,
    );

    // A contact-type sequence with a job plans no assignment and says why.
    const contacts = await t.call('sequences:create', { name: 'As contacts', syncAs: 'contact', jobId: 102 });
    await t.call('contacts:import', { csv: 'email\nclient@example.test\n' });
    await t.call('sequences:add', { sequenceId: contacts.id, emails: ['client@example.test'] });
    const [contactItem] = (await t.call('queue:list', { states: ['review'], limit: 10 })).rows.filter(
      (r) => r.email === 'client@example.test',
    );
    const contactPreview = await t.call('queue:preview', { id: contactItem!.id });
    expect(contactPreview.requests.map((r) => r.path)).toEqual([
      '/api/external/candidate/search',
      '/api/external/contact/search',
      '/api/external/contact/add',
    ]);
    expect(contactPreview.summary).toContain(
      'Not assigned to job #102 Frontend Engineer (Acme Corp, Remote): Recruiterflow contacts cannot be added to jobs.',
    );
    expect(contactPreview.summary).toContain('3 requests at most: 2 always');
  });
});
