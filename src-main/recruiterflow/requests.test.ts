// Pure parts of the client: request builders, the update merge and the normalizer.
import { describe, expect, it } from 'vitest';
import { mergeForUpdate } from './merge';
import { normalizeCustomFieldDef, normalizeProspect, normalizeUsers, singleRecord } from './normalize';
import { planAddToJob, planCreate, planGet, planJob, planJobList, planSearch, planUpdate } from './requests';
import type { Prospect } from './types';

describe('request builders', () => {
  it('planSearch: one `in` filter with every email, lower-cased and de-duplicated', () => {
    expect(planSearch('candidate', [' Ann@X.com', 'ann@x.com', 'bob@y.com', ''])).toEqual({
      method: 'POST',
      path: '/api/external/candidate/search',
      body: {
        filters: [{ key: 'email', conjunction: 'in', values: ['ann@x.com', 'bob@y.com'] }],
        conjunction: 'match-all',
        current_page: 1,
        items_per_page: 100,
      },
      note: 'Look up 2 emails among candidates (page 1)',
    });
    expect(planSearch('contact', ['a@b.c'], 3, 20).body).toMatchObject({ current_page: 3, items_per_page: 20 });
  });

  it('planCreate: cleans the body and fills the name keys each object expects', () => {
    const plan = planCreate('candidate', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: [
        { email: ' ada@x.com ', is_primary: 0 },
        { email: 'ADA@x.com', is_primary: 1 },
        { email: 'ada@work.com', is_primary: 0 },
      ],
      phone_number: [
        { phone_number: '+1 555 0101', type: 3 },
        { phone_number: '+15550101', type: 1 },
      ],
      title: '',
      organization: 'None',
      tags: ['a', 'A', ' '],
      location: { city: 'London', state: '' },
      custom_fields: [
        { id: 1, value: '' },
        { id: 2, value: 0 },
      ],
    });
    expect(plan).toEqual({
      method: 'POST',
      path: '/api/external/candidate/add',
      body: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        name: 'Ada Lovelace',
        email: [
          { email: 'ada@x.com', is_primary: 1 },
          { email: 'ada@work.com', is_primary: 0 },
        ],
        phone_number: [{ phone_number: '+1 555 0101', type: 3 }],
        tags: ['a'],
        location: { city: 'London' },
        custom_fields: [{ id: 2, value: 0 }],
      },
      note: 'Create candidate ada@x.com',
    });
    // contact/add lists no `name` (nor `location`) in the published spec: only first/last name are sent.
    expect(planCreate('contact', { name: 'Grace Brewster Hopper', location: { city: 'Paris' }, title: 'Admiral' }).body).toEqual({
      title: 'Admiral',
      first_name: 'Grace',
      last_name: 'Brewster Hopper',
    });
  });

  it('planAddToJob formats added_time the Recruiterflow way and accepts a placeholder id', () => {
    expect(planAddToJob(5, 9, new Date('2021-01-12T10:16:16.789Z')).body).toEqual({
      id: 5,
      job_id: 9,
      added_time: '2021-01-12T10:16:16+0000',
    });
    expect(planAddToJob('<new id>', 9)).toEqual({
      method: 'POST',
      path: '/api/external/candidate/add-to-job',
      body: { id: '<new id>', job_id: 9 },
      note: 'Add candidate <new id> to job 9 (Sourced)',
    });
  });

  it('GET builders put parameters in the query string', () => {
    expect(planGet('candidate', 7).path).toBe('/api/external/candidate/get?id=7');
    expect(planJob(3).path).toBe('/api/external/job?job_id=3&include_stages=1');
    expect(planJobList(2, 50).path).toBe('/api/external/job/list?items_per_page=50&current_page=2');
    expect(planUpdate('contact', 4, { title: 'CTO' })).toMatchObject({ body: { id: 4, title: 'CTO' }, note: 'Update contact 4 (title)' });
  });
});

function prospect(raw: Record<string, unknown>): Prospect {
  return normalizeProspect(raw, 'candidate', '/test');
}

describe('mergeForUpdate (complete replace per key)', () => {
  const current = prospect({
    id: 1,
    name: 'Ada Lovelace',
    email: ['ada@x.com', 'ada@old.com'],
    phone_number: [{ phone_number: '+1 555 0101', type: 3 }],
    tags: ['vip'],
    skills: ['Math'],
    current_designation: 'Countess',
    location: { city: 'London', country: 'UK', state: '', street_address_1: '' },
    custom_fields: [
      { id: 201, name: 'Seniority', value: 'Senior' },
      { id: 208, name: 'Summary', value: 'Poet' },
    ],
    linkedin_profile: 'None',
  });

  it('unions emails, phones, tags and custom fields; never sends blanks', () => {
    const merged = mergeForUpdate(current, {
      name: '',
      title: 'Analyst',
      email: [
        { email: 'ADA@x.com', is_primary: 1 },
        { email: 'ada@new.com', is_primary: 1 },
      ],
      phone_number: [{ phone_number: '+44 20 1234', type: 1 }],
      tags: ['VIP', 'engine'],
      skills: ['math'],
      location: { state: 'England', city: '' },
      custom_fields: [
        { id: 201, value: 'Senior' },
        { id: 205, value: 30 },
        { id: 208, value: '' },
      ],
      linkedin_profile: 'https://linkedin.com/in/ada',
    });
    expect(merged).toEqual({
      title: 'Analyst',
      email: [
        { email: 'ada@x.com', is_primary: 1 },
        { email: 'ada@old.com', is_primary: 0 },
        { email: 'ada@new.com', is_primary: 0 },
      ],
      phone_number: [
        { phone_number: '+1 555 0101', type: 3 },
        { phone_number: '+44 20 1234', type: 1 },
      ],
      tags: ['vip', 'engine'],
      location: { city: 'London', state: 'England', country: 'UK' },
      custom_fields: [
        { id: 201, value: 'Senior' },
        { id: 208, value: 'Poet' },
        { id: 205, value: 30 },
      ],
      linkedin_profile: 'https://linkedin.com/in/ada',
    });
  });

  it('is empty when the body adds nothing', () => {
    expect(
      mergeForUpdate(current, {
        email: [{ email: 'ada@old.com', is_primary: 0 }],
        tags: ['VIP'],
        custom_fields: [{ id: 201, value: 'Senior' }],
        location: { city: 'London' },
        title: 'Countess',
        name: '',
      }),
    ).toEqual({});
  });

  it('keeps phone types it cannot read as Mobile (1) rather than dropping the phone', () => {
    const p = prospect({ id: 2, phone_number: ['555'] });
    expect(mergeForUpdate(p, { phone_number: [{ phone_number: '777', type: 2 }] }).phone_number).toEqual([
      { phone_number: '555', type: 1 },
      { phone_number: '777', type: 2 },
    ]);
  });
});

describe('normalize', () => {
  it('accepts emails and phones as strings or objects, drops "None", lower-cases emails', () => {
    const p = normalizeProspect(
      {
        id: '12',
        prospect_type_id: 2,
        first_name: 'Jo',
        last_name: 'None',
        name: 'None',
        email: [{ email: ' Jo@X.com ', is_primary: true }, 'None', 'jo@x.com', { email: 'jo2@x.com' }],
        phone_number: ['None', { phone_number: '+1 555', type: 1 }, '777'],
        jobs: [{ job_id: 4 }, { job_id: '5' }, { job_id: 4 }],
        github_profile: 'None',
      },
      'candidate',
      '/x',
    );
    expect(p).toMatchObject({
      id: 12,
      type: 'contact',
      name: 'Jo',
      emails: ['jo@x.com', 'jo2@x.com'],
      phones: ['+1 555', '777'],
      jobIds: [4, 5],
    });
    expect(p.raw.github_profile).toBeNull();
  });

  it('single records: bare object, 1-element array, wrapped, empty', () => {
    expect(singleRecord([{ id: 1 }], '/x')).toEqual({ id: 1 });
    expect(singleRecord({ id: 2 }, '/x')).toEqual({ id: 2 });
    expect(singleRecord({ candidate: { id: 3 } }, '/x')).toEqual({ id: 3 });
    expect(singleRecord([], '/x')).toBeNull();
    expect(singleRecord({}, '/x')).toBeNull();
    expect(() => singleRecord('<html>', '/x')).toThrow(/unexpected shape/);
  });

  it('custom field definitions: accepts the spec typo `x` for `type` and normalizes type names', () => {
    expect(
      normalizeCustomFieldDef({ id: 245, name: 'Proficiency', x: 'single_select', choices: [{ id: 1, name: 'Basic' }] }, 'contact', '/x'),
    ).toEqual({
      object: 'contact',
      id: 245,
      name: 'Proficiency',
      type: 'single_select',
      choices: [{ id: 1, name: 'Basic' }],
    });
    expect(normalizeCustomFieldDef({ id: 1, name: 'R', type: 'Money Range' }, 'candidate', '/x').type).toBe('money_range');
  });

  it('users: drops client logins (role 7 only)', () => {
    expect(
      normalizeUsers(
        [
          { id: 1, email: 'A@x.com', first_name: 'A', last_name: 'B', roles: [{ id: 1, name: 'Admin' }] },
          { id: 2, email: 'c@x.com', name: 'Client', roles: [{ id: 7, name: 'Contact' }] },
          { id: 3, email: 'd@x.com', name: 'D' },
        ],
        '/x',
      ),
    ).toEqual([
      { id: 1, email: 'a@x.com', name: 'A B' },
      { id: 3, email: 'd@x.com', name: 'D' },
    ]);
  });
});
