import { afterEach, describe, expect, it } from 'vitest';
import { connectedBackend, contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';

/** enrollment_counts must always equal a fresh count of the enrollments. */
function countsAgree(t: TestBackend): void {
  const db = t.backend.ctx.sqlite;
  const kept = db.prepare('select sequence_id, state, n from enrollment_counts where n != 0 order by 1, 2').all();
  const fresh = db.prepare('select sequence_id, state, count(*) as n from enrollments group by 1, 2 order by 1, 2').all();
  expect(kept).toEqual(fresh);
}

describe('the enrollment counts kept by triggers', () => {
  let t: TestBackend | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('follow adds, syncs, flags, clears, replies and removals', async () => {
    const c = await connectedBackend({ csv: contactsCsv(30) });
    t = c;
    const a = await c.call('sequences:create', { name: 'A' });
    const b = await c.call('sequences:create', { name: 'B', syncMode: 'on-reply' });
    const emails = Array.from({ length: 30 }, (_, i) => `person${i}@example.test`);
    await c.call('sequences:add', { sequenceId: a.id, emails: emails.slice(0, 20) });
    await c.call('sequences:add', { sequenceId: b.id, emails: emails.slice(10) });
    countsAgree(c);
    await c.call('sync:run', {});
    countsAgree(c);
    await c.call('replies:record', { email: 'person15@example.test' });
    const page = await c.call('sequences:enrollments', { sequenceId: a.id, limit: 5 });
    await c.call('enrollments:remove', { ids: page.rows.map((r) => r.id) });
    countsAgree(c);
    const list = await c.call('sequences:list', {});
    expect(list.find((s) => s.id === a.id)?.total).toBe(15);
    expect((await c.call('sync:status', {})).states.synced).toBe(15);
  });

  it('keep enrollment names in step with renamed contacts, for sorting', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email,first_name,last_name\nz@x.co,Zoe,Young\na@x.co,Adam,Ant' });
    const seq = await t.call('sequences:create', { name: 'S' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['z@x.co', 'a@x.co'] });
    const byName = async () => (await t!.call('sequences:enrollments', { sequenceId: seq.id, sort: 'name' })).rows.map((r) => r.name);
    expect(await byName()).toEqual(['Adam Ant', 'Zoe Young']);
    await t.call('contacts:import', { csv: 'email,first_name\nz@x.co,Aaron' });
    expect(await byName()).toEqual(['Aaron Young', 'Adam Ant']);
    expect((await t.call('sequences:enrollments', { sequenceId: seq.id, search: 'aaron' })).total).toBe(1);
  });
});
