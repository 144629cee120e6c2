// The sandbox's own behaviour, over raw HTTP.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sharedSandbox } from '../testing/sharedSandbox';
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

/**
 * A parsed response body as the assertions read it: any property or element is another such value, and an
 * array's map/at work on it. The assertions (toEqual, toMatchObject) check the real shape.
 */
type Loose = { readonly [key: string]: Loose } & {
  readonly [index: number]: Loose;
  map<U>(fn: (item: never) => U): U[];
  at(index: number): Loose;
};
interface Answer {
  status: number;
  type: string;
  json: Loose;
  text: string;
  headers: Headers;
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  key: string | null = SANDBOX_API_KEY,
  base = sb.url,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
  if (key !== null) headers['RF-Api-Key'] = key;
  if (path.startsWith('/__sandbox/') && !('X-Sandbox-Admin-Token' in extra)) headers['X-Sandbox-Admin-Token'] = sb.adminToken;
  const res = await fetch(`${base}${path.startsWith('/') ? path : `/api/external/${path}`}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: json as Loose, text, headers: res.headers };
}

const search = (object: string, values: string[], extra: Record<string, unknown> = {}) =>
  call('POST', `${object}/search`, {
    filters: [{ key: 'email', conjunction: 'in', values }],
    conjunction: 'match-all',
    current_page: 1,
    items_per_page: 50,
    ...extra,
  });
const addCandidate = (body: Record<string, unknown>) => call('POST', 'candidate/add', { name: 'Someone', ...body });

describe('gate and routing', () => {
  it('asks for a key, rejects unknown keys', async () => {
    expect(await call('GET', 'user/list', undefined, null)).toMatchObject({ status: 400, json: { message: 'Please supply an API key' } });
    expect(await call('GET', 'user/list', undefined, 'nope')).toMatchObject({ status: 401, json: { message: 'Invalid API key' } });
  });

  it('answers unknown paths with an HTML 404 page, wrong methods with 405', async () => {
    const r = await call('GET', 'job/get?id=1');
    expect(r.status).toBe(404);
    expect(r.type).toContain('text/html');
    expect(r.json).toBeNull();
    expect((await call('GET', '/somewhere-else')).status).toBe(404);
    expect((await call('GET', 'candidate/add')).status).toBe(405);
  });

  it('rejects a body that is not a JSON object', async () => {
    const res = await fetch(`${sb.url}/api/external/candidate/add`, {
      method: 'POST',
      headers: { 'RF-Api-Key': SANDBOX_API_KEY },
      body: '{oops',
    });
    expect(res.status).toBe(400);
  });
});

describe('add and update', () => {
  it('candidates and contacts share one id sequence', async () => {
    const a = await addCandidate({ email: [{ email: 'a@x.example', is_primary: 1 }] });
    const b = await call('POST', 'contact/add', { first_name: 'B', email: [{ email: 'b@x.example', is_primary: 1 }] });
    expect(a.json).toEqual({ RESULT: 'SUCCESS', data: { id: 2004 } });
    expect(b.json).toEqual({ RESULT: 'SUCCESS', data: { id: 2005 } });
    expect(sb.stats().creates).toBe(2);
  });

  it('409 on an email or phone already on a prospect of the same type, case-insensitively; a contact profile of a candidate is allowed', async () => {
    expect(await addCandidate({ email: [{ email: 'EXISTING@acme.example', is_primary: 1 }] })).toMatchObject({
      status: 409,
      json: { message: 'A profile with this Email already exists' },
    });
    expect(await addCandidate({ phone_number: [{ phone_number: '+1 (555) 0100', type: 2 }] })).toMatchObject({
      status: 409,
      json: { message: 'A profile with this Phone Number already exists' },
    });
    // One person, two profiles (Recruiterflow's help center): a candidate with the email of a contact.
    expect((await addCandidate({ email: [{ email: 'existing.contact@acme.example', is_primary: 1 }] })).status).toBe(200);
  });

  it('validates the shape of emails, phones, names and added_time', async () => {
    expect((await addCandidate({ email: ['plain@x.example'] })).status).toBe(400);
    expect((await addCandidate({ phone_number: [{ phone_number: '1', type: 9 }] })).status).toBe(400);
    expect((await call('POST', 'candidate/add', { email: [{ email: 'n@x.example', is_primary: 1 }] })).json).toEqual({
      RESULT: 'FAILURE',
      message: 'Name is required',
    });
    expect((await addCandidate({ added_time: '2021-01-12T10:16:16.123Z' })).status).toBe(400);
    expect((await addCandidate({ added_time: '2021-01-12T10:16:16+0000' })).status).toBe(200);
  });

  it('update replaces only the keys sent; unknown id is a 400 FAILURE', async () => {
    expect(
      await call('POST', 'candidate/update', { id: 2001, tags: ['new'], email: [{ email: 'erin@acme.example', is_primary: 1 }] }),
    ).toMatchObject({
      status: 200,
      json: { RESULT: 'SUCCESS' },
    });
    const p = sb.state.prospects.get(2001);
    expect(p?.fields.tags).toEqual(['new']);
    expect(p?.fields.skills).toEqual(['Go']);
    expect(p?.email.map((e) => e.email)).toEqual(['erin@acme.example']);
    expect(sb.state.findByEmail('existing@acme.example')).toBeUndefined();
    expect((await addCandidate({ email: [{ email: 'existing@acme.example', is_primary: 1 }] })).status).toBe(200);
    expect(await call('POST', 'candidate/update', { id: 424242, title: 'x' })).toMatchObject({
      status: 400,
      json: { RESULT: 'FAILURE', message: 'Invalid candidate id' },
    });
    expect((await call('POST', 'contact/update', { id: 2001, title: 'x' })).status).toBe(400);
    // An email is unique per type: a second candidate cannot take it, but a contact profile of the same person can.
    expect((await call('POST', 'candidate/update', { id: 2003, email: [{ email: 'existing@acme.example', is_primary: 1 }] })).status).toBe(
      409,
    );
    expect(
      (await call('POST', 'candidate/update', { id: 2003, email: [{ email: 'existing.contact@acme.example', is_primary: 1 }] })).status,
    ).toBe(200);
  });

  it('validates custom field values per type and names the field', async () => {
    const bad: [number, unknown, string][] = [
      [999, 'x', 'id 999'],
      [201, 'Wizard', 'Seniority'],
      [201, 2012, 'Seniority'],
      [202, 'Go', 'Skills'],
      [202, ['Go', 'Cobol'], 'Skills'],
      [203, 120000, 'Expected Salary'],
      [203, { number: 1, currency: 'dollars' }, 'Expected Salary'],
      [204, { number1: 1 }, 'Salary Range'],
      [205, '30', 'Notice Period (days)'],
      [206, '2023-02-29', 'Available From'],
      [206, '15/01/2026', 'Available From'],
      [207, true, 'Open to Relocation'],
      [207, 2, 'Open to Relocation'],
      [208, 5, 'Summary'],
    ];
    for (const [id, value, field] of bad) {
      const r = await addCandidate({ custom_fields: [{ id, value }] });
      expect(r.status, JSON.stringify(value)).toBe(400);
      expect(r.json.RESULT).toBe('FAILURE');
      expect(r.json.message).toContain(field);
    }
    expect((await call('POST', 'contact/add', { first_name: 'C', custom_fields: [{ id: 201, value: 'Mid' }] })).status).toBe(400);
    expect((await addCandidate({ custom_fields: 'nope' })).status).toBe(400);
    expect(
      (
        await addCandidate({
          custom_fields: [
            { id: 204, value: { number1: 1, number2: 2 } },
            { id: 206, value: '2024-02-29' },
          ],
        })
      ).status,
    ).toBe(200);
  });
});

describe('search, get, list', () => {
  it('requires items_per_page, conjunction and current_page', async () => {
    for (const k of ['items_per_page', 'conjunction', 'current_page']) {
      const body: Record<string, unknown> = { conjunction: 'match-all', current_page: 1, items_per_page: 5 };
      delete body[k];
      expect(await call('POST', 'candidate/search', body)).toMatchObject({ status: 400, json: { message: `${k} is required` } });
    }
    expect(
      (
        await call('POST', 'candidate/search', {
          conjunction: 'match-all',
          current_page: 1,
          items_per_page: 5,
          filters: [{ key: 'shoe_size', conjunction: 'in', values: ['9'] }],
        })
      ).status,
    ).toBe(400);
  });

  it('matches loosely (substring, case-insensitive) and answers both shapes', async () => {
    const bare = await search('candidate', ['X.EXAMPLE']);
    expect(bare.json.map((p: { id: number }) => p.id)).toEqual([2003]);
    expect(bare.json[0]?.email).toEqual([
      { email: 'joann@x.example', is_primary: true },
      { email: 'Jo.Ann@Work.example', is_primary: false },
    ]);
    const counted = await search('candidate', ['acme', 'x.example'], { include_count: true, items_per_page: 1 });
    expect(counted.json).toMatchObject({ total_items: 2, rank: {} });
    expect(counted.json.data).toHaveLength(1);
    expect((await search('contact', ['acme'])).json.map((p: { id: number }) => p.id)).toEqual([2002]);
  });

  it('hides new records from search for searchLagMs', async () => {
    sb.setFaults({ searchLagMs: 60_000 });
    await addCandidate({ email: [{ email: 'fresh@x.example', is_primary: 1 }] });
    expect((await search('candidate', ['fresh@x.example'])).json).toEqual([]);
    expect(sb.state.findByEmail('fresh@x.example')).toBeDefined();
  });

  it('get: candidate as a 1-element array (configurable), contact as an object, emails as strings', async () => {
    const c = await call('GET', 'candidate/get?id=2001');
    expect(Array.isArray(c.json)).toBe(true);
    expect(c.json[0]).toMatchObject({
      id: 2001,
      prospect_type_id: 1,
      email: ['existing@acme.example'],
      phone_number: ['+1 555 0100'],
      jobs: [{ job_id: 101, stage_name: 'Sourced' }],
    });
    sb.setFaults({ candidateGetAsArray: false, noneStrings: true });
    const o = await call('GET', 'candidate/get?id=2001');
    expect(o.json).toMatchObject({ id: 2001, linkedin_profile: 'None', status: { id: 'None', name: 'None' } });
    expect((await call('GET', 'contact/get?id=2002')).json).toMatchObject({
      id: 2002,
      prospect_type_id: 2,
      client_company_name: 'Acme Corp',
    });
    expect(await call('GET', 'contact/get?id=2001')).toMatchObject({ status: 404, json: { RESULT: 'FAILURE' } });
    expect((await call('GET', 'candidate/get')).status).toBe(400);
  });

  it('lists prospects with paging', async () => {
    expect((await call('GET', 'candidate/list?items_per_page=1&current_page=2')).json.map((p: { id: number }) => p.id)).toEqual([2003]);
    expect((await call('GET', 'contact/list?include_count=true')).json).toMatchObject({ total_items: 1 });
  });
});

describe('jobs, custom fields, users, reference', () => {
  it('add-to-job lands at Sourced; bad ids are 400; repeats are configurable', async () => {
    expect((await call('POST', 'candidate/add-to-job', { id: 2003, job_id: 102 })).json).toEqual({ RESULT: 'SUCCESS' });
    expect(sb.state.prospects.get(2003)?.jobs[0]).toMatchObject({ job_id: 102, stage_name: 'Sourced', stage_id: 10201 });
    expect((await call('POST', 'candidate/add-to-job', { id: 2003, job_id: 102 })).status).toBe(200);
    sb.setFaults({ repeatAddToJob: 'error' });
    expect((await call('POST', 'candidate/add-to-job', { id: 2003, job_id: 102 })).status).toBe(400);
    expect(sb.state.prospects.get(2003)?.jobs).toHaveLength(1);
    expect((await call('POST', 'candidate/add-to-job', { id: 2003, job_id: 1 })).json).toEqual({
      RESULT: 'FAILURE',
      message: 'Invalid job id',
    });
    expect((await call('POST', 'candidate/add-to-job', { id: 1, job_id: 102 })).status).toBe(400);
  });

  it('job/list pages, counts and filters open jobs; job shows stages on request', async () => {
    expect((await call('GET', 'job/list?items_per_page=4&current_page=3')).json.map((j: { id: number }) => j.id)).toEqual([109, 110]);
    expect((await call('GET', 'job/list?items_per_page=100&current_page=1&include_count=true&only_open=1')).json.total_items).toBe(7);
    const job = await call('GET', 'job?job_id=104&include_stages=1');
    expect(job.json).toMatchObject({ id: 104, is_open: false });
    expect(job.json.stages?.[0]).toEqual({ id: 10401, name: 'Sourced', rank: 1 });
    expect((await call('GET', 'job?job_id=104')).json.stages).toBeUndefined();
    expect((await call('GET', 'job?job_id=5')).status).toBe(404);
    expect((await call('GET', 'job')).status).toBe(400);
  });

  it('custom-field lists: candidate {data,total_items}, contact a bare array', async () => {
    const cand = await call('GET', 'candidate/custom-field/list');
    expect(cand.json.total_items).toBe(9);
    expect(new Set(cand.json.data?.map((f: { type: string }) => f.type))).toEqual(
      new Set(['single_select', 'multi_select', 'money', 'money_range', 'number', 'date', 'yes_no', 'long_text', 'short_text']),
    );
    const contact = await call('GET', 'contact/custom-field/list');
    expect(contact.json.map((f: { id: number }) => f.id)).toEqual([301, 302, 303]);
  });

  it('user/list and reference/phone-types', async () => {
    expect((await call('GET', 'user/list')).json).toHaveLength(3);
    expect((await call('GET', 'user/list?include_count=true')).json.total_items).toBe(3);
    expect((await call('GET', 'reference/phone-types')).json.data).toContainEqual({ id: 1, name: 'Mobile' });
  });
});

describe('faults', () => {
  it('rate limit: sliding one-second window on the injected clock', async () => {
    let now = 1_000_000;
    const local = await startSandbox({ now: () => now, faults: { rateLimitPerSecond: 2 } });
    try {
      const get = () => call('GET', 'user/list', undefined, SANDBOX_API_KEY, local.url);
      expect((await get()).status).toBe(200);
      now += 400;
      expect((await get()).status).toBe(200);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      now += 601; // the first request leaves the window
      expect((await get()).status).toBe(200);
      expect(local.stats().statuses).toEqual({ '200': 3, '429': 1 });
    } finally {
      await local.stop();
    }
  });

  it('random faults are reproducible with the same seed', async () => {
    const run = async () => {
      const s = await startSandbox({ faults: { errorRate: 0.5, errorStatuses: [500, 503] } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call('GET', 'user/list', undefined, SANDBOX_API_KEY, s.url)).status);
      await s.stop();
      return statuses;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('failPaths fail the next N requests to a path', async () => {
    sb.setFaults({ failPaths: [{ path: 'user/list', status: 503, times: 2 }] });
    expect((await call('GET', 'user/list')).status).toBe(503);
    expect((await call('GET', 'job/list')).status).toBe(200);
    expect((await call('GET', 'user/list')).status).toBe(503);
    expect((await call('GET', 'user/list')).status).toBe(200);
  });

  it('drops, HTML pages and latency', async () => {
    sb.setFaults({ dropRate: 1 });
    await expect(call('GET', 'user/list')).rejects.toThrow();
    sb.setFaults({ htmlRate: 1 });
    expect(await call('GET', 'user/list')).toMatchObject({ status: 200, json: null });
    sb.setFaults({ latencyMs: 60 });
    const t = Date.now();
    await call('GET', 'user/list');
    expect(Date.now() - t).toBeGreaterThanOrEqual(55);
    expect(sb.stats().statuses).toMatchObject({ dropped: 1, '200': 2 });
  });
});

describe('admin endpoint and stats', () => {
  it('sets faults, shows state and resets, for processes that did not start the sandbox', async () => {
    await addCandidate({ email: [{ email: 'admin@x.example', is_primary: 1 }] });
    const state = await call('GET', '/__sandbox/state', undefined, null);
    expect(state.json.counts).toMatchObject({ prospects: 4, candidates: 3, contacts: 1, jobs: 10, creates: 1 });
    expect(state.json.prospects?.at(-1)).toMatchObject({ emails: ['admin@x.example'], type: 'candidate' });
    expect((await call('POST', '/__sandbox/faults', { errorRate: 1, errorStatuses: [500] }, null)).status).toBe(200);
    expect((await call('GET', 'user/list')).status).toBe(500);
    expect((await call('POST', '/__sandbox/reset', {}, null)).json).toEqual({ ok: true });
    expect((await call('GET', 'user/list')).status).toBe(200);
    expect(sb.state.counts().prospects).toBe(3);
    expect(sb.stats()).toEqual({ requests: 1, byPath: { '/api/external/user/list': 1 }, statuses: { '200': 1 }, creates: 0 });
    // The counters alone, for a benchmark that runs the sandbox in its own process; admin calls are not counted.
    expect((await call('GET', '/__sandbox/stats', undefined, null)).json).toEqual(sb.stats());
  });

  it('refuses the admin endpoints without the admin token, and every path to a foreign Host or Origin', async () => {
    const before = JSON.stringify(sb.state.counts());
    for (const token of [null, 'wrong', `${sb.adminToken}x`]) {
      const extra: Record<string, string> = token === null ? {} : { 'X-Sandbox-Admin-Token': token };
      if (token === null) {
        const res = await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
        expect(res.status).toBe(401);
        for (const path of ['/__sandbox/state', '/__sandbox/stats', '/__sandbox/faults'])
          expect((await fetch(`${sb.url}${path}`)).status, path).toBe(401);
      } else {
        expect((await call('POST', '/__sandbox/faults', { errorRate: 1 }, null, sb.url, extra)).status).toBe(401);
        expect((await call('GET', '/__sandbox/state', undefined, null, sb.url, extra)).status).toBe(401);
      }
    }
    expect((await call('GET', 'user/list')).status).toBe(200); // No fault was set.
    // A web page's fetch carries its Origin; the app's engine (Node) sends none.
    const page = await call('GET', '/__sandbox/state', undefined, null, sb.url, {
      Origin: 'https://evil.example',
      'X-Sandbox-Admin-Token': sb.adminToken,
    });
    expect(page.status).toBe(403);
    expect((await call('GET', 'candidate/list', undefined, SANDBOX_API_KEY, sb.url, { Origin: 'https://evil.example' })).status).toBe(403);
    // DNS rebinding: the page's own host name arrives as Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: sb.port,
          path: '/api/external/candidate/list',
          headers: { Host: `evil.example:${sb.port}`, 'RF-Api-Key': SANDBOX_API_KEY },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect(JSON.stringify(sb.state.counts())).toBe(before);
  });

  it('starts empty without the seed and accepts other keys', async () => {
    const s = await startSandbox({ seed: false, apiKeys: ['k1', 'k2'] });
    try {
      expect(s.apiKey).toBe('k1');
      expect((await call('GET', 'job/list', undefined, 'k2', s.url)).json).toEqual([]);
      expect(s.state.counts()).toMatchObject({ prospects: 0, jobs: 0 });
    } finally {
      await s.stop();
    }
  });

  it('keeps up with many concurrent requests', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => search('candidate', [`nobody${i}@x.example`])));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(sb.stats().requests).toBe(300);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
