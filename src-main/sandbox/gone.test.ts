// Records deleted or merged in Recruiterflow while Flowbridge runs, over real HTTP: the admin endpoints
// refuse what a recruiter could not do, and candidate/get answers a gone id either way the real API might.
import { describe, expect, it } from 'vitest';
import { sandboxApi, sharedSandbox } from '../testing/sharedSandbox';
import type { Sandbox } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

const api = (method: 'GET' | 'POST', path: string, body?: unknown) => sandboxApi(sb, method, path, body);

async function admin(path: string, body: unknown, token = sb.adminToken): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'X-Sandbox-Admin-Token': token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const phoneSearch = (values: string[]) =>
  api('POST', 'candidate/search', {
    filters: [{ key: 'phone_number', conjunction: 'in', values }],
    conjunction: 'match-all',
    current_page: 1,
    items_per_page: 10,
  });

const erin = () => sb.state.findByEmail('existing@acme.example', 'candidate')!.id;
const joann = () => sb.state.findByEmail('joann@x.example', 'candidate')!.id;
const casey = () => sb.state.findByEmail('existing.contact@acme.example', 'contact')!.id;

describe('deleting and merging records', () => {
  it('refuses a wrong request: no token, an unknown id, a merge into itself or across types', async () => {
    expect((await admin('delete', { id: erin() }, 'wrong')).status).toBe(401);
    expect((await admin('delete', { id: 999_999 })).status).toBe(404);
    expect((await admin('delete', { id: String(erin()) })).status).toBe(404);
    expect((await admin('merge', { id: erin(), into: erin() })).status).toBe(400);
    expect((await admin('merge', { id: casey(), into: erin() })).status).toBe(400);
    expect(sb.state.prospects.size).toBe(3);
  });

  it('a deleted record is gone from search and get (404 by default)', async () => {
    const id = erin();
    expect((await admin('delete', { id })).json).toEqual({ deleted: id });
    expect((await api('GET', `candidate/get?id=${id}`)).status).toBe(404);
    expect((await phoneSearch(['+1 555 0100'])).json).toEqual([]);
    sb.setFaults({ goneGet: 'survivor' });
    expect(await api('GET', `candidate/get?id=${id}`)).toEqual({ status: 200, json: [] });
  });

  it('a merged record: the survivor keeps both emails and phones; get answers 404, or the survivor under the switch', async () => {
    const [from, into] = [erin(), joann()];
    expect((await admin('merge', { id: from, into })).json).toEqual({ merged: from, into });
    expect(sb.state.findByEmail('existing@acme.example', 'candidate')!.id).toBe(into);
    expect(sb.state.prospects.get(into)!.phone_number.map((p) => p.phone_number)).toEqual(['+1 555 0100']);
    expect((await api('GET', `candidate/get?id=${from}`)).status).toBe(404);
    sb.setFaults({ goneGet: 'survivor' });
    const got = await api('GET', `candidate/get?id=${from}`);
    expect(got.status).toBe(200);
    expect((got.json as { id: number }[])[0]!.id).toBe(into);
  });

  it('a phone search finds a number by its digits, or only as written under phoneSearchAsWritten', async () => {
    expect((await phoneSearch(['15550100'])).json).toHaveLength(1);
    sb.setFaults({ phoneSearchAsWritten: true });
    expect((await phoneSearch(['15550100'])).json).toHaveLength(0);
    expect((await phoneSearch(['555 0100'])).json).toHaveLength(1);
  });
});
