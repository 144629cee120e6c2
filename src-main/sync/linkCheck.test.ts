// Records that change on Recruiterflow's side: a linked record deleted there marks its contact "Deleted in
// Recruiterflow" and Resync creates a new one; a record merged into another is followed to the survivor;
// the check only ever reads. Each under both answers a real server might give for a gone id.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { LinkChecker } from './linkCheck';
import type { Faults } from '../sandbox';
import { createsOf, csvOf, enrollmentOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

const ANN = 'ann@x.example';
const BEA = 'bea@x.example';
const csv = csvOf([
  { email: ANN, first_name: 'Ann', last_name: 'One' },
  { email: BEA, first_name: 'Bea', last_name: 'Two' },
]);

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function synced(faults: Faults): Promise<{ t: SyncTest; seq: string; ann: number; bea: number }> {
  const made = await syncBackend({ csv });
  t = made;
  const seq = await made.call('sequences:create', { name: 'Platform', jobId: 101 });
  await made.call('sequences:add', { sequenceId: seq.id, emails: [ANN, BEA] });
  expect(await made.call('sync:run', {})).toMatchObject({ created: 2 });
  made.sandbox.setFaults(faults);
  const ann = made.sandbox.state.findByEmail(ANN, 'candidate')!.id;
  const bea = made.sandbox.state.findByEmail(BEA, 'candidate')!.id;
  return { t: made, seq: seq.id, ann, bea };
}

/** Requests that would change Recruiterflow (anything but a read). */
function writes(t: SyncTest): number {
  const by = t.sandbox.stats().byPath;
  return Object.entries(by)
    .filter(([path]) => !/\/(search|get|list)$/.test(path))
    .reduce((n, [, c]) => n + c, 0);
}

const GONE_ANSWERS: [string, Faults][] = [
  ['a gone id answers 404', {}],
  ['a gone id answers 200 with the survivor or nothing', { goneGet: 'survivor' }],
];

describe.each(GONE_ANSWERS)('links verify (%s)', (_name, faults) => {
  it('a record deleted in Recruiterflow marks the contact "Deleted in Recruiterflow"; Resync creates a new record', async () => {
    const { t, seq, ann } = await synced(faults);
    t.sandbox.deleteRecord(ann);
    const before = writes(t);
    const report = await t.call('links:verify', {});
    expect(report).toMatchObject({ checked: 2, present: 1, relinked: [], deleted: [{ email: ANN, type: 'candidate', id: ann }] });
    expect(writes(t)).toBe(before);
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({
      state: 'not_synced',
      errorCode: 'deleted_in_recruiterflow',
      error: expect.stringContaining('Deleted in Recruiterflow') as unknown,
      recruiterflowId: null,
    });
    expect(await enrollmentOf(t, BEA, seq)).toMatchObject({ state: 'synced' });
    // A second check finds nothing more to do.
    expect(await t.call('links:verify', {})).toMatchObject({ checked: 1, deleted: [] });

    expect(await t.call('enrollments:resync', { email: ANN })).toMatchObject({ queued: 1 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1, jobsAssigned: 1 });
    const again = t.sandbox.state.findByEmail(ANN, 'candidate')!;
    expect(again.id).not.toBe(ann);
    expect(again.jobs.map((j) => j.job_id)).toEqual([101]);
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({ state: 'synced', recruiterflowId: again.id });
    expect(createsOf(t.sandbox, ANN)).toBe(2);
  });

  it('a record merged into another is relinked to the survivor, and the log says so', async () => {
    const { t, seq, ann, bea } = await synced(faults);
    t.sandbox.mergeRecord(ann, bea);
    const before = writes(t);
    expect(await t.call('links:verify', {})).toMatchObject({
      checked: 2,
      present: 1,
      relinked: [{ email: ANN, type: 'candidate', from: ann, to: bea }],
      deleted: [],
    });
    expect(writes(t)).toBe(before);
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({ state: 'synced', recruiterflowId: bea });
    const log = await t.call('log:list', { offset: 0, limit: 20 });
    expect(JSON.stringify(log)).toContain(`${ANN} is linked to #${bea} now`);
    // Synced again later: the link is the survivor's, nothing is created.
    const seq2 = await t.call('sequences:create', { name: 'Later', jobId: 102 });
    await t.call('sequences:add', { sequenceId: seq2.id, emails: [ANN] });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect(await enrollmentOf(t, ANN, seq2.id)).toMatchObject({ recruiterflowId: bea });
  });
});

describe('links verify', () => {
  it('shows the jobs and stages a record gained in Recruiterflow, read-only, in the contact drawer', async () => {
    const { t, ann } = await synced({});
    // The recruiter moves Ann along and adds her to another job, in Recruiterflow.
    const rec = t.sandbox.state.prospects.get(ann)!;
    rec.jobs[0]!.stage_name = 'Phone Screen';
    rec.jobs.push({ job_id: 102, stage_id: 1, stage_name: 'Sourced', stage_moved: rec.jobs[0]!.stage_moved });
    expect(await t.call('links:records', { email: ANN })).toEqual({
      records: [{ type: 'candidate', id: ann, state: 'unchecked', jobs: [], checkedAt: null }],
    });
    const before = writes(t);
    await t.call('links:verify', {});
    expect(writes(t)).toBe(before);
    const { records } = await t.call('links:records', { email: ANN });
    expect(records[0]).toMatchObject({
      state: 'present',
      jobs: [
        { jobId: 101, stage: 'Phone Screen' },
        { jobId: 102, stage: 'Sourced' },
      ],
    });
  });

  it('a failed read marks nothing: a record is never called deleted because Recruiterflow did not answer', async () => {
    const { t, seq, ann } = await synced({});
    t.sandbox.deleteRecord(ann);
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/get', status: 503, times: 10 }] });
    expect(await t.fails('links:verify', {})).toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('nothing was changed') as unknown,
    });
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({ state: 'synced', recruiterflowId: ann });
  });

  it('reads in batches: 40 linked records cost a handful of requests, not one each', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ email: `p${i}@x.example`, first_name: 'P', last_name: String(i) }));
    const made = await syncBackend({ csv: csvOf(many) });
    t = made;
    const seq = await made.call('sequences:create', { name: 'Many' });
    await made.call('sequences:add', { sequenceId: seq.id, emails: many.map((m) => m.email) });
    await made.call('sync:run', {});
    const report = await made.call('links:verify', {});
    expect(report).toMatchObject({ checked: 40, present: 40 });
    expect(report.requests).toBeLessThanOrEqual(4);
  });
});

describe('links verify on the command line', () => {
  it('prints what it found as JSON', async () => {
    const { t, ann } = await synced({});
    t.sandbox.deleteRecord(ann);
    await t.backend.close();
    let stdout = '';
    const code = await runCli(['links', 'verify', '--json', '--data-dir', t.dataDir], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      env: {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ checked: 2, present: 1, relinked: [], deleted: [{ email: ANN, id: ann }] });
  });
});

describe('the periodic check', () => {
  it('runs when 6 hours have passed since the last one, and not before', async () => {
    const { t, seq, ann } = await synced({});
    const ctx = t.backend.ctx;
    let now = Date.now();
    const checker = new LinkChecker({ ...ctx, clock: { now: () => now } });
    await checker.tick(); // never checked: due at once
    t.sandbox.deleteRecord(ann);
    now += 5 * 60 * 60_000;
    const before = t.sandbox.stats().requests;
    await checker.tick();
    expect(t.sandbox.stats().requests).toBe(before);
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({ state: 'synced' });
    now += 60 * 60_000 + 1;
    await checker.tick();
    expect(await enrollmentOf(t, ANN, seq)).toMatchObject({ state: 'not_synced', errorCode: 'deleted_in_recruiterflow' });
    expect(writes(t)).toBe(4); // the first sync's two creates and two add-to-jobs: the checks wrote nothing
  });
});
