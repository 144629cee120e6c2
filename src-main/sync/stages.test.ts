// Issue 14: record owners and pipeline stages, as a recruiter would describe them. A real SQLite file and
// the sandbox Recruiterflow over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { recordIncoming } from '../mailbox/record';
import { contactsCsv } from '../testing/fixtures';
import { enrollmentOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

const ANA = 'person0@example.test';
const BEN = 'person1@example.test';
const RILEY = 40202; // riley.recruiter@acme-recruiting.example in the sandbox
const ALEX = 40201;

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function stageOf(t: SyncTest, email: string, jobId: number): string | undefined {
  return t.sandbox.state.findByEmail(email, 'candidate')?.jobs.find((j) => j.job_id === jobId)?.stage_name;
}

function movesOf(t: SyncTest, email: string): string[] {
  const id = t.sandbox.state.findByEmail(email, 'candidate')?.id;
  return t.sandbox.state.stageMoves.filter((m) => m.id === id).map((m) => m.stageName);
}

describe('owners', () => {
  it("a new candidate is owned by the recruiter's Recruiterflow user, matched by email", async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('users:updateMe', { name: 'Riley', email: 'riley.recruiter@acme-recruiting.example' });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail(ANA)?.fields.lead_owner_id).toBe(RILEY);
  });

  it('a pairing chosen by hand wins over the email match, and applies to contacts added after it', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    await t.call('users:updateMe', { name: 'Riley', email: 'riley.recruiter@acme-recruiting.example' });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101, syncMode: 'on-reply' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    const pairing = await t.call('owners:set', { email: 'riley.recruiter@acme-recruiting.example', rfUserId: ALEX });
    expect(pairing).toMatchObject({ rfUserId: ALEX, rfUserName: 'Alex Admin', how: 'chosen' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [BEN] });
    await t.call('replies:record', { email: ANA });
    await t.call('replies:record', { email: BEN });
    await t.call('sync:run', {});
    expect(t.sandbox.state.findByEmail(ANA)?.fields.lead_owner_id).toBe(RILEY);
    expect(t.sandbox.state.findByEmail(BEN)?.fields.lead_owner_id).toBe(ALEX);
  });

  it('a Recruiterflow user who is not in the account, or a client login, cannot be chosen as owner', async () => {
    t = await syncBackend();
    const me = (await t.call('users:list', {}))[0]!.email;
    expect((await t.fails('owners:set', { email: me, rfUserId: 99999 })).code).toBe('not_found');
    expect((await t.fails('owners:set', { email: me, rfUserId: 40203 })).code).toBe('not_found');
    expect((await t.call('owners:list', {})).users[0]).toMatchObject({ how: 'none', rfUserId: null });
  });

  it('cloning settings does not copy the owner pairing', async () => {
    t = await syncBackend();
    await t.call('users:updateMe', { name: 'Riley', email: 'riley.recruiter@acme-recruiting.example' });
    await t.call('users:add', { email: 'sam@agency.example', name: 'Sam', role: 'member', integration: 'recruiterflow' });
    await t.call('owners:set', { email: 'riley.recruiter@acme-recruiting.example', rfUserId: ALEX });
    expect(await t.call('settings:clone', { to: ['sam@agency.example'] })).toMatchObject({ cloned: ['sam@agency.example'] });
    const sam = (await t.call('owners:list', {})).users.find((u) => u.email === 'sam@agency.example');
    expect(sam).toMatchObject({ how: 'none', rfUserId: null });
  });

  it('a contact (Recruiterflow contact) is created without lead_owner_id, which contact/add does not take', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('users:updateMe', { name: 'Riley', email: 'riley.recruiter@acme-recruiting.example' });
    const seq = await t.call('sequences:create', { name: 'Clients', syncAs: 'contact' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
    expect(t.sandbox.state.findByEmail(ANA, 'contact')?.fields.lead_owner_id).toBeUndefined();
  });
});

describe('pipeline stages', () => {
  it('without a stage chosen, a candidate lands in the first stage and no move is sent (as before)', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Sourced');
    expect(t.sandbox.state.stageMoves).toEqual([]);
  });

  it("a sequence's stage puts new candidates in that stage: add-to-job, then move-to-stage", async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    expect(await t.call('stages:setSequence', { id: seq.id, stage: 'phone screen' })).toMatchObject({ stage: 'Phone Screen', jobId: 101 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Phone Screen');
    expect(movesOf(t, ANA)).toEqual(['Phone Screen']);
  });

  it('the stage is captured when the contact is added: changing it later changes nothing for them', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101, syncMode: 'on-reply' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('stages:setSequence', { id: seq.id, stage: 'Interview' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [BEN] });
    await t.call('replies:record', { email: ANA });
    await t.call('replies:record', { email: BEN });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Sourced');
    expect(stageOf(t, BEN, 101)).toBe('Interview');
  });

  it('a sequence without a job uses the default job and the default stage', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('settings:set', { defaultJobId: 102 });
    expect(await t.call('stages:setDefault', { stage: 'Applied' })).toMatchObject({ defaultStage: 'Applied', jobId: 102 });
    const seq = await t.call('sequences:create', { name: 'Frontend' });
    expect(await t.call('stages:get', { sequenceId: seq.id })).toMatchObject({ jobId: 102, effectiveStage: 'Applied' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 102)).toBe('Applied');
  });

  it('a stage the job does not have is refused with the stages it has, and nothing changes', async () => {
    t = await syncBackend();
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    const refused = await t.fails('stages:setSequence', { id: seq.id, stage: 'Lunch' });
    expect(refused.message).toContain('Sourced, Applied, Phone Screen');
    expect(await t.call('stages:get', { sequenceId: seq.id })).toMatchObject({ stage: null, replyStage: null });
  });

  it('a default stage another job does not have moves nothing there: the candidate is synced in the first stage, and the log says why', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    t.sandbox.state.job(103)!.stages[2]!.name = 'Portfolio Review'; // job 103's pipeline has no "Phone Screen"
    await t.call('settings:set', { defaultJobId: 101 });
    await t.call('stages:setDefault', { stage: 'Phone Screen' });
    const seq = await t.call('sequences:create', { name: 'Designers', jobId: 103 });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, failed: 0 });
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('synced');
    expect(stageOf(t, ANA, 103)).toBe('Sourced');
    const said = t.backend.ctx.sqlite.prepare("select message from sync_log where event = 'sync.stage_missing'").pluck().all();
    expect(said).toEqual([expect.stringContaining('Job #103 has no stage "Phone Screen"')]);
  });

  it('a candidate is never moved back to an earlier stage', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const first = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('stages:setSequence', { id: first.id, stage: 'Offer' });
    await t.call('sequences:add', { sequenceId: first.id, emails: [ANA] });
    await t.call('sync:run', {});
    const second = await t.call('sequences:create', { name: 'Backend again', jobId: 101 });
    await t.call('stages:setSequence', { id: second.id, stage: 'Applied', replyStage: 'Phone Screen' });
    await t.call('sequences:add', { sequenceId: second.id, emails: [ANA] });
    await t.call('sync:run', {});
    await t.call('replies:record', { email: ANA, sequenceId: second.id });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Offer');
    expect(movesOf(t, ANA)).toEqual(['Offer']);
    expect((await enrollmentOf(t, ANA, second.id)).state).toBe('synced');
  });
});

describe('reply stage', () => {
  it('a contact who replies moves to the reply stage once, even if the reply is recorded twice', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('stages:setSequence', { id: seq.id, replyStage: 'Phone Screen' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Sourced');

    await t.call('replies:record', { email: ANA });
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('queued');
    await t.call('replies:record', { email: ANA });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Phone Screen');
    await t.call('replies:record', { email: ANA });
    await t.call('sync:run', {});
    expect(movesOf(t, ANA)).toEqual(['Phone Screen']);
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('synced');
  });

  it('a reply read from the mailbox moves the candidate the same way, and the same message read again moves nothing', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('stages:setSequence', { id: seq.id, replyStage: 'Interview' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    const ctx = t.backend.ctx;
    const contactId = ctx.sqlite.prepare('select id from contacts where email = ?').pluck().get(ANA) as number;
    const message = {
      contactId,
      key: '<reply-1@mail.example>',
      kind: 'reply' as const,
      from: ANA,
      at: ctx.clock.now() + 1_000,
      subject: 'Re: the role',
      snippet: 'Sounds interesting',
      returnAt: null,
    };
    expect(ctx.sqlite.transaction(() => recordIncoming(ctx, message))()).toEqual({ outcome: 'recorded', queued: 1 });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Interview');
    expect(ctx.sqlite.transaction(() => recordIncoming(ctx, message))()).toEqual({ outcome: 'duplicate', queued: 0 });
    expect(movesOf(t, ANA)).toEqual(['Interview']);
  });

  it('a reply recorded while disconnected moves the candidate once Recruiterflow is connected again', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('stages:setSequence', { id: seq.id, replyStage: 'Offer' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('sync:run', {});
    await t.call('connection:disconnect', {});
    await t.call('replies:record', { email: ANA });
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('synced');
    await t.call('connection:connect', { baseUrl: t.sandbox.url, apiKey: t.sandbox.apiKey });
    expect((await enrollmentOf(t, ANA, seq.id)).state).toBe('queued');
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Offer');
    expect(t.sandbox.state.createLog).toHaveLength(1);
  });

  it('in an on-reply sequence, the reply that syncs the candidate also puts them in the reply stage', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Warm', jobId: 101, syncMode: 'on-reply' });
    await t.call('stages:setSequence', { id: seq.id, stage: 'Applied', replyStage: 'Interview' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    await t.call('replies:record', { email: ANA });
    await t.call('sync:run', {});
    expect(stageOf(t, ANA, 101)).toBe('Interview');
    expect(movesOf(t, ANA)).toEqual(['Interview']);
  });

  it('the dry run shows the record read and the move, and the owner', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    await t.call('users:updateMe', { name: 'Riley', email: 'riley.recruiter@acme-recruiting.example' });
    const seq = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
    await t.call('stages:setSequence', { id: seq.id, stage: 'Applied', replyStage: 'Interview' });
    await t.call('sync:pause', {});
    await t.call('sequences:add', { sequenceId: seq.id, emails: [ANA] });
    const item = (await t.call('queue:list', { offset: 0, limit: 10 })).rows[0]!;
    const preview = await t.call('queue:preview', { id: item.id });
    const create = preview.requests.find((r) => r.path.endsWith('/candidate/add'));
    expect(create?.body).toMatchObject({ lead_owner_id: RILEY });
    expect(preview.requests.map((r) => r.path.split('?')[0])).toEqual([
      '/api/external/candidate/search',
      '/api/external/contact/search',
      '/api/external/candidate/add',
      '/api/external/candidate/add-to-job',
      '/api/external/candidate/get',
      '/api/external/candidate/move-to-stage',
    ]);
    expect(preview.requests.at(-1)?.body).toMatchObject({ job_id: 101, stage: { id: 10102 }, user_id: RILEY });
    expect(preview.summary).toContain('Moves to stage "Applied"');

    await t.call('sync:resume', {});
    await t.call('sync:run', {});
    await t.call('sync:pause', {});
    await t.call('replies:record', { email: ANA });
    const again = (await t.call('queue:list', { offset: 0, limit: 10 })).rows[0]!;
    const replyPreview = await t.call('queue:preview', { id: again.id });
    expect(replyPreview.summary).toContain('Moves to stage "Interview" (the contact replied)');
    expect(replyPreview.requests.some((r) => r.path.endsWith('/candidate/add'))).toBe(false);
    // Stages not known here: the job read the step will send is shown too.
    t.backend.ctx.sqlite.prepare('delete from rf_job_stages').run();
    const uncached = await t.call('queue:preview', { id: again.id });
    expect(uncached.requests.map((r) => r.path.split('?')[0])).toContain('/api/external/job');
  });
});
