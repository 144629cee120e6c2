// What a recruiter expects of a contacts list: filter by state, delete (one, some, or "all N matching"),
// paste emails that are not contacts yet and choose to skip or create them, and sequence names that
// can be told apart.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import { people, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: TestBackend | SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('contacts list and delete', () => {
  it('filters by state and deletes every contact that matches, not only the loaded page', async () => {
    const s = await syncBackend({ csv: contactsCsv(130) });
    t = s;
    await s.call('settings:set', { reviewBeforeSync: true });
    const seq = await s.call('sequences:create', { name: 'Big' });
    await s.call('sequences:add', { sequenceId: seq.id, emails: people(120) });
    const queued = await s.call('contacts:list', { state: 'queued', limit: 50 });
    expect(queued.rows).toHaveLength(50);
    expect(queued.total).toBe(120);
    expect((await s.call('contacts:list', { state: 'none' })).total).toBe(10);
    expect((await s.call('contacts:list', { state: 'queued', search: 'person11' })).total).toBe(11); // person11, person110..119

    // "Select all 120 matching", then delete: every one goes, with its enrollment and queue item.
    expect(await s.call('contacts:delete', { matching: { state: 'queued' } })).toEqual({ deleted: 120, skipped: 0, unknown: [] });
    expect((await s.call('contacts:list', {})).total).toBe(10);
    expect((await s.call('sequences:list', {}))[0]).toMatchObject({ total: 0, counts: { queued: 0 } });
    expect((await s.call('sync:status', {})).queue).toMatchObject({ review: 0 });
    expect(await s.call('sync:run', {})).toMatchObject({ created: 0, pending: 0 });
  });

  it('deletes by email and by id, says which emails it did not know, and refuses a list of strangers', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: contactsCsv(3) });
    expect(await t.call('contacts:delete', { emails: ['PERSON0@example.test', 'ghost@example.test'] })).toEqual({
      deleted: 1,
      skipped: 0,
      unknown: ['ghost@example.test'],
    });
    expect((await t.fails('contacts:get', { email: 'person0@example.test' })).code).toBe('unknown_contact');
    expect((await t.fails('contacts:delete', { emails: ['ghost@example.test'] })).code).toBe('unknown_contact');
    const [first] = (await t.call('contacts:list', {})).rows;
    expect(await t.call('contacts:delete', { ids: [first!.id] })).toMatchObject({ deleted: 1 });
    expect((await t.call('contacts:list', {})).rows.map((r) => r.email)).toEqual(['person2@example.test']);
    expect((await t.fails('contacts:delete', { ids: [1], all: true })).code).toBe('invalid_input');
  });
});

describe('adding pasted emails that are not contacts', () => {
  it('lists the unknown ones, and skips or creates them on request instead of failing the whole add', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Pasted' });
    const emails = ['person0@example.test', 'new1@example.test', 'New2@Example.test'];
    expect(await t.call('contacts:missing', { emails })).toEqual({ missing: ['new1@example.test', 'new2@example.test'] });
    expect((await t.fails('sequences:add', { sequenceId: seq.id, emails })).code).toBe('unknown_contact');

    expect(await t.call('sequences:add', { sequenceId: seq.id, emails, unknown: 'skip' })).toMatchObject({
      added: 1,
      skipped: ['new1@example.test', 'new2@example.test'],
      created: 0,
    });
    expect(await t.call('sequences:add', { sequenceId: seq.id, emails, unknown: 'create' })).toMatchObject({
      added: 2,
      alreadyEnrolled: 1,
      created: 2,
    });
    expect((await t.call('contacts:get', { email: 'new2@example.test' })).enrollments.map((e) => e.sequenceId)).toEqual([seq.id]);
    const bad = await t.fails('sequences:add', { sequenceId: seq.id, emails: ['fay-at-example'], unknown: 'create' });
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'emails' });
  });
});

describe('sequence names', () => {
  it('refuses a name already used (any case), on create and rename, and suggests a free one', async () => {
    t = openTestBackend();
    const a = await t.call('sequences:create', { name: 'Backend engineers' });
    await t.call('sequences:create', { name: 'Backend engineers (2)' });
    const clash = await t.fails('sequences:create', { name: '  backend ENGINEERS ' });
    expect(clash).toMatchObject({ code: 'conflict', field: 'name' });
    expect(clash.message).toContain('"backend ENGINEERS (3)"');
    const b = await t.call('sequences:create', { name: 'Frontend' });
    expect((await t.fails('sequences:update', { id: b.id, name: 'Backend Engineers' })).field).toBe('name');
    // Renaming a sequence to its own name (or its own name in another case) is fine.
    expect((await t.call('sequences:update', { id: a.id, name: 'backend engineers' })).name).toBe('backend engineers');
    expect((await t.call('sequences:list', {})).map((s) => s.name)).toEqual(['backend engineers', 'Backend engineers (2)', 'Frontend']);
  });
});
