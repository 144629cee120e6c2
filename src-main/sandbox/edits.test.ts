// The sandbox as a recruiter's Recruiterflow that changes under Flowbridge: records edited there (for
// the update tests), and writes that happen although their answer is lost.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from './index';

let sb: Sandbox | null = null;
afterEach(async () => {
  await sb?.stop();
  sb = null;
});

async function post(s: Sandbox, path: string, body: unknown, admin = false): Promise<Response> {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(admin ? { 'X-Sandbox-Admin-Token': s.adminToken } : { 'RF-Api-Key': SANDBOX_API_KEY }),
    },
    body: JSON.stringify(body),
  });
}

describe('records edited in Recruiterflow', () => {
  it('an edit changes the record as Recruiterflow would, is not counted as a request, and is checked like an update', async () => {
    sb = await startSandbox({ port: 0 });
    const erin = sb.state.findByEmail('existing@acme.example')!;
    sb.editRecord(erin.id, { title: '', custom_fields: [{ id: 201, value: 'Mid' }] });
    expect(erin.fields.title).toBe('');
    expect(erin.custom_fields).toEqual([{ id: 201, value: 'Mid' }]);
    expect(sb.stats().requests).toBe(0);
    expect(() => sb!.editRecord(erin.id, { custom_fields: [{ id: 201, value: 'Wizard' }] })).toThrow(/Seniority/);
    // Over HTTP, with the admin token only.
    expect((await post(sb, '/__sandbox/edit', { id: erin.id, fields: { title: 'Lead' } }, true)).status).toBe(200);
    expect(erin.fields.title).toBe('Lead');
    expect((await post(sb, '/__sandbox/edit', { id: 999_999, fields: { title: 'x' } }, true)).status).toBe(404);
    expect((await post(sb, '/__sandbox/edit', { id: erin.id, fields: { title: 'x' } })).status).toBe(401);
  });

  it('loseAnswerPaths carries out the write, then closes the connection without an answer', async () => {
    sb = await startSandbox({ port: 0 });
    const erin = sb.state.findByEmail('existing@acme.example')!;
    sb.setFaults({ loseAnswerPaths: [{ path: 'candidate/update', times: 1 }] });
    await expect(post(sb, '/api/external/candidate/update', { id: erin.id, title: 'Principal' })).rejects.toThrow();
    expect(erin.fields.title).toBe('Principal');
    const again = await post(sb, '/api/external/candidate/update', { id: erin.id, title: 'Staff' });
    expect(again.status).toBe(200);
    expect(sb.stats().statuses.dropped).toBe(1);
  });
});
