// Manual holds and review holds are two states: "Approve all" sends what waits for review and never what
// the recruiter held on purpose; Release lets a manual hold go and does not approve a review item.
// Turning Disable Sync on can cancel what the sequence has queued.
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueState } from '../../src-shared/domain';
import { contactsCsv } from '../testing/fixtures';
import { people, statesOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function emailsIn(t: SyncTest, state: QueueState): Promise<string[]> {
  return (await t.call('queue:list', { states: [state], limit: 1000 })).rows.map((r) => r.email).sort();
}

describe('holds', () => {
  it('"Approve all" sends the items waiting for review, never the ones held on purpose', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Reviewed' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    expect(await emailsIn(t, 'review')).toEqual(people(3));
    const [kept] = (await t.call('queue:list', { states: ['review'], limit: 1 })).rows;
    // Held on purpose: it leaves the review list and bulk approval cannot reach it.
    expect(await t.call('queue:hold', { ids: [kept!.id] })).toEqual({ changed: 1 });
    expect(await emailsIn(t, 'held')).toEqual([kept!.email]);
    expect((await t.call('sync:status', {})).queue).toMatchObject({ review: 2, held: 1 });

    expect(await t.call('queue:approve', { all: true })).toEqual({ changed: 2 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, pending: 1 });
    expect(t.sandbox.state.findByEmail(kept!.email)).toBeUndefined();
    expect(await emailsIn(t, 'held')).toEqual([kept!.email]);
  });

  it('Approve and Release are not two names for one action', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Two kinds' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    const [review, manual] = (await t.call('queue:list', { states: ['review'], limit: 10 })).rows;
    await t.call('queue:hold', { ids: [manual!.id] });

    // Release does not approve a review item; Approve does not release a manual hold.
    expect(await t.call('queue:release', { ids: [review!.id] })).toEqual({ changed: 0 });
    expect(await t.call('queue:approve', { ids: [manual!.id] })).toEqual({ changed: 0 });
    expect(await t.call('queue:release', { all: true })).toEqual({ changed: 1 });
    expect(await emailsIn(t, 'pending')).toEqual([manual!.email]);
    expect(await emailsIn(t, 'review')).toEqual([review!.email]);
  });

  it('turning Disable Sync on can cancel the queued items of that sequence, and only of that one', async () => {
    t = await syncBackend({ csv: contactsCsv(4) });
    await t.call('settings:set', { reviewBeforeSync: true });
    const stop = await t.call('sequences:create', { name: 'Stop me' });
    const other = await t.call('sequences:create', { name: 'Keep going' });
    await t.call('sequences:add', { sequenceId: stop.id, emails: people(3) });
    await t.call('sequences:add', { sequenceId: other.id, emails: people(1, 3) });
    const [one] = (await t.call('queue:list', { states: ['review'], limit: 1 })).rows;
    await t.call('queue:hold', { ids: [one!.id] });

    // Without asking for it, queued items stay queued.
    const plain = await t.call('sequences:update', { id: stop.id, disableSync: true });
    expect(plain).toMatchObject({ disableSync: true, cancelled: 0 });
    expect((await t.call('sync:status', {})).queue).toMatchObject({ review: 3, held: 1 });

    const updated = await t.call('sequences:update', { id: stop.id, disableSync: true, cancelQueued: true });
    expect(updated.cancelled).toBe(3);
    expect(await statesOf(t, people(3), stop.id)).toEqual(['sync_disabled', 'sync_disabled', 'sync_disabled']);
    expect(await emailsIn(t, 'review')).toEqual(people(1, 3));
    expect((await t.fails('sequences:update', { id: other.id, cancelQueued: true })).field).toBe('cancelQueued');
  });
});
