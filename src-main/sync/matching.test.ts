// Matching as Recruiterflow matches: a contact whose LinkedIn URL or phone is already on a Recruiterflow
// record (under another email) is never created a second time; it waits as "Possible match in
// Recruiterflow" with that record, and the recruiter links to it, creates a new record, or skips it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Faults, Sandbox } from '../sandbox';
import { createsOf, csvOf, enrollmentOf, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';
import { runCli } from '../cli/run';

const JANE = 'jane@new.example';
const ERIN_PHONE_CONTACT = 'erin.private@home.example'; // Erin Existing's phone (+1 555 0100), another email
const FRESH = 'fresh@example.test';

const csv = csvOf([
  // The record has https://www.LinkedIn.com/in/Jane-Doe/ : the same profile, written differently.
  { email: JANE, first_name: 'Jane', last_name: 'Doe', linkedin_url: 'http://linkedin.com/in/jane-doe?trk=public_profile', phone: '' },
  { email: ERIN_PHONE_CONTACT, first_name: 'Erin', last_name: 'Existing', linkedin_url: '', phone: '1-555-0100' },
  // The loose search finds jane-doe under "jane-doe-2" too (substring): it is another profile.
  { email: FRESH, first_name: 'Fresh', last_name: 'Person', linkedin_url: 'linkedin.com/in/jane-do', phone: '555 0199' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function rfAdd(sandbox: Sandbox, type: 'candidate' | 'contact', body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${sandbox.url}/api/external/${type}/add`, {
    method: 'POST',
    headers: { 'RF-Api-Key': sandbox.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data: { id: number } };
  return json.data.id;
}

/** A backend with Jane Doe already in Recruiterflow under her old email, and a sequence of the three contacts. */
async function setUp(): Promise<{ t: SyncTest; seq: string; janeId: number; erinId: number }> {
  const made = await syncBackend({ csv });
  t = made;
  const janeId = await rfAdd(made.sandbox, 'candidate', {
    name: 'Jane Doe',
    email: [{ email: 'jane@old.example', is_primary: 1 }],
    linkedin_profile: 'https://www.LinkedIn.com/in/Jane-Doe/',
  });
  const seq = await made.call('sequences:create', { name: 'Platform', jobId: 101 });
  await made.call('sequences:add', { sequenceId: seq.id, emails: [JANE, ERIN_PHONE_CONTACT, FRESH] });
  const erinId = made.sandbox.state.findByEmail('existing@acme.example', 'candidate')!.id;
  return { t: made, seq: seq.id, janeId, erinId };
}

describe('a contact whose LinkedIn URL or phone is already on a Recruiterflow record', () => {
  it('is not created twice (LinkedIn URL written differently), and is flagged with that record', async () => {
    const { t, seq, janeId } = await setUp();
    await t.call('sync:run', {});
    expect(createsOf(t.sandbox, JANE)).toBe(0);
    expect(await enrollmentOf(t, JANE, seq)).toMatchObject({
      state: 'flagged',
      error: 'Possible match in Recruiterflow',
      errorCode: 'possible_match',
      recruiterflowId: null,
      matches: [
        {
          type: 'candidate',
          id: janeId,
          name: 'Jane Doe',
          emails: ['jane@old.example'],
          matchedOn: 'linkedin',
          matchedValue: 'http://linkedin.com/in/jane-doe?trk=public_profile',
        },
      ],
    });
    const exported = await t.call('errors:export', { format: 'csv' });
    expect(exported.content).toContain(
      `candidate #${janeId} Jane Doe <jane@old.example> matched on linkedin http://linkedin.com/in/jane-doe?trk=public_profile`,
    );
  });

  it('is matched by the digits of its phone, however it is written', async () => {
    const { t, seq, erinId } = await setUp();
    await t.call('sync:run', {});
    expect(createsOf(t.sandbox, ERIN_PHONE_CONTACT)).toBe(0);
    expect(await enrollmentOf(t, ERIN_PHONE_CONTACT, seq)).toMatchObject({
      state: 'flagged',
      errorCode: 'possible_match',
      matches: [{ id: erinId, name: 'Erin Existing', emails: ['existing@acme.example'], matchedOn: 'phone', matchedValue: '1-555-0100' }],
    });
  });

  it('a URL or phone the loose search only resembles is no match: that contact is created', async () => {
    const { t, seq } = await setUp();
    await t.call('sync:run', {});
    expect(await enrollmentOf(t, FRESH, seq)).toMatchObject({ state: 'synced' });
    expect(createsOf(t.sandbox, FRESH)).toBe(1);
  });

  it('"Link to this record" links it to the matched record, on the job, with nothing created', async () => {
    const { t, seq, janeId } = await setUp();
    await t.call('sync:run', {});
    const jane = await enrollmentOf(t, JANE, seq);
    expect(await t.call('enrollments:resolve', { ids: [jane.id], action: 'link', rfId: janeId })).toEqual({ resolved: 1, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1, jobsAssigned: 1 });
    expect(await enrollmentOf(t, JANE, seq)).toMatchObject({ state: 'synced', recruiterflowId: janeId });
    expect(t.sandbox.state.prospects.get(janeId)!.jobs.map((j) => j.job_id)).toEqual([101]);
    expect(createsOf(t.sandbox, JANE)).toBe(0);
  });

  it('"Create a new record", in bulk: each gets its own record; the phone stays with the record that has it', async () => {
    const { t, seq, erinId } = await setUp();
    await t.call('sync:run', {});
    const ids = [(await enrollmentOf(t, JANE, seq)).id, (await enrollmentOf(t, ERIN_PHONE_CONTACT, seq)).id];
    expect(await t.call('enrollments:resolve', { ids, action: 'create' })).toEqual({ resolved: 2, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 0 });
    expect(createsOf(t.sandbox, JANE)).toBe(1);
    expect(createsOf(t.sandbox, ERIN_PHONE_CONTACT)).toBe(1);
    // Recruiterflow allows one profile per phone: the new one is made without it, Erin keeps hers.
    expect(t.sandbox.state.findByEmail(ERIN_PHONE_CONTACT, 'candidate')!.phone_number).toEqual([]);
    expect(t.sandbox.state.prospects.get(erinId)!.phone_number).toHaveLength(1);
    expect(await enrollmentOf(t, JANE, seq)).toMatchObject({ state: 'synced' });
  });

  it('the lookups are batched: one search per key and record type for the whole batch', async () => {
    const { t } = await setUp();
    await t.call('sync:run', {});
    // Candidates: LinkedIn URL and phone, one search each (the two that matched by email first are left out).
    expect(requestsTo(t.sandbox, 'candidate/search')).toBeLessThanOrEqual(4);
    // Jane's record (added by the test) and Fresh's: nobody else.
    expect(requestsTo(t.sandbox, 'candidate/add')).toBe(2);
  });
});

describe('the dry run', () => {
  it('shows the LinkedIn URL and phone lookups a contact adds before its create, and sends nothing', async () => {
    t = await syncBackend({ csv });
    await t.call('settings:set', { reviewBeforeSync: true });
    const seq = await t.call('sequences:create', { name: 'Preview' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [FRESH] });
    const item = (await t.call('queue:list', { offset: 0, limit: 10 })).rows[0]!;
    const before = t.sandbox.stats().requests;
    const preview = await t.call('queue:preview', { id: item.id });
    expect(t.sandbox.stats().requests).toBe(before);
    const searches = preview.requests.filter((r) => r.path.endsWith('/candidate/search')).map((r) => r.body);
    expect(searches).toEqual([
      expect.objectContaining({ filters: [{ key: 'email', conjunction: 'in', values: [FRESH] }] }),
      expect.objectContaining({ filters: [{ key: 'linkedin_profile', conjunction: 'in', values: ['linkedin.com/in/jane-do'] }] }),
      expect.objectContaining({ filters: [{ key: 'phone_number', conjunction: 'in', values: ['555 0199', '5550199'] }] }),
    ]);
    expect(preview.summary).toBe(
      '5 requests at most: 2 always, the LinkedIn and phone lookups only when no lookup finds the email, the create only when no lookup finds the person.',
    );
  });
});

describe('errors resolve on the command line', () => {
  async function cli(dataDir: string, ...argv: string[]) {
    let stdout = '';
    const code = await runCli([...argv, '--data-dir', dataDir, '--json'], { stdout: (s) => (stdout += s), stderr: () => {}, env: {} });
    return { code, json: stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : null };
  }

  it('--skip leaves a possible match unsynced; --link links it; --create makes a new record', async () => {
    const { t, seq, janeId, erinId } = await setUp();
    await t.call('sync:run', {});
    const dir = t.dataDir;
    // The CLI opens the same data folder: close the test's backend first so one process holds it at a time.
    await t.backend.close();
    expect((await cli(dir, 'errors', 'resolve', '--email', FRESH, '--skip')).code).not.toBe(0); // not flagged
    expect((await cli(dir, 'errors', 'resolve', '--email', ERIN_PHONE_CONTACT, '--skip')).json).toEqual({ resolved: 1, refused: [] });
    expect((await cli(dir, 'errors', 'resolve', '--email', JANE, '--link', String(erinId))).json).toMatchObject({
      resolved: 0,
      refused: [{ reason: expect.stringContaining(`#${erinId} is not a record that matched`) as unknown }],
    });
    expect((await cli(dir, 'errors', 'resolve', '--email', JANE, '--link', String(janeId))).json).toEqual({ resolved: 1, refused: [] });
    const shown = (await cli(dir, 'contacts', 'show', '--email', ERIN_PHONE_CONTACT)).json as {
      enrollments: { state: string; errorCode: string }[];
    };
    expect(shown.enrollments[0]).toMatchObject({ state: 'not_synced', errorCode: 'skipped' });
    expect((await cli(dir, 'errors', 'resolve', '--email', JANE, '--skip', '--create')).code).not.toBe(0);
    void seq;
  });
});

describe.each([
  ['an `in` filter that matches only its first value', { inFilterFirstValueOnly: true }],
  ['a phone search that matches only as written', { phoneSearchAsWritten: true }],
] as [string, Faults][])('against %s', (_name, faults) => {
  it('the LinkedIn URL and the phone (written as the record has it) still find their records; nothing is created', async () => {
    const rows = csvOf([
      { email: JANE, first_name: 'Jane', last_name: 'Doe', linkedin_url: 'linkedin.com/in/jane-doe', phone: '' },
      { email: ERIN_PHONE_CONTACT, first_name: 'Erin', last_name: 'E', linkedin_url: '', phone: '+1 555 0100' },
      { email: FRESH, first_name: 'Fresh', last_name: 'P', linkedin_url: 'linkedin.com/in/fresh', phone: '+1 555 0199' },
    ]);
    t = await syncBackend({ csv: rows });
    await rfAdd(t.sandbox, 'candidate', {
      name: 'Jane Doe',
      email: [{ email: 'jane@old.example', is_primary: 1 }],
      linkedin_profile: 'https://www.linkedin.com/in/jane-doe/',
    });
    t.sandbox.setFaults(faults);
    const seq = await t.call('sequences:create', { name: 'Strict' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [JANE, ERIN_PHONE_CONTACT, FRESH] });
    await t.call('sync:run', {});
    expect(await enrollmentOf(t, JANE, seq.id)).toMatchObject({ state: 'flagged', matches: [{ matchedOn: 'linkedin' }] });
    expect(await enrollmentOf(t, ERIN_PHONE_CONTACT, seq.id)).toMatchObject({ state: 'flagged', matches: [{ matchedOn: 'phone' }] });
    expect(await enrollmentOf(t, FRESH, seq.id)).toMatchObject({ state: 'synced' });
    expect(createsOf(t.sandbox, JANE) + createsOf(t.sandbox, ERIN_PHONE_CONTACT)).toBe(0);
  });
});
