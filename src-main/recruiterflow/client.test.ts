// The client against the sandbox over real HTTP: every endpoint, lookup, batching, shapes, merge.
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { sharedSandbox } from '../testing/sharedSandbox';
import { createRecruiterflowClient, DEFAULT_SEARCH_BATCH, type RecruiterflowClientOptions, type RequestEvent } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

const client = (o: Partial<RecruiterflowClientOptions> = {}) => createRecruiterflowClient({ baseUrl: sb.url, apiKey: sb.apiKey, ...o });
const calls = (path: string) => sb.stats().byPath[`/api/external/${path}`] ?? 0;
const email = (e: string, primary: 0 | 1 = 1) => ({ email: e, is_primary: primary });

describe('connection', () => {
  it('ping makes one cheap authenticated call', async () => {
    await client().ping();
    expect(sb.stats().requests).toBe(1);
  });

  it('reports each request without the key', async () => {
    const events: RequestEvent[] = [];
    await client({ onRequest: (e) => events.push(e) }).ping();
    await client({ apiKey: 'wrong', onRequest: (e) => events.push(e) })
      .ping()
      .catch(() => undefined);
    expect(events).toMatchObject([
      { method: 'GET', path: '/api/external/user/list', status: 200 },
      { method: 'GET', path: '/api/external/user/list', status: 401, error: 'unauthorized' },
    ]);
    expect(events[0]?.ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(events)).not.toContain(sb.apiKey);
  });
});

describe('findByEmails', () => {
  it('finds candidates and contacts case-insensitively, by any of their emails', async () => {
    const found = await client().findByEmails([
      'EXISTING@acme.example',
      ' existing.contact@acme.example',
      'jo.ann@WORK.example',
      'nobody@x.example',
    ]);
    expect([...found.keys()].sort()).toEqual(['existing.contact@acme.example', 'existing@acme.example', 'jo.ann@work.example']);
    expect(found.get('existing@acme.example')).toMatchObject({
      type: 'candidate',
      name: 'Erin Existing',
      jobIds: [101],
      phones: ['+1 555 0100'],
    });
    expect(found.get('existing.contact@acme.example')).toMatchObject({ type: 'contact', name: 'Casey Contact' });
    expect(found.get('jo.ann@work.example')?.emails).toEqual(['joann@x.example', 'jo.ann@work.example']);
  });

  it('post-filters the loose (substring) search: ann@x.com does not match joann@x.com', async () => {
    const c = client();
    await c.addCandidate({ name: 'Jo Ann', email: [email('joann@x.com')] });
    await c.addCandidate({ name: 'Ann Other', email: [email('ann@x.com.au')] });
    const raw = await fetch(`${sb.url}/api/external/candidate/search`, {
      method: 'POST',
      headers: { 'RF-Api-Key': sb.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        filters: [{ key: 'email', conjunction: 'in', values: ['ann@x.com'] }],
        conjunction: 'match-all',
        current_page: 1,
        items_per_page: 10,
      }),
    }).then((r) => r.json() as Promise<unknown[]>);
    expect(raw).toHaveLength(2); // the server does match both ...
    expect((await c.findByEmails(['ann@x.com'])).size).toBe(0); // ... the client keeps neither
    const id = await c.addCandidate({ name: 'Ann', email: [email('ann@x.com')] });
    expect((await c.findByEmails(['ann@x.com'])).get('ann@x.com')?.id).toBe(id);
  });

  it('batches N emails into ceil(N / batch) searches per object', async () => {
    const emails = Array.from({ length: 120 }, (_, i) => `person${i}@batch.example`);
    await client().findByEmails(emails, ['candidate']);
    expect(calls('candidate/search')).toBe(Math.ceil(120 / DEFAULT_SEARCH_BATCH));
    expect(calls('contact/search')).toBe(0);
    await client({ searchBatchSize: 25 }).findByEmails(emails);
    expect(calls('candidate/search')).toBe(Math.ceil(120 / DEFAULT_SEARCH_BATCH) + 5);
    expect(calls('contact/search')).toBe(5);
  });

  it('makes no request for an empty list', async () => {
    expect((await client().findByEmails(['', '  '])).size).toBe(0);
    expect(sb.stats().requests).toBe(0);
  });

  it('does not search contacts for emails already found as candidates', async () => {
    await client().findByEmails(['existing@acme.example']);
    expect(calls('candidate/search')).toBe(1);
    expect(calls('contact/search')).toBe(0);
  });

  it('pages through loose matches until it has the exact one', async () => {
    const c = client();
    for (const p of ['xa', 'ya', 'za']) await c.addCandidate({ name: p, email: [email(`${p}@page.example`)] });
    const id = await c.addCandidate({ name: 'a', email: [email('a@page.example')] });
    const found = await client({ pageSize: 1 }).findByEmails(['a@page.example'], ['candidate']);
    expect(found.get('a@page.example')?.id).toBe(id);
    expect(calls('candidate/search')).toBe(4);
  });

  it('accepts the {data,total_items} shape as well as a bare array', async () => {
    // Ask the sandbox for include_count answers by rewriting the outgoing requests.
    const withCount: typeof fetch = (input, init) => {
      const url = String(input);
      if (init?.method === 'POST' && url.endsWith('/search')) {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        return fetch(input, { ...init, body: JSON.stringify({ ...body, include_count: true }) });
      }
      return fetch(url.includes('?') ? `${url}&include_count=true` : `${url}?include_count=true`, init);
    };
    const c = client({ fetch: withCount, pageSize: 3 });
    expect((await c.findByEmails(['existing@acme.example', 'existing.contact@acme.example'])).size).toBe(2);
    expect(await c.listJobs()).toHaveLength(10);
    expect(calls('job/list')).toBe(4);
    expect((await c.listUsers()).length).toBe(2);
  });

  it('does not find a just-created record while the search index lags', async () => {
    sb.setFaults({ searchLagMs: 60_000 });
    const c = client();
    await c.addCandidate({ name: 'Lagging', email: [email('lag@x.example')] });
    expect((await c.findByEmails(['lag@x.example'])).size).toBe(0);
  });
});

describe('create, read, update', () => {
  it('creates a candidate and a contact from one id sequence', async () => {
    const c = client();
    const a = await c.addCandidate({ name: 'Cand Idate', email: [email('cand@x.example')], tags: ['flowbridge'] });
    const b = await c.addContact({ name: 'Con Tact', email: [email('con@x.example')], client_company: 'Acme Corp' });
    expect(b).toBe(a + 1);
    expect(sb.state.prospects.get(a)).toMatchObject({ type: 'candidate', name: 'Cand Idate' });
    expect(sb.state.prospects.get(b)).toMatchObject({ type: 'contact', first_name: 'Con', last_name: 'Tact' });
    expect(sb.state.createLog.map((l) => [l.email, l.type])).toEqual([
      ['cand@x.example', 'candidate'],
      ['con@x.example', 'contact'],
    ]);
    expect(sb.stats().creates).toBe(2);
  });

  it('reads a candidate (1-element array or object) and a contact, "None" strings included', async () => {
    const c = client();
    expect(await c.getCandidate(2001)).toMatchObject({ id: 2001, type: 'candidate', emails: ['existing@acme.example'], jobIds: [101] });
    sb.setFaults({ candidateGetAsArray: false, noneStrings: true });
    const cand = await c.getCandidate(2001);
    expect(cand).toMatchObject({ id: 2001, name: 'Erin Existing', emails: ['existing@acme.example'] });
    expect(cand.raw.linkedin_profile).toBeNull();
    const contact = await c.getContact(2002);
    expect(contact).toMatchObject({ type: 'contact', name: 'Casey Contact', emails: ['existing.contact@acme.example'] });
    expect(contact.raw.client_company_id).toBeNull();
    const found = await c.findByEmails(['existing@acme.example']);
    expect(found.get('existing@acme.example')?.phones).toEqual(['+1 555 0100']);
  });

  it('unknown ids and wrong object types are not_found', async () => {
    await expect(client().getCandidate(999_999)).rejects.toMatchObject({ kind: 'not_found', status: 404, retryable: false });
    await expect(client().getContact(2001)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(client().updateContact(999_999, { title: 'x' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('update reads first and merges, so it never blanks data', async () => {
    const c = client();
    await c.updateCandidate(2001, {
      name: '',
      title: '',
      email: [email('erin.new@acme.example', 1)],
      phone_number: [{ phone_number: '+1 555 0199', type: 3 }],
      tags: ['Flowbridge'],
      location: { state: 'Berlin' },
      custom_fields: [{ id: 205, value: 30 }],
    });
    const p = sb.state.prospects.get(2001);
    expect(p).toMatchObject({
      name: 'Erin Existing',
      email: [email('existing@acme.example', 1), email('erin.new@acme.example', 0)],
      phone_number: [
        { phone_number: '+1 555 0100', type: 1 },
        { phone_number: '+1 555 0199', type: 3 },
      ],
      custom_fields: [
        { id: 201, value: 'Senior' },
        { id: 208, value: 'Seeded candidate.' },
        { id: 205, value: 30 },
      ],
      jobs: [{ job_id: 101 }],
    });
    expect(p?.fields).toMatchObject({
      title: 'Staff Engineer',
      tags: ['seed', 'Flowbridge'],
      skills: ['Go'],
      location: { city: 'Berlin', country: 'Germany', state: 'Berlin' },
    });
    expect(calls('candidate/get')).toBe(1);
    expect(calls('candidate/update')).toBe(1);
  });

  it('update skips the write when nothing would change', async () => {
    await client().updateCandidate(2001, { title: 'Staff Engineer', email: [email('EXISTING@acme.example')], tags: ['seed'] });
    expect(calls('candidate/get')).toBe(1);
    expect(calls('candidate/update')).toBe(0);
  });

  it('updates a contact', async () => {
    await client().updateContact(2002, { title: 'CTO', custom_fields: [{ id: 302, value: 'Phone' }] });
    expect(sb.state.prospects.get(2002)).toMatchObject({
      fields: { title: 'CTO', client_company: 'Acme Corp' },
      custom_fields: [
        { id: 301, value: 1 },
        { id: 302, value: 'Phone' },
      ],
    });
  });

  it('sends custom fields of every type in the format the server accepts', async () => {
    const id = await client().addCandidate({
      name: 'All Fields',
      email: [email('fields@x.example')],
      custom_fields: [
        { id: 201, value: 'Mid' },
        { id: 202, value: ['Go', 'SQL'] },
        { id: 203, value: { number: 1, currency: 'USD' } },
        { id: 204, value: { number1: 1, number2: 2, currency: 'USD' } },
        { id: 205, value: 3 },
        { id: 206, value: '2026-02-28' },
        { id: 207, value: 0 },
        { id: 208, value: 'long' },
        { id: 209, value: 'short' },
      ],
    });
    expect(sb.state.prospects.get(id)?.custom_fields).toHaveLength(9);
  });
});

describe('jobs, fields, users', () => {
  it('adds a candidate to a job at Sourced; a repeat is success either way', async () => {
    const c = client();
    await c.addToJob(2003, 103, new Date('2026-02-01T08:00:00Z'));
    expect(sb.state.prospects.get(2003)?.jobs).toEqual([
      { job_id: 103, stage_id: 10301, stage_name: 'Sourced', stage_moved: '2026-02-01T08:00:00+0000' },
    ]);
    await c.addToJob(2003, 103);
    sb.setFaults({ repeatAddToJob: 'error' });
    await c.addToJob(2003, 103);
    expect(calls('candidate/add-to-job')).toBe(3);
    expect((await c.getCandidate(2003)).jobIds).toEqual([103]);
  });

  it('add-to-job with a bad job or a contact is invalid_data', async () => {
    await expect(client().addToJob(2003, 999)).rejects.toMatchObject({
      kind: 'invalid_data',
      status: 400,
      message: expect.stringContaining('Invalid job id'),
    });
    await expect(client().addToJob(2002, 101)).rejects.toMatchObject({ kind: 'invalid_data' });
  });

  it('lists every job across pages', async () => {
    const jobs = await client({ pageSize: 3 }).listJobs();
    expect(jobs).toHaveLength(10);
    expect(calls('job/list')).toBe(4);
    expect(jobs[0]).toEqual({ id: 101, name: 'Senior Backend Engineer', isOpen: true, client: 'Acme Corp', location: 'Berlin' });
    expect(jobs.filter((j) => !j.isOpen).map((j) => j.id)).toEqual([104, 107, 109]);
  });

  it('reads a job with its stages in rank order', async () => {
    const job = await client().getJob(105);
    expect(job).toMatchObject({ id: 105, name: 'Engineering Manager', isOpen: true });
    expect(job.stages.map((s) => s.name)).toEqual(['Sourced', 'Applied', 'Phone Screen', 'Interview', 'Offer', 'Hired', 'Disqualified']);
    await expect(client().getJob(4242)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lists custom fields of both shapes as CustomFieldDef', async () => {
    const cand = await client().listCustomFields('candidate');
    expect(cand.map((f) => f.type)).toEqual([
      'single_select',
      'multi_select',
      'money',
      'money_range',
      'number',
      'date',
      'yes_no',
      'long_text',
      'short_text',
    ]);
    expect(cand[0]).toEqual({
      object: 'candidate',
      id: 201,
      name: 'Seniority',
      type: 'single_select',
      choices: [
        { id: 2011, name: 'Junior' },
        { id: 2012, name: 'Mid' },
        { id: 2013, name: 'Senior' },
      ],
    });
    const contact = await client().listCustomFields('contact');
    expect(contact.map((f) => [f.object, f.id])).toEqual([
      ['contact', 301],
      ['contact', 302],
      ['contact', 303],
    ]);
  });

  it('lists users who can own records', async () => {
    expect(await client().listUsers()).toEqual([
      { id: 40201, email: 'alex.admin@acme-recruiting.example', name: 'Alex Admin' },
      { id: 40202, email: 'riley.recruiter@acme-recruiting.example', name: 'Riley Recruiter' },
    ]);
  });
});
