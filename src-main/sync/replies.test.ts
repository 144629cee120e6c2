// Rule 8: a recorded reply triggers the contact's on-reply enrollments.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { createsOf, enrollmentOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

const ANA = 'person0@example.test';
const BEN = 'person1@example.test';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function threeSequences(t: SyncTest) {
  const warm = await t.call('sequences:create', { name: 'Warm intro', syncMode: 'on-reply', jobId: 101 });
  const followUp = await t.call('sequences:create', { name: 'Follow-up', syncMode: 'on-reply', jobId: 102 });
  const cold = await t.call('sequences:create', { name: 'Cold', syncMode: 'on-add' });
  for (const seq of [warm, followUp, cold]) await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA, BEN] });
  return { warm, followUp, cold };
}

describe('rule 8: replies', () => {
  it("a reply with no sequence named triggers every on-reply enrollment of that contact, and only that contact's", async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const { warm, followUp, cold } = await threeSequences(t);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2 });
    expect((await enrollmentOf(t, ANA, warm.id)).state).toBe('awaiting_reply');

    expect(await t.call('replies:record', { email: ANA })).toEqual({ recorded: 3 });
    expect((await enrollmentOf(t, ANA, warm.id)).state).toBe('queued');
    expect((await enrollmentOf(t, ANA, followUp.id)).state).toBe('queued');
    expect((await enrollmentOf(t, ANA, cold.id)).state).toBe('synced');
    expect((await enrollmentOf(t, BEN, warm.id)).state).toBe('awaiting_reply');

    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 2, jobsAssigned: 2 });
    expect(createsOf(t.sandbox, ANA)).toBe(1);
    expect(t.sandbox.state.findByEmail(ANA)?.jobs.map((j) => j.job_id)).toEqual([101, 102]);
    expect((await enrollmentOf(t, ANA, warm.id)).repliedAt).not.toBeNull();
  });

  it('a reply in one named sequence triggers only that enrollment', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const { warm, followUp } = await threeSequences(t);
    expect(await t.call('replies:record', { email: BEN, sequenceId: followUp.id })).toEqual({ recorded: 1 });
    expect((await enrollmentOf(t, BEN, followUp.id)).state).toBe('queued');
    expect((await enrollmentOf(t, BEN, warm.id)).state).toBe('awaiting_reply');
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail(BEN)?.jobs.map((j) => j.job_id)).toEqual([102]);
  });

  it('a second reply does not queue anything again, and a reply to an unknown contact is refused', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const { warm } = await threeSequences(t);
    await t.call('replies:record', { email: ANA, sequenceId: warm.id });
    await t.call('sync:run', {});
    await t.call('replies:record', { email: ANA, sequenceId: warm.id });
    expect((await enrollmentOf(t, ANA, warm.id)).state).toBe('synced');
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0 });
    expect((await t.fails('replies:record', { email: 'stranger@example.test' })).code).toBe('unknown_contact');
  });

  it('a reply recorded while not connected only stamps the reply; resync then queues it', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Warm', syncMode: 'on-reply' });
    await t.call('connection:disconnect', {});
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('replies:record', { email: ANA });
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('not_synced');
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
  });
});
