// The client's requests are valid against Recruiterflow's published OpenAPI spec: every call the sync
// engine makes goes through Stoplight Prism in proxy mode in front of the sandbox, and Prism's request
// violations must be empty apart from the spec errata below. The spec is not part of this repository:
// the test finds it through $FLOWBRIDGE_REFERENCE_DIR or `../shared/reference/` beside the repository,
// and without it says so in one line and is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { locateSpec, REFERENCE_DIR_ENV, startSpecProxy, type ObservedCall, type SpecProxy, type Violation } from '../sandbox/specProxy';
import { createRecruiterflowClient, type RecruiterflowClient } from './index';

/**
 * Places where the spec disagrees with the API as documented by its own examples and used in
 * production. Each is tolerated only at this location.
 */
const ERRATA: { where: RegExp; code: string; why: string }[] = [
  {
    where: /^request\.body\.(items_per_page|current_page)$/,
    code: 'type',
    why: 'search schemas type paging as string; the spec examples and production callers send integers',
  },
  {
    where: /^request\.body\.custom_fields\.\d+\.value$/,
    code: 'type',
    why: 'custom_fields[].value is typed string; the API documents arrays (multi select), objects (money), numbers (number, yes/no)',
  },
];

const loc = (v: Violation): string => v.location.join('.');
const isRequest = (v: Violation): boolean => v.location[0] === 'request';
const isErratum = (v: Violation): boolean => ERRATA.some((e) => e.where.test(loc(v)) && String(v.code) === e.code);

const specPath = locateSpec();
if (!specPath) {
  console.warn(
    `spec.test.ts skipped: Recruiterflow's published OpenAPI spec was not found (set ${REFERENCE_DIR_ENV} to the folder holding recruiterflow-openapi.yaml)`,
  );
}

describe.skipIf(!specPath)('requests against the published OpenAPI spec (Prism proxy)', () => {
  let sandbox: Sandbox;
  let proxy: SpecProxy;
  let client: RecruiterflowClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    proxy = await startSpecProxy({ upstream: sandbox.url, specPath: specPath! });
    client = createRecruiterflowClient({ baseUrl: proxy.url, apiKey: sandbox.apiKey, fetch: proxy.fetch, pageSize: 4 });
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await sandbox?.stop();
  });

  it('has zero request violations for every call the sync engine makes', async () => {
    await client.ping();
    await client.listUsers();
    expect((await client.listJobs()).length).toBe(10);
    expect((await client.getJob(101)).stages.length).toBeGreaterThan(0);
    const candidateFields = await client.listCustomFields('candidate');
    const contactFields = await client.listCustomFields('contact');
    expect(candidateFields.length).toBeGreaterThan(0);
    expect(contactFields.length).toBeGreaterThan(0);

    const found = await client.findByEmails(['existing@acme.example', 'existing.contact@acme.example', 'nobody@nowhere.example']);
    expect(found.size).toBe(2);

    const candidateId = await client.addCandidate({
      name: 'Spec Candidate',
      email: [{ email: 'spec.candidate@x.example', is_primary: 1 }],
      phone_number: [{ phone_number: '+49 30 1234567', type: 1 }],
      title: 'Engineer',
      organization: 'Spec GmbH',
      linkedin_profile: 'https://www.linkedin.com/in/spec-candidate',
      source: 'Flowbridge',
      lead_owner_id: 40202,
      tags: ['flowbridge'],
      skills: ['TypeScript'],
      location: { city: 'Berlin', country: 'Germany' },
      custom_fields: [
        { id: 201, value: 'Senior' },
        { id: 202, value: ['TypeScript', 'Go'] },
        { id: 203, value: { number: 120000, currency: 'EUR' } },
        { id: 204, value: { number1: 100000, number2: 150000, currency: 'EUR' } },
        { id: 205, value: 30 },
        { id: 206, value: '2026-01-15' },
        { id: 207, value: 1 },
        { id: 208, value: 'Summary text' },
      ],
    });
    const contactId = await client.addContact({
      name: 'Spec Contact',
      email: [{ email: 'spec.contact@x.example', is_primary: 1 }],
      client_company: 'Spec GmbH',
      title: 'CTO',
      custom_fields: [{ id: 302, value: 'Email' }],
    });
    await client.updateCandidate(candidateId, { title: 'Staff Engineer', email: [{ email: 'spec.alt@x.example', is_primary: 0 }] });
    await client.updateContact(contactId, { title: 'CEO', custom_fields: [{ id: 301, value: 1 }] });
    await client.addToJob(candidateId, 102, new Date('2026-03-01T10:00:00Z'));
    expect((await client.getCandidate(candidateId)).jobIds).toEqual([102]);
    await client.moveToStage(candidateId, 102, { id: 10204, name: 'Interview' }, 40202);
    expect((await client.getContact(contactId)).name).toBe('Spec Contact');

    const seen = new Set(proxy.calls.map((c) => `${c.method} ${c.path}`));
    for (const op of [
      'POST /api/external/candidate/search',
      'POST /api/external/contact/search',
      'POST /api/external/candidate/add',
      'POST /api/external/contact/add',
      'POST /api/external/candidate/update',
      'POST /api/external/candidate/move-to-stage',
      'POST /api/external/contact/update',
      'GET /api/external/candidate/get',
      'GET /api/external/contact/get',
      'POST /api/external/candidate/add-to-job',
      'GET /api/external/job/list',
      'GET /api/external/job',
      'GET /api/external/candidate/custom-field/list',
      'GET /api/external/contact/custom-field/list',
      'GET /api/external/user/list',
    ]) {
      expect(seen, op).toContain(op);
    }
    expect(proxy.calls.every((c) => c.status === 200)).toBe(true);

    const unexplained = proxy.calls.flatMap((c: ObservedCall) =>
      c.violations.filter((v) => isRequest(v) && !isErratum(v)).map((v) => `${c.method} ${c.path}: ${loc(v)} ${v.message}`),
    );
    expect(unexplained).toEqual([]);

    // Keep the errata list honest: each one must still be observed.
    const all = proxy.calls.flatMap((c) => c.violations.filter(isRequest));
    for (const e of ERRATA)
      expect(
        all.some((v) => e.where.test(loc(v))),
        e.why,
      ).toBe(true);
  }, 60_000);

  it('does report a request that breaks the spec (the check is live)', async () => {
    const res = await proxy.fetch(`${proxy.url}/api/external/job`, { headers: { 'RF-Api-Key': sandbox.apiKey } });
    expect(res.status).toBe(400); // the sandbox too requires job_id
    const last = proxy.calls.at(-1);
    expect(last?.violations.some((v) => isRequest(v) && /job_id/.test(v.message))).toBe(true);
  });
});
