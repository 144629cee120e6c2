// The client is right whichever way the API's undocumented behaviours fall: each test turns on the
// sandbox's strict switch for the other possibility of one guess the client makes.
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { sharedSandbox } from '../testing/sharedSandbox';
import { createRecruiterflowClient, type RecruiterflowClientOptions } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

const client = (o: Partial<RecruiterflowClientOptions> = {}) => createRecruiterflowClient({ baseUrl: sb.url, apiKey: sb.apiKey, ...o });
const calls = (path: string) => sb.stats().byPath[`/api/external/${path}`] ?? 0;

describe('custom-field choices', () => {
  it('reads select choices served under `options` as well as `choices`', async () => {
    sb.setFaults({ choicesAsOptions: true });
    const [seniority] = await client().listCustomFields('candidate');
    expect(seniority?.choices.map((c) => c.name)).toEqual(['Junior', 'Mid', 'Senior']);
  });
});

describe('paging', () => {
  it('reads every page of a paged user list', async () => {
    for (let i = 0; i < 25; i++) {
      sb.state.users.push({
        id: 50000 + i,
        email: `user${i}@acme.example`,
        first_name: 'User',
        last_name: String(i),
        roles: [{ id: 2, name: 'Recruiter' }],
      });
    }
    sb.setFaults({ pagedUsers: true, maxPageSize: 10 });
    const users = await client().listUsers();
    expect(users).toHaveLength(27);
    expect(calls('user/list')).toBe(3);
  });

  it('never asks for more than 100 rows a page, so a server that caps pages at 100 hides nothing', async () => {
    const template = sb.state.jobs[0]!;
    for (let i = 0; i < 140; i++) sb.state.jobs.push({ ...template, id: 1000 + i, name: `Extra job ${i}` });
    sb.setFaults({ maxPageSize: 100 });
    const jobs = await client({ pageSize: 500 }).listJobs();
    expect(jobs).toHaveLength(150);
    expect(calls('job/list')).toBe(2);
  });
});

describe('an `in` filter that matches only one value', () => {
  it('is noticed on the first batched search, which falls back to one email per search', async () => {
    sb.setFaults({ inFilterFirstValueOnly: true });
    const emails = [
      'nobody1@x.example',
      'nobody2@x.example',
      'existing@acme.example',
      'existing.contact@acme.example',
      'jo.ann@work.example',
    ];
    const found = await client().findByEmails(emails);
    expect([...found.keys()].sort()).toEqual(['existing.contact@acme.example', 'existing@acme.example', 'jo.ann@work.example']);
  });

  it('costs nothing more than one list read when the filter matches every value', async () => {
    const emails = Array.from({ length: 150 }, (_, i) => `someone${i}@batch.example`).concat('existing@acme.example');
    const found = await client().findByEmails(emails);
    expect([...found.keys()]).toEqual(['existing@acme.example']);
    expect(calls('candidate/search') + calls('contact/search')).toBe(4);
    expect(calls('candidate/list') + calls('contact/list')).toBe(2);
  });
});

describe('a key without permission', () => {
  it('a 403 on the connection check says what the key lacks permission for', async () => {
    sb.setFaults({ failPaths: [{ path: 'user/list', status: 403, times: 1, body: { RESULT: 'FAILURE', message: 'Permission denied' } }] });
    await expect(client().ping()).rejects.toMatchObject({
      kind: 'unauthorized',
      status: 403,
      message: 'The key lacks permission for GET /api/external/user/list (403): Permission denied',
    });
  });

  it('a 403 on a metadata read does too', async () => {
    sb.setFaults({ failPaths: [{ path: 'job/list', status: 403, times: 1 }] });
    await expect(client().listJobs()).rejects.toMatchObject({
      kind: 'unauthorized',
      message: expect.stringContaining('lacks permission for GET /api/external/job/list'),
    });
  });
});
