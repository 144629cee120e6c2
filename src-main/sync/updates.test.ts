// Updating records that already exist: each mapping rule's write rule (never, only if blank in
// Recruiterflow, always), the one update it sends after reading the record, the mapping version captured
// when the contact was added, the log of every field changed, and required fields.
import { afterEach, describe, expect, it } from 'vitest';
import { csvOf, enrollmentOf, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Seeded in the sandbox: Erin (title Staff Engineer, custom fields 201 Senior and 208 a summary) and Jo Ann (two emails). */
const ERIN = 'existing@acme.example';
const JOANN_WORK = 'jo.ann@work.example';

function record(t: SyncTest, email: string) {
  const p = t.sandbox.state.findByEmail(email);
  if (!p) throw new Error(`no record for ${email}`);
  return p;
}

async function addAndSync(t: SyncTest, emails: string[]) {
  const seq = await t.call('sequences:create', { name: `Seq ${Math.random()}` });
  await t.call('sequences:add', { sequenceId: seq.id, emails });
  const counts = await t.call('sync:run', {});
  return { seq, counts };
}

describe('updating records that already exist', () => {
  it("an existing candidate's blank title is filled, their set email is left alone", async () => {
    t = await syncBackend({ csv: csvOf([{ email: JOANN_WORK, first_name: 'Jo', title: 'Lead Designer' }]) });
    const joann = record(t, JOANN_WORK);
    t.sandbox.editRecord(joann.id, { title: '' });
    const emailsBefore = structuredClone(joann.email);
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'if_blank' }] });

    const { seq, counts } = await addAndSync(t, [JOANN_WORK]);

    expect(counts).toMatchObject({ linked: 1, created: 0, failed: 0 });
    expect(record(t, JOANN_WORK).fields.title).toBe('Lead Designer');
    // The primary email stays the one Recruiterflow had; the address we know them by stays second.
    expect(record(t, JOANN_WORK).email).toEqual(emailsBefore);
    expect(record(t, JOANN_WORK).first_name).toBe('Jo');
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
    expect((await enrollmentOf(t, JOANN_WORK, seq.id)).state).toBe('synced');
  });

  it('"only if blank" leaves a title Recruiterflow has alone, "always" overwrites it and logs old → new', async () => {
    t = await syncBackend({ csv: csvOf([{ email: ERIN, first_name: 'Erin', title: 'Principal Engineer' }]) });
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'if_blank' }] });
    await addAndSync(t, [ERIN]);
    expect(record(t, ERIN).fields.title).toBe('Staff Engineer');
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(0);

    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    await addAndSync(t, [ERIN]);
    expect(record(t, ERIN).fields.title).toBe('Principal Engineer');
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
    const log = await t.call('log:list', { offset: 0, limit: 50 });
    const updated = log.rows.find((r) => r.event === 'sync.updated');
    expect(updated?.changes).toEqual([{ field: 'title', label: 'Title', old: 'Staff Engineer', new: 'Principal Engineer' }]);
    expect(updated?.message).toContain('"Staff Engineer" → "Principal Engineer"');
  });

  it('with the default rules (never) a linked record is neither read nor updated', async () => {
    t = await syncBackend({ csv: csvOf([{ email: ERIN, first_name: 'Erin', title: 'Principal Engineer', company: 'Other Co' }]) });
    const { counts } = await addAndSync(t, [ERIN]);
    expect(counts).toMatchObject({ linked: 1 });
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(0);
    expect(requestsTo(t.sandbox, 'candidate/get')).toBe(0);
    expect(record(t, ERIN).fields.title).toBe('Staff Engineer');
  });

  it('a write rule saved after the contact was added does not apply to it', async () => {
    t = await syncBackend({ csv: csvOf([{ email: ERIN, first_name: 'Erin', title: 'Principal Engineer' }]) });
    const seq = await t.call('sequences:create', { name: 'Added before the rule' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ERIN] });
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    expect(await t.call('sync:run', {})).toMatchObject({ linked: 1 });
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(0);
    expect(record(t, ERIN).fields.title).toBe('Staff Engineer');
  });

  it("a custom field is written with the record's whole custom field list, so the others stay", async () => {
    t = await syncBackend({ csv: csvOf([{ email: ERIN, first_name: 'Erin', level: 'Mid' }]) });
    await t.call('mapping:set', { rules: [{ source: 'level', target: 'custom:201', write: 'always' }] });
    await addAndSync(t, [ERIN]);
    const fields = record(t, ERIN).custom_fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { id: 201, value: 'Mid' },
        { id: 208, value: 'Seeded candidate.' },
      ]),
    );
    expect(fields).toHaveLength(2);
  });

  it('the same holds when Recruiterflow reads custom fields back as display text beside a typed value', async () => {
    t = await syncBackend({ csv: csvOf([{ email: ERIN, first_name: 'Erin', level: 'Mid' }]) });
    const erin = record(t, ERIN);
    t.sandbox.editRecord(erin.id, {
      custom_fields: [
        { id: 201, value: 'Senior' },
        { id: 203, value: { number: 120000, currency: 'EUR' } },
      ],
    });
    t.sandbox.setFaults({ customFieldsReadAsText: true });
    await t.call('mapping:set', { rules: [{ source: 'level', target: 'custom:201', write: 'always' }] });
    const { counts } = await addAndSync(t, [ERIN]);
    expect(counts).toMatchObject({ linked: 1, failed: 0 });
    expect(record(t, ERIN).custom_fields).toEqual([
      { id: 201, value: 'Mid' },
      { id: 203, value: { number: 120000, currency: 'EUR' } },
    ]);
  });

  it('a synced contact edited in Flowbridge sends one update, logged with the old and new value', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'Engineer' }]) });
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    const { seq, counts } = await addAndSync(t, ['new.person@example.test']);
    expect(counts).toMatchObject({ created: 1 });
    // Created with what we had: nothing to read or update.
    expect(requestsTo(t.sandbox, 'candidate/get')).toBe(0);

    await t.call('contacts:update', { email: 'new.person@example.test', fields: { title: 'Engineering Manager' } });
    expect((await enrollmentOf(t, 'new.person@example.test', seq.id)).state).toBe('queued');
    const again = await t.call('sync:run', {});
    expect(again).toMatchObject({ created: 0, failed: 0 });
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
    expect(t.sandbox.state.createLog).toHaveLength(1);
    expect(record(t, 'new.person@example.test').fields.title).toBe('Engineering Manager');
    const log = await t.call('log:list', { offset: 0, limit: 50 });
    expect(log.rows.find((r) => r.event === 'sync.updated')?.changes).toEqual([
      { field: 'title', label: 'Title', old: 'Engineer', new: 'Engineering Manager' },
    ]);
    expect((await enrollmentOf(t, 'new.person@example.test', seq.id)).state).toBe('synced');
    // The contact drawer lists the same change, with the record it was made on.
    expect(await t.call('contacts:fieldChanges', { email: 'New.Person@example.test' })).toEqual([
      expect.objectContaining({ field: 'title', old: 'Engineer', new: 'Engineering Manager', rfType: 'candidate' }),
    ]);
  });

  it('a re-imported row that changes a synced contact queues its update; an unchanged row does not', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'Engineer' }]) });
    await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    const { seq } = await addAndSync(t, ['new.person@example.test']);
    await t.call('contacts:import', { csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'Engineer' }]) });
    expect((await enrollmentOf(t, 'new.person@example.test', seq.id)).state).toBe('synced');
    await t.call('contacts:import', { csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'CTO' }]) });
    expect((await enrollmentOf(t, 'new.person@example.test', seq.id)).state).toBe('queued');
    await t.call('sync:run', {});
    expect(record(t, 'new.person@example.test').fields.title).toBe('CTO');
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
  });

  it('an edited contact whose rules never write is not queued again (Resync stays untouched)', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'Engineer' }]) });
    const { seq } = await addAndSync(t, ['new.person@example.test']);
    await t.call('contacts:update', { email: 'new.person@example.test', fields: { title: 'Engineering Manager' } });
    expect((await enrollmentOf(t, 'new.person@example.test', seq.id)).state).toBe('synced');
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 0 });
  });

  it('Recruiterflow refusing the update (a phone another profile holds) fails the contact with its message', async () => {
    t = await syncBackend({ csv: csvOf([{ email: JOANN_WORK, first_name: 'Jo', phone: '+1 555 0100' }]) });
    await t.call('mapping:set', { rules: [{ source: 'phone', target: 'phone_number', write: 'always' }] });
    const { seq, counts } = await addAndSync(t, [JOANN_WORK]);
    expect(counts).toMatchObject({ failed: 1 });
    const e = await enrollmentOf(t, JOANN_WORK, seq.id);
    expect(e.state).toBe('failed');
    expect(e.error).toMatch(/Phone Number already exists/);
  });
});

describe('the dry run of an update', () => {
  it('shows the read and the update with the fields and values, for a linked contact and for one the lookup may find', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'new.person@example.test', first_name: 'Nia', title: 'Engineer', level: 'Mid' }]) });
    await t.call('mapping:set', {
      rules: [
        { source: 'title', target: 'title', write: 'always' },
        { source: 'level', target: 'custom:201', write: 'if_blank' },
      ],
    });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Dry run' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['new.person@example.test'] });
    let [item] = (await t.call('queue:list', { states: ['review'], limit: 1 })).rows;
    let preview = await t.call('queue:preview', { id: item!.id });
    const unlinked = preview.requests.filter((r) => /get\?|\/update$/.test(r.path));
    expect(unlinked.map((r) => `${r.method} ${r.path} ${String(r.conditional)}`)).toEqual([
      'GET /api/external/candidate/get?id=<found id> true',
      'POST /api/external/candidate/update true',
    ]);
    expect(unlinked[1]!.body).toEqual({ id: '<found id>', title: 'Engineer', custom_fields: [{ id: 201, value: 'Mid' }] });
    expect(unlinked[1]!.note).toContain('Title (always), Seniority (if blank there)');

    await t.call('queue:approve', { ids: [item!.id] });
    await t.call('sync:run', {});
    await t.call('contacts:update', { email: 'new.person@example.test', fields: { title: 'Manager' } });
    [item] = (await t.call('queue:list', { states: ['review'], limit: 1 })).rows;
    preview = await t.call('queue:preview', { id: item!.id });
    const id = record(t, 'new.person@example.test').id;
    expect(preview.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/external/candidate/get?id=${id}`,
      'POST /api/external/candidate/update',
    ]);
    expect(preview.requests[1]!.body).toMatchObject({ id, title: 'Manager' });
  });
});

describe('required fields', () => {
  it('a contact missing a required field fails before any request, with the field named', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'no.title@example.test', first_name: 'Noa', title: '' }]) });
    await t.call('mapping:setRequired', { fields: ['title'] });
    const seq = await t.call('sequences:create', { name: 'Needs titles' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['no.title@example.test'] });
    const before = t.sandbox.stats().requests;
    expect(await t.call('sync:run', {})).toMatchObject({ failed: 1, created: 0 });
    expect(t.sandbox.stats().requests).toBe(before);
    const e = await enrollmentOf(t, 'no.title@example.test', seq.id);
    expect(e).toMatchObject({ state: 'failed', errorCode: 'missing_required' });
    expect(e.error).toMatch(/requires Title/);

    // The fix: edit the contact, then retry.
    await t.call('contacts:update', { email: 'no.title@example.test', fields: { title: 'Engineer' } });
    await t.call('enrollments:retry', { ids: [e.id] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
    expect(t.sandbox.state.findByEmail('no.title@example.test')?.fields.title).toBe('Engineer');
  });

  it('a required custom field that no rule fills is named as unmapped', async () => {
    t = await syncBackend({ csv: csvOf([{ email: 'p@example.test', first_name: 'P' }]) });
    await t.call('mapping:setRequired', { fields: ['custom:205'] });
    const { seq } = await addAndSync(t, ['p@example.test']);
    const e = await enrollmentOf(t, 'p@example.test', seq.id);
    expect(e.error).toMatch(/Notice Period \(days\) \(no mapping rule fills it\)/);
    await expect(t.call('mapping:setRequired', { fields: ['salary'] })).rejects.toThrow(/Unknown Recruiterflow field salary/);
  });
});
