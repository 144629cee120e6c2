// Rule 6: the custom field mapping is versioned. An enrollment uses the mapping captured when it was
// added; a value Recruiterflow (or the cached field definitions) rejects fails only that enrollment.
import { afterEach, describe, expect, it } from 'vitest';
import { createsOf, csvOf, enrollmentOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

const SENIORITY = 201; // candidate single select: Junior, Mid, Senior
const SKILLS = 202; // candidate multi select
const CHANNEL = 302; // contact single select: Email, Phone, LinkedIn

const csv = csvOf([
  { email: 'ada@example.test', first_name: 'Ada', last_name: 'Early', seniority: 'Senior', skills: 'TypeScript; Go', channel: 'Email' },
  { email: 'bo@example.test', first_name: 'Bo', last_name: 'Later', seniority: 'Mid', skills: 'Rust', channel: 'Phone' },
  { email: 'cy@example.test', first_name: 'Cy', last_name: 'Blank', seniority: '', skills: '', channel: '' },
  { email: 'di@example.test', first_name: 'Di', last_name: 'Odd', seniority: 'Principal', skills: 'SQL', channel: 'Fax' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const custom = (t: SyncTest, email: string) => t.sandbox.state.findByEmail(email)?.custom_fields ?? [];

describe('rule 6: custom field mapping', () => {
  it('a contact keeps the mapping of the moment it was added; a later change applies only to contacts added afterwards', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Mapped', syncMode: 'on-reply' });
    const v1 = await t.call('mapping:set', { rules: [{ source: 'seniority', target: `custom:${SENIORITY}` }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ada@example.test'] });
    const v2 = await t.call('mapping:set', {
      rules: [
        { source: 'seniority', target: 'tags' },
        { source: 'skills', target: `custom:${SKILLS}` },
      ],
    });
    expect(v2.version).toBe(v1.version + 1);
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['bo@example.test'] });
    expect((await enrollmentOf(t, 'ada@example.test', seq.id)).mappingVersion).toBe(v1.version);
    expect((await enrollmentOf(t, 'bo@example.test', seq.id)).mappingVersion).toBe(v2.version);

    await t.call('replies:record', { email: 'ada@example.test' });
    await t.call('replies:record', { email: 'bo@example.test' });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 0 });
    expect(custom(t, 'ada@example.test')).toEqual([{ id: SENIORITY, value: 'Senior' }]);
    expect(t.sandbox.state.findByEmail('ada@example.test')?.fields.tags).toBeUndefined();
    expect(custom(t, 'bo@example.test')).toEqual([{ id: SKILLS, value: ['Rust'] }]);
    expect(t.sandbox.state.findByEmail('bo@example.test')?.fields.tags).toEqual(['Mid']);
    // The standard fields always go along with the custom rules.
    expect(t.sandbox.state.findByEmail('bo@example.test')).toMatchObject({ first_name: 'Bo', last_name: 'Later' });
  });

  it('a multi-select cell is split on ";" and a rule for a field the synced object lacks is ignored', async () => {
    t = await syncBackend({ csv });
    await t.call('mapping:set', {
      rules: [
        { source: 'skills', target: `custom:${SKILLS}` },
        { source: 'channel', target: `custom:${CHANNEL}` },
      ],
    });
    const candidates = await t.call('sequences:create', { name: 'Candidates' });
    const contacts = await t.call('sequences:create', { name: 'Contacts', syncAs: 'contact' });
    await t.call('sequences:add', { sequenceId: candidates.id, emails: ['ada@example.test'] });
    await t.call('sequences:add', { sequenceId: contacts.id, emails: ['bo@example.test'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 0 });
    expect(custom(t, 'ada@example.test')).toEqual([{ id: SKILLS, value: ['TypeScript', 'Go'] }]);
    expect(custom(t, 'bo@example.test')).toEqual([{ id: CHANNEL, value: 'Phone' }]);
  });

  it('a value the cached field definitions reject fails that contact before anything is sent, naming the field and value', async () => {
    t = await syncBackend({ csv });
    await t.call('jobs:refresh', {});
    await t.call('mapping:set', { rules: [{ source: 'seniority', target: `custom:${SENIORITY}` }] });
    const seq = await t.call('sequences:create', { name: 'Strict' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ada@example.test', 'cy@example.test', 'di@example.test'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 1, pending: 0 });
    const odd = await enrollmentOf(t, 'di@example.test', seq.id);
    expect(odd.state).toBe('failed');
    expect(odd.error).toContain('Seniority');
    expect(odd.error).toContain('Principal');
    expect(createsOf(t.sandbox, 'di@example.test')).toBe(0);
    expect((await enrollmentOf(t, 'cy@example.test', seq.id)).state).toBe('synced');
  });

  it('a value Recruiterflow itself rejects fails that contact with a message naming the field; every other contact syncs', async () => {
    t = await syncBackend({ csv });
    await t.call('mapping:set', { rules: [{ source: 'seniority', target: `custom:${SENIORITY}` }] });
    // Recruiterflow dropped the "Senior" choice after our cache was filled: only the server can say no.
    const field = t.sandbox.state.customFields.candidate.find((f) => f.id === SENIORITY)!;
    field.choices = field.choices!.filter((c) => c.name !== 'Senior');
    const seq = await t.call('sequences:create', { name: 'Server says no' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['ada@example.test', 'bo@example.test', 'cy@example.test'] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 1, retrying: 0 });
    const rejected = await enrollmentOf(t, 'ada@example.test', seq.id);
    expect(rejected.state).toBe('failed');
    expect(rejected.errorCode).toBe('invalid_data');
    expect(rejected.error).toMatch(/Seniority/);
    expect(rejected.error).toMatch(/Senior/);
    expect(custom(t, 'bo@example.test')).toEqual([{ id: SENIORITY, value: 'Mid' }]);
    expect((await enrollmentOf(t, 'cy@example.test', seq.id)).state).toBe('synced');
  });

  it("sources named like Object.prototype members are looked up on the contact's own columns only", async () => {
    // A CSV with columns named constructor and __proto__; toString, valueOf and hasOwnProperty are not columns.
    t = await syncBackend({ csv: 'email,first_name,constructor,__proto__\nproto@example.test,Pro,Builder,Hidden' });
    const seq = await t.call('sequences:create', { name: 'Proto', syncMode: 'on-reply' });
    await t.call('mapping:set', {
      rules: [
        { source: 'constructor', target: 'title' },
        { source: '__proto__', target: 'tags' },
        { source: 'toString', target: 'source' },
        { source: 'valueOf', target: 'organization' },
        { source: 'hasOwnProperty', target: 'skills' },
      ],
    });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['proto@example.test'] });
    const preview = await t.call('mapping:preview', { email: 'proto@example.test' });
    expect(preview.problems).toEqual([]);
    expect(preview.payload).toMatchObject({ title: 'Builder', tags: ['Hidden'] });
    expect(preview.payload).not.toHaveProperty('source');
    expect(preview.payload).not.toHaveProperty('organization');
    await t.call('replies:record', { email: 'proto@example.test' });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, failed: 0, retrying: 0 });
    const record = t.sandbox.state.findByEmail('proto@example.test')!;
    expect(record).toMatchObject({ first_name: 'Pro' });
    expect(record.fields).toMatchObject({ title: 'Builder', tags: ['Hidden'] });
    expect(record.fields.source).toBeUndefined();
  });
});
