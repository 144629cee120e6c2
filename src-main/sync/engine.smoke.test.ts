import { afterEach, describe, expect, it } from 'vitest';
import { connectedBackend, contactsCsv } from '../testing/fixtures';

describe('sync engine (smoke)', () => {
  let t: Awaited<ReturnType<typeof connectedBackend>> | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('syncs contacts added to an on-add sequence once, as candidates assigned to the sequence job', async () => {
    t = await connectedBackend({ csv: contactsCsv(5) });
    const job = t.sandbox.state.jobs.find((j) => j.is_open)!;
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: job.id });
    const emails = Array.from({ length: 5 }, (_, i) => `person${i}@example.test`);
    await t.call('sequences:add', { sequenceId: seq.id, emails });
    const counts = await t.call('sync:run', {});
    expect(counts).toMatchObject({ created: 5, linked: 0, jobsAssigned: 5, failed: 0, pending: 0 });
    expect(t.sandbox.state.createLog).toHaveLength(5);
    for (const email of emails) expect(t.sandbox.state.findByEmail(email)?.jobs.map((j) => j.job_id)).toEqual([job.id]);
    const again = await t.call('sync:run', {});
    expect(again.created).toBe(0);
  });
});
