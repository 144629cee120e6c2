// A failed enrollment offers fixes that work: edit the contact then retry, retry with today's mapping
// (never-synced enrollments only, on the recruiter's action), and sync without the refused field.
import { afterEach, describe, expect, it } from 'vitest';
import { csvOf, enrollmentOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

const SENIORITY = 201; // candidate single select: Junior, Mid, Senior
const csv = csvOf([
  { email: 'di@example.test', first_name: 'Di', last_name: 'Odd', seniority: 'Principal' },
  { email: 'ed@example.test', first_name: 'Ed', last_name: 'Fine', seniority: 'Senior' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function failedOne(t: SyncTest) {
  await t.call('mapping:set', { rules: [{ source: 'seniority', target: `custom:${SENIORITY}` }] });
  const seq = await t.call('sequences:create', { name: 'Mapped' });
  await t.call('sequences:add', { sequenceId: seq.id, emails: ['di@example.test'] });
  expect(await t.call('sync:run', {})).toMatchObject({ failed: 1 });
  const failed = await enrollmentOf(t, 'di@example.test', seq.id);
  expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/Seniority/) });
  return { seq, failed };
}

const custom = (t: SyncTest, email: string) => t.sandbox.state.findByEmail(email)?.custom_fields ?? [];

describe('fixes for a failed enrollment', () => {
  it('edit the contact (name, title, an extra field), then retry: the corrected values are sent', async () => {
    t = await syncBackend({ csv });
    const { seq, failed } = await failedOne(t);
    const edited = await t.call('contacts:update', {
      email: 'di@example.test',
      fields: { first_name: 'Diana', title: 'Staff Engineer', phone: '+1 555 0199', linkedin_url: 'https://linkedin.com/in/di' },
      extra: { seniority: 'Senior' },
    });
    expect(edited.fields).toMatchObject({ first_name: 'Diana', title: 'Staff Engineer', seniority: 'Senior' });
    expect((await enrollmentOf(t, 'di@example.test', seq.id)).name).toBe('Diana Odd');
    expect(await t.call('enrollments:retry', { ids: [failed.id] })).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, failed: 0 });
    expect(t.sandbox.state.findByEmail('di@example.test')).toMatchObject({
      first_name: 'Diana',
      fields: expect.objectContaining({ title: 'Staff Engineer' }),
    });
    expect(custom(t, 'di@example.test')).toEqual([{ id: SENIORITY, value: 'Senior' }]);
  });

  it('bad edits are refused and change nothing', async () => {
    t = await syncBackend({ csv });
    expect((await t.fails('contacts:update', { email: 'di@example.test', fields: { email: 'x@y.z' } })).code).toBe('invalid_input');
    expect((await t.fails('contacts:update', { email: 'di@example.test', extra: { first_name: 'Sneaky' } })).code).toBe('invalid_input');
    expect((await t.fails('contacts:update', { email: 'nobody@example.test', fields: { title: 'x' } })).code).toBe('unknown_contact');
    expect((await t.call('contacts:get', { email: 'di@example.test' })).fields).toMatchObject({ first_name: 'Di', seniority: 'Principal' });
  });

  it("retry with today's mapping re-captures the mapping of a never-synced enrollment only", async () => {
    t = await syncBackend({ csv });
    const { seq, failed } = await failedOne(t);
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ed@example.test'] });
    await t.call('sync:run', {});
    const synced = await enrollmentOf(t, 'ed@example.test', seq.id);
    const today = await t.call('mapping:set', { rules: [{ source: 'seniority', target: 'tags' }] });
    // A plain retry keeps the captured mapping, and fails the same way.
    await t.call('enrollments:retry', { ids: [failed.id] });
    expect(await t.call('sync:run', {})).toMatchObject({ failed: 1 });
    expect(await t.call('enrollments:retry', { ids: [failed.id, synced.id], remap: true })).toEqual({
      queued: 1,
      remapped: 1,
      fieldsDropped: 0,
    });
    expect((await enrollmentOf(t, 'di@example.test', seq.id)).mappingVersion).toBe(today.version);
    expect((await enrollmentOf(t, 'ed@example.test', seq.id)).mappingVersion).toBe(synced.mappingVersion);
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, failed: 0 });
    expect(t.sandbox.state.findByEmail('di@example.test')?.fields.tags).toEqual(['Principal']);
  });

  it('sync without this field: the refused field is left out for that enrollment only, the rest is sent', async () => {
    t = await syncBackend({ csv });
    const { seq, failed } = await failedOne(t);
    expect(await t.call('enrollments:retry', { ids: [failed.id], withoutField: true })).toEqual({
      queued: 1,
      remapped: 0,
      fieldsDropped: 1,
    });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, failed: 0 });
    expect(t.sandbox.state.findByEmail('di@example.test')).toMatchObject({ first_name: 'Di' });
    expect(custom(t, 'di@example.test')).toEqual([]);
    // Another contact of the same sequence still sends the field.
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ed@example.test'] });
    await t.call('sync:run', {});
    expect(custom(t, 'ed@example.test')).toEqual([{ id: SENIORITY, value: 'Senior' }]);
  });

  it('a field Recruiterflow itself refuses is named, so it can be left out', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'cl@example.test', first_name: 'Cl', budget: '5000 USD' }]) });
    await t.call('mapping:set', { rules: [{ source: 'budget', target: 'custom:303' }] });
    const seq = await t.call('sequences:create', { name: 'Clients', syncAs: 'contact' });
    t.sandbox.setFaults({
      failPaths: [
        { path: 'contact/add', status: 422, times: 1, body: { message: 'Invalid value for custom field "Hiring Budget": "5000 USD"' } },
      ],
    });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['cl@example.test'] });
    await t.call('sync:run', {});
    const failed = await enrollmentOf(t, 'cl@example.test', seq.id);
    expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/Hiring Budget/) });
    expect(await t.call('enrollments:retry', { ids: [failed.id], withoutField: true })).toMatchObject({ fieldsDropped: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
    expect(custom(t, 'cl@example.test')).toEqual([]);
  });
});
