// The sandbox's owners and move-to-stage, over real HTTP: strict enough that a wrong request fails.
import { describe, expect, it } from 'vitest';
import { sharedSandbox } from '../testing/sharedSandbox';
import { SANDBOX_API_KEY, type Sandbox } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sb.url}/api/external/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'RF-Api-Key': SANDBOX_API_KEY },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${sb.url}/api/external/${path}`, { headers: { 'RF-Api-Key': SANDBOX_API_KEY } });
  return res.json();
}

async function candidateOnJob(email: string, jobId = 101): Promise<number> {
  const made = await post('candidate/add', { name: 'Ana Lima', email: [{ email, is_primary: 1 }] });
  const id = (made.json.data as { id: number }).id;
  expect((await post('candidate/add-to-job', { id, job_id: jobId })).status).toBe(200);
  return id;
}

function jobLink(record: unknown, jobId: number): Record<string, unknown> | undefined {
  const rec = (Array.isArray(record) ? record[0] : record) as { jobs: Record<string, unknown>[] };
  return rec.jobs.find((j) => j.job_id === jobId);
}

describe('sandbox: move-to-stage', () => {
  it('moves a candidate on a job by stage id or by name (with the job), and the record shows the stage', async () => {
    const id = await candidateOnJob('ana@example.test');
    expect(await post('candidate/move-to-stage', { id, job_id: 101, stage: { id: 10104 }, user_id: 40202 })).toMatchObject({
      status: 200,
      json: { RESULT: 'SUCCESS' },
    });
    expect(jobLink(await get(`candidate/get?id=${id}`), 101)).toMatchObject({ stage_id: 10104, stage_name: 'Interview' });
    expect((await post('candidate/move-to-stage', { id, job_id: 101, stage: { name: 'Offer' } })).status).toBe(200);
    expect(jobLink(await get(`candidate/get?id=${id}`), 101)).toMatchObject({ stage_id: 10105, stage_name: 'Offer' });
    expect(sb.state.stageMoves.map((m) => m.stageName)).toEqual(['Interview', 'Offer']);
  });

  it('refuses an unknown candidate, job, stage or user, a stage by name without a job, and a candidate not on the job', async () => {
    const id = await candidateOnJob('ben@example.test');
    const refusals = [
      { id: 999999, job_id: 101, stage: { id: 10102 } },
      { id, job_id: 999, stage: { id: 10102 } },
      { id, job_id: 101, stage: { id: 10202 } },
      { id, job_id: 101, stage: { name: 'Lunch' } },
      { id, stage: { name: 'Interview' } },
      { id, job_id: 101, stage: {} },
      { id, job_id: 101, stage: { id: 10102 }, user_id: 5 },
      { id, job_id: 101, stage: { id: 10102 }, user_id: 40203 },
      { id, job_id: 102, stage: { id: 10202 } },
    ];
    for (const body of refusals) {
      const answer = await post('candidate/move-to-stage', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.RESULT).toBe('FAILURE');
    }
    expect(sb.state.stageMoves).toEqual([]);
    expect(jobLink(await get(`candidate/get?id=${id}`), 101)).toMatchObject({ stage_name: 'Sourced' });
  });

  it('with moveToStageAddsToJob, a move for a job the candidate is not on puts it on the job (the lenient guess)', async () => {
    const id = await candidateOnJob('cy@example.test');
    sb.setFaults({ moveToStageAddsToJob: true });
    expect((await post('candidate/move-to-stage', { id, job_id: 102, stage: { id: 10203 } })).status).toBe(200);
    expect(jobLink(await get(`candidate/get?id=${id}`), 102)).toMatchObject({ stage_name: 'Phone Screen' });
  });

  it('job detail lists stages with their rank', async () => {
    const job = (await get('job?job_id=101&include_stages=1')) as { stages: { id: number; name: string; rank: number }[] };
    expect(job.stages.slice(0, 3)).toEqual([
      { id: 10101, name: 'Sourced', rank: 1 },
      { id: 10102, name: 'Applied', rank: 2 },
      { id: 10103, name: 'Phone Screen', rank: 3 },
    ]);
  });
});

describe('sandbox: lead owner', () => {
  it('a record created with a lead_owner_id shows that user as its owner; an unknown user or a client login is refused', async () => {
    const made = await post('candidate/add', { name: 'Dee', email: [{ email: 'dee@example.test', is_primary: 1 }], lead_owner_id: 40202 });
    const id = (made.json.data as { id: number }).id;
    const rec = (await get(`candidate/get?id=${id}`)) as { lead_owner: { id: number; name: string } }[];
    expect(rec[0]!.lead_owner).toMatchObject({ id: 40202, name: 'Riley Recruiter' });
    for (const owner of [99, 40203, '40202']) {
      const refused = await post('candidate/add', {
        name: 'Eve',
        email: [{ email: 'eve@example.test', is_primary: 1 }],
        lead_owner_id: owner,
      });
      expect(refused.status, String(owner)).toBe(400);
    }
    expect(sb.state.findByEmail('eve@example.test')).toBeUndefined();
  });
});
