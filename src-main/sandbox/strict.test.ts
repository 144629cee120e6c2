// The sandbox's strict switches, over real HTTP: each takes the other side of one behaviour the
// published documentation leaves open, and does only that.
import { describe, expect, it } from 'vitest';
import { sandboxApi, sharedSandbox } from '../testing/sharedSandbox';
import type { Sandbox } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

const api = (method: 'GET' | 'POST', path: string, body?: unknown) => sandboxApi(sb, method, path, body);

const search = (values: string[]) =>
  api('POST', 'candidate/search', {
    filters: [{ key: 'email', conjunction: 'in', values }],
    conjunction: 'match-all',
    current_page: 1,
    items_per_page: 50,
  });
const add = (email: string) => api('POST', 'candidate/add', { name: 'Twice', email: [{ email, is_primary: 1 }] });

describe('strict switches', () => {
  it('inFilterFirstValueOnly: an `in` filter matches its first value only', async () => {
    expect((await search(['nobody@x.example', 'existing@acme.example'])).json).toHaveLength(1);
    sb.setFaults({ inFilterFirstValueOnly: true });
    expect((await search(['nobody@x.example', 'existing@acme.example'])).json).toHaveLength(0);
    expect((await search(['existing@acme.example', 'nobody@x.example'])).json).toHaveLength(1);
  });

  it('noConflictOnCreate: a second create of one email makes a second profile', async () => {
    expect((await add('existing@acme.example')).status).toBe(409);
    sb.setFaults({ noConflictOnCreate: true });
    expect((await add('existing@acme.example')).status).toBe(200);
    expect(sb.state.createLog.map((c) => c.email)).toEqual(['existing@acme.example']);
  });

  it("repeatAddToJob 'reset': a repeated add answers 200 and puts the candidate back at the first stage", async () => {
    const p = sb.state.findByEmail('existing@acme.example')!;
    p.jobs = [{ job_id: 101, stage_id: 10104, stage_name: 'Interview', stage_moved: '2026-01-01T00:00:00+0000' }];
    sb.setFaults({ repeatAddToJob: 'reset' });
    expect((await api('POST', 'candidate/add-to-job', { id: p.id, job_id: 101 })).status).toBe(200);
    expect(p.jobs.map((j) => j.stage_name)).toEqual(['Sourced']);
  });

  it('customFieldsReadAsText: custom fields come back as display text, not as written', async () => {
    const made = await api('POST', 'candidate/add', {
      name: 'Paid',
      email: [{ email: 'paid@x.example', is_primary: 1 }],
      custom_fields: [{ id: 203, value: { number: 5, currency: 'EUR' } }],
    });
    const id = (made.json as { data: { id: number } }).data.id;
    sb.setFaults({ customFieldsReadAsText: true });
    const [rec] = (await api('GET', `candidate/get?id=${id}`)).json as { custom_fields: { value: unknown }[] }[];
    expect(rec!.custom_fields[0]!.value).toBe('EUR 5');
  });

  it('maxPageSize caps every page; pagedUsers pages user/list; choicesAsOptions lists choices under `options`', async () => {
    sb.setFaults({ maxPageSize: 2, pagedUsers: true, choicesAsOptions: true });
    expect((await api('GET', 'job/list?items_per_page=100&current_page=1')).json).toHaveLength(2);
    expect((await search(['e'])).json).toHaveLength(2);
    expect((await api('GET', 'user/list?items_per_page=100&current_page=2')).json).toHaveLength(1);
    const [field] = ((await api('GET', 'candidate/custom-field/list')).json as { data: Record<string, unknown>[] }).data;
    expect(field).toHaveProperty('options');
    expect(field).not.toHaveProperty('choices');
  });
});
