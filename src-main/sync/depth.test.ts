// Issue 14's features together, as a recruiter would describe them: a possible match linked by hand, a
// record deleted in Recruiterflow and sent again, a reply on a contact whose data also changed, and a
// change of Recruiterflow account. A real SQLite file and the sandbox Recruiterflow over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { createsOf, csvOf, enrollmentOf, requestsTo, syncBackend, type SyncTest } from '../testing/syncFixtures';

const JANE = 'jane@new.example';
const ANN = 'ann@x.example';
const RILEY_EMAIL = 'riley.recruiter@acme-recruiting.example';
const RILEY = 40202; // Riley's Recruiterflow user in the sandbox
const JOB = 101;

let t: SyncTest | null = null;
let other: Sandbox | null = null;
afterEach(async () => {
  await t?.close();
  await other?.stop();
  t = null;
  other = null;
});

const csv = csvOf([
  { email: JANE, first_name: 'Jane', last_name: 'Doe', title: 'Staff Designer', linkedin_url: 'linkedin.com/in/jane-doe', phone: '' },
  { email: ANN, first_name: 'Ann', last_name: 'One', title: 'Engineer', linkedin_url: '', phone: '' },
]);

/** Jane Doe as Recruiterflow already has her: another email, the same LinkedIn profile, no title, no job. */
async function janeInRecruiterflow(sandbox: Sandbox): Promise<number> {
  const res = await fetch(`${sandbox.url}/api/external/candidate/add`, {
    method: 'POST',
    headers: { 'RF-Api-Key': sandbox.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Jane Doe',
      email: [{ email: 'jane@old.example', is_primary: 1 }],
      linkedin_profile: 'https://www.linkedin.com/in/jane-doe/',
    }),
  });
  return ((await res.json()) as { data: { id: number } }).data.id;
}

function candidate(sandbox: Sandbox, email: string) {
  return sandbox.state.findByEmail(email, 'candidate');
}

function stageOn(sandbox: Sandbox, email: string, jobId: number): string | undefined {
  return candidate(sandbox, email)?.jobs.find((j) => j.job_id === jobId)?.stage_name;
}

async function eventsOf(t: SyncTest, email: string): Promise<string[]> {
  const log = await t.call('log:list', { offset: 0, limit: 200 });
  return log.rows
    .filter((r) => r.email === email)
    .map((r) => r.event)
    .reverse();
}

/** A sequence on job 101 whose candidates land in Phone Screen; titles written to existing records always. */
async function phoneScreenSequence(t: SyncTest, extra: { replyStage?: string } = {}) {
  await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
  const seq = await t.call('sequences:create', { name: 'Design', jobId: JOB });
  await t.call('stages:setSequence', { id: seq.id, stage: 'Phone Screen', ...extra });
  return seq;
}

describe('issue 14 features together', () => {
  it('a possible match linked by the recruiter gets the update its write rules allow and its stage, each once', async () => {
    t = await syncBackend({ csv });
    const janeId = await janeInRecruiterflow(t.sandbox);
    const seq = await phoneScreenSequence(t);
    await t.call('sequences:add', { sequenceId: seq.id, emails: [JANE] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0, updated: 0, moved: 0 });
    expect(await enrollmentOf(t, JANE, seq.id)).toMatchObject({ state: 'flagged', errorCode: 'possible_match' });

    expect(await t.call('errors:resolve', { email: JANE, action: 'link', rfId: janeId })).toEqual({ resolved: 1, refused: [] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1, jobsAssigned: 1, updated: 1, moved: 1, failed: 0 });

    const jane = candidate(t.sandbox, 'jane@old.example')!;
    expect(jane.id).toBe(janeId);
    expect(jane.fields.title).toBe('Staff Designer');
    expect(stageOn(t.sandbox, 'jane@old.example', JOB)).toBe('Phone Screen');
    expect(createsOf(t.sandbox, JANE)).toBe(0);
    expect(await enrollmentOf(t, JANE, seq.id)).toMatchObject({ state: 'synced', recruiterflowId: janeId });
    const events = await eventsOf(t, JANE);
    expect(events.filter((e) => e === 'sync.updated')).toHaveLength(1);
    expect(events.filter((e) => e === 'sync.stage')).toHaveLength(1);

    // Nothing is left to do: a second run sends nothing.
    const before = t.sandbox.stats().requests;
    expect(await t.call('sync:run', {})).toMatchObject({ linked: 0, updated: 0, moved: 0 });
    expect(t.sandbox.stats().requests).toBe(before);
  });

  it('a record deleted in Recruiterflow and sent again is created with its owner and its stage', async () => {
    t = await syncBackend({ csv });
    await t.call('users:updateMe', { name: 'Riley', email: RILEY_EMAIL });
    const seq = await phoneScreenSequence(t);
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANN] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, moved: 1 });
    const first = candidate(t.sandbox, ANN)!.id;

    t.sandbox.deleteRecord(first);
    expect(await t.call('links:verify', {})).toMatchObject({ deleted: [{ email: ANN, id: first }] });
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({ errorCode: 'deleted_in_recruiterflow' });
    expect(await t.call('enrollments:resync', { email: ANN })).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, linked: 0, jobsAssigned: 1, moved: 1, failed: 0 });

    const again = candidate(t.sandbox, ANN)!;
    expect(again.id).not.toBe(first);
    expect(again.fields.lead_owner_id).toBe(RILEY);
    expect(stageOn(t.sandbox, ANN, JOB)).toBe('Phone Screen');
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({ state: 'synced', recruiterflowId: again.id, errorCode: null });
  });

  it('a reply on a contact whose data also changed sends the update and the move in one item, each once', async () => {
    t = await syncBackend({ csv });
    const seq = await phoneScreenSequence(t, { replyStage: 'Interview' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANN] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, moved: 1 });
    const movesBefore = requestsTo(t.sandbox, 'candidate/move-to-stage');

    await t.call('contacts:update', { email: ANN, fields: { title: 'Principal Engineer' } });
    await t.call('replies:record', { email: ANN });
    await t.call('replies:record', { email: ANN });
    const live = (await t.call('queue:list', {})).rows.filter((r) => r.email === ANN && r.state === 'pending');
    expect(live).toHaveLength(1);
    // The dry run of that one item shows both: the update with the new title, and the move.
    const preview = await t.call('queue:preview', { id: live[0]!.id });
    const writes = preview.requests.filter((r) => r.method === 'POST').map((r) => r.path.replace('/api/external/', ''));
    expect(writes).toEqual(['candidate/update', 'candidate/move-to-stage']);
    expect(preview.requests.find((r) => r.path.endsWith('/update'))?.body).toMatchObject({ title: 'Principal Engineer' });

    // A follow-up of a synced contact: counted for what it did, not as a second link.
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0, updated: 1, moved: 1, failed: 0 });
    expect(candidate(t.sandbox, ANN)!.fields.title).toBe('Principal Engineer');
    expect(stageOn(t.sandbox, ANN, JOB)).toBe('Interview');
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
    expect(requestsTo(t.sandbox, 'candidate/move-to-stage')).toBe(movesBefore + 1);
    const events = await eventsOf(t, ANN);
    expect(events.filter((e) => e === 'sync.updated')).toHaveLength(1);
    expect(events.filter((e) => e === 'sync.linked')).toHaveLength(0);
    expect(events.filter((e) => e === 'sync.created')).toHaveLength(1);
    expect(events.at(-1)).toBe('sync.followed_up');
    // The Queue screen's finished rows say the same: the first item synced the contact, the second followed it up.
    const finished = (await t.call('queue:list', { states: ['done'] })).rows.filter((r) => r.email === ANN);
    expect(finished.map((r) => [r.outcome, r.followUp])).toEqual([
      ['followed_up', 'updated_moved'],
      ['synced', null],
    ]);

    expect(await t.call('sync:run', {})).toMatchObject({ updated: 0, moved: 0 });
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(1);
  });

  it('after a change of account, possible-match and deleted flags speak of the account connected now', async () => {
    t = await syncBackend({ csv });
    const janeId = await janeInRecruiterflow(t.sandbox);
    const seq = await t.call('sequences:create', { name: 'Design', jobId: JOB });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [JANE, ANN] });
    await t.call('sync:run', {});
    const ann = candidate(t.sandbox, ANN)!.id;
    t.sandbox.deleteRecord(ann);
    await t.call('links:verify', {});
    expect(await enrollmentOf(t, JANE, seq.id)).toMatchObject({ state: 'flagged', errorCode: 'possible_match' });
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({ errorCode: 'deleted_in_recruiterflow' });

    other = await startSandbox({ port: 0 });
    await t.call('connection:connect', { baseUrl: other.url, apiKey: other.apiKey, confirmSwitch: true });
    // Jane's match is a record of the old account: not offered as a link here.
    const jane = await enrollmentOf(t, JANE, seq.id);
    expect(jane.errorCode).not.toBe('possible_match');
    expect(jane.matches ?? []).toEqual([]);
    expect((await t.fails('errors:resolve', { email: JANE, action: 'link', rfId: janeId })).code).toBe('not_found');
    // Ann's record was deleted in the other account; in this one she was never synced.
    const annHere = await enrollmentOf(t, ANN, seq.id);
    expect(annHere.errorCode).not.toBe('deleted_in_recruiterflow');
    expect(annHere).toMatchObject({
      state: 'not_synced',
      recruiterflowId: null,
      error: expect.stringContaining('another Recruiterflow account'),
    });

    // Released in this account, Jane is checked here (no such profile: created); Ann is sent by Resync.
    await t.call('queue:approve', { all: true });
    expect(await t.call('enrollments:resync', { email: ANN })).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 2, failed: 0 });
    expect(createsOf(other, JANE)).toBe(1);
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({ state: 'synced', errorCode: null });

    // Back in the first account: Ann is synced in the other one, and her record here is still gone.
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey, confirmSwitch: true });
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({ state: 'not_synced', recruiterflowId: null, errorCode: 'other_account' });
  });

  it('a deleted mark set aside by a change of account is back, as it was, when that account is connected again', async () => {
    t = await syncBackend({ csv });
    const seq = await t.call('sequences:create', { name: 'Design', jobId: JOB });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANN] });
    await t.call('sync:run', {});
    const ann = candidate(t.sandbox, ANN)!.id;
    t.sandbox.deleteRecord(ann);
    await t.call('links:verify', {});
    const marked = await enrollmentOf(t, ANN, seq.id);
    expect(marked).toMatchObject({ state: 'not_synced', errorCode: 'deleted_in_recruiterflow' });

    other = await startSandbox({ port: 0 });
    await t.call('connection:connect', { baseUrl: other.url, apiKey: other.apiKey, confirmSwitch: true });
    expect((await enrollmentOf(t, ANN, seq.id)).errorCode).toBe('deleted_other_account');
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey, confirmSwitch: true });
    expect(await enrollmentOf(t, ANN, seq.id)).toMatchObject({
      state: 'not_synced',
      errorCode: 'deleted_in_recruiterflow',
      error: marked.error,
    });
  });
});
