// The strict-sandbox matrix: the engine's rules, faults and crash recovery, run against a sandbox that
// takes the other side of every behaviour the published documentation leaves open. With every
// combination, no email is created twice, no contact is lost, and every run ends (no unbounded loop).
//
// Kept lean for `npm test` on two cores: one scenario that exercises the rule suites' paths at once
// (existing records linked, one record on two jobs, candidates and contacts, select and money fields,
// names made from emails, a record already further down a job's pipeline) under a light fault mix,
// stopped mid-sync like a closing app and resumed; run with each switch alone, all of them together,
// and none (the control). The SIGKILL crash suite runs the real command line under all switches at once.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { startSandbox, type Faults, type Sandbox } from '../sandbox';
import { openTestBackend, tempDir, type TestBackend } from '../testing/fixtures';
import { runCliProcess } from '../testing/crash/spawnCli';
import { createsOf, csvOf, duplicateCreates, eventually, syncBackend } from '../testing/syncFixtures';
import type { EngineOptions } from './engine';

const STRICT: Record<string, Faults> = {
  'in filter matches one value': { inFilterFirstValueOnly: true },
  'search lags, no 409 on create': { searchLagMs: 800, noConflictOnCreate: true },
  'repeated add-to-job resets the stage': { repeatAddToJob: 'reset' },
  'custom fields read back as text': { customFieldsReadAsText: true },
  'pages capped at 100, users paged': { maxPageSize: 100, pagedUsers: true },
  'choices under options': { choicesAsOptions: true },
  'move-to-stage puts a candidate on the job': { moveToStageAddsToJob: true },
};
const ALL: Faults = Object.assign({}, ...Object.values(STRICT)) as Faults;
const COMBINATIONS: [string, Faults][] = [['none (control)', {}], ...Object.entries(STRICT), ['all switches at once', ALL]];

const NEW = Array.from({ length: 14 }, (_, i) => `strict.person${i}@example.test`);
const AS_CONTACTS = Array.from({ length: 4 }, (_, i) => `strict.contact${i}@example.test`);
const ON_TWO_JOBS = 8;
const EXISTING = ['existing@acme.example', 'existing.contact@acme.example', 'jo.ann@work.example'];
const SENIORITY = ['Junior', 'mid', 'SENIOR'];

const csv = csvOf(
  [...NEW, ...AS_CONTACTS, ...EXISTING].map((email, i) => ({
    email,
    first_name: i % 4 === 0 ? '' : `First${i}`,
    last_name: i % 4 === 0 ? '' : `Last${i}`,
    seniority: SENIORITY[i % 3]!,
    salary: String(90_000 + i * 1000),
    location: 'Berlin',
  })),
);

const ENGINE: EngineOptions = {
  createSettleMs: 2_000,
  timeoutMs: 2_000,
  backoff: { baseMs: 20, capMs: 300, maxAttempts: 30 },
  offlineProbeMs: 50,
};
const LIGHT_FAULTS: Faults = { latencyMs: 2, errorRate: 0.04, errorStatuses: [500, 503, 429], retryAfterSeconds: null };

async function statesOf(t: TestBackend): Promise<Record<string, number>> {
  const rows = t.backend.ctx.sqlite.prepare('select state, count(*) as n from enrollments group by state').all() as {
    state: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

describe('the strict-sandbox matrix', () => {
  for (const [name, strict] of COMBINATIONS) {
    it(`${name}: every contact synced, each email created at most once, every run ends`, async () => {
      const t = await syncBackend({ csv, engine: ENGINE });
      let reopened: TestBackend | null = null;
      try {
        const sb = t.sandbox;
        const existing = sb.state.findByEmail('existing@acme.example')!;
        existing.jobs = [{ job_id: 101, stage_id: 10104, stage_name: 'Interview', stage_moved: '2026-01-01T00:00:00+0000' }];
        sb.setFaults({ ...strict, ...LIGHT_FAULTS });
        await eventually(async () => (await t.backend.invoke('jobs:refresh', {})).ok, 10_000); // metadata as this server serves it
        await t.call('settings:set', { defaultCurrency: 'EUR' });
        await t.call('mapping:set', {
          rules: [
            { source: 'seniority', target: 'custom:201' },
            { source: 'salary', target: 'custom:203' },
          ],
        });
        const a = await t.call('sequences:create', { name: 'Backend', jobId: 101 });
        // New candidates land in a later stage; the one already further down the pipeline is never moved back.
        await eventually(async () => (await t.backend.invoke('stages:setSequence', { id: a.id, stage: 'Phone Screen' })).ok, 10_000);
        const b = await t.call('sequences:create', { name: 'Platform', jobId: 106 });
        const c = await t.call('sequences:create', { name: 'Clients', syncAs: 'contact' });
        await t.call('sequences:add', { sequenceId: a.id, emails: [...NEW, ...EXISTING] });
        await t.call('sequences:add', { sequenceId: b.id, emails: NEW.slice(0, ON_TWO_JOBS).reverse() });
        await t.call('sequences:add', { sequenceId: c.id, emails: AS_CONTACTS });
        const total = NEW.length + EXISTING.length + ON_TWO_JOBS + AS_CONTACTS.length;

        // Stopped mid-sync like a closing app, then resumed in a new backend on the same folder.
        const run = t.call('sync:run', { wait: 20 }).catch(() => null);
        await eventually(() => sb.state.createLog.length >= 5, 20_000);
        await t.backend.close();
        await run;
        reopened = openTestBackend({ dataDir: t.dataDir, scheduler: { engine: ENGINE } });
        const counts = await reopened.call('sync:run', { wait: 30 });

        expect(duplicateCreates(sb), 'no email created twice').toEqual([]);
        for (const email of EXISTING) expect(createsOf(sb, email), `${email} existed: linked, never created`).toBe(0);
        expect(counts).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
        // The one existing Contact in a Candidate sequence with a job is never called synced: it waits for the
        // recruiter, flagged with its record (issue: "Synced" only when everything asked for happened).
        expect(await statesOf(reopened), 'no contact lost').toEqual({ synced: total - 1, flagged: 1 });
        const flagged = reopened.backend.ctx.sqlite
          .prepare(
            "select c.email, e.error_code as code from enrollments e join contacts c on c.id = e.contact_id where e.state = 'flagged'",
          )
          .all();
        expect(flagged).toEqual([{ email: 'existing.contact@acme.example', code: 'exists_as_contact' }]);
        for (const email of NEW) {
          const jobs = sb.state
            .findByEmail(email)
            ?.jobs.map((j) => j.job_id)
            .sort();
          expect(jobs, email).toEqual(NEW.indexOf(email) < ON_TWO_JOBS ? [101, 106] : [101]);
          const stages = sb.state.findByEmail(email)?.jobs.map((j) => [j.job_id, j.stage_name]);
          expect(stages, email).toContainEqual([101, 'Phone Screen']);
        }
        const moved = sb.state.stageMoves.map((m) => m.id);
        expect(new Set(moved).size, 'no candidate moved twice').toBe(moved.length);
        expect(moved.length, 'every new candidate moved').toBeGreaterThanOrEqual(NEW.length);
        expect(
          existing.jobs.map((j) => [j.job_id, j.stage_name]),
          'stage kept',
        ).toEqual([[101, 'Interview']]);
        const person0 = sb.state.findByEmail(NEW[0]!)!;
        expect(person0.name).toBe('Strict Person');
        expect(person0.custom_fields).toEqual([
          { id: 201, value: 'Junior' },
          { id: 203, value: { number: 90_000, currency: 'EUR' } },
        ]);
        const contact = sb.state.findByEmail(AS_CONTACTS[0]!)!;
        expect(contact.type).toBe('contact');
        expect(contact.fields).not.toHaveProperty('location');
        // Bounded: a loop without end would run into the waits above; this bounds the work too (one email
        // per search costs two searches per email and attempt when the `in` filter cannot be trusted).
        expect(sb.stats().requests).toBeLessThan(total * (strict.inFilterFirstValueOnly ? 25 : 12));
      } finally {
        await reopened?.backend.close();
        await t.close();
      }
    }, 60_000);
  }
});

describe('the SIGKILL crash suite under every switch at once', () => {
  let sandbox: Sandbox;
  let dir: string;
  const EMAILS = Array.from({ length: 16 }, (_, i) => `kill${i}@crash.test`);
  const cli = async (...argv: string[]) => {
    let out = '';
    const code = await runCli([...argv, '--data-dir', dir, '--json'], { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
    expect(code, out).toBe(0);
    return JSON.parse(out) as Record<string, unknown>;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = tempDir();
    await cli('connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey);
    const file = join(dir, 'people.csv');
    writeFileSync(file, csvOf(EMAILS.map((email) => ({ email, first_name: '', seniority: 'Mid' }))));
    await cli('contacts', 'import', file);
    const seq = (await cli('sequences', 'create', '--name', 'Killed', '--job', '101')).id as string;
    await cli('sequences', 'add', seq, '--emails', EMAILS.join(','));
    // Creates answered late, and a lag longer than a restart of the command line takes: a run killed while
    // waiting for the answer leaves a record it never saw, and the next run's search cannot see it either.
    sandbox.setFaults({ ...ALL, searchLagMs: 3_000, createAnswerDelayMs: 300, latencyMs: 20 });
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kills right after a create never lead to a second one; a clean run then completes everything', async () => {
    let kills = 0;
    for (let i = 0; i < 2; i++) {
      const threshold = sandbox.state.createLog.length + 2;
      const run = await runCliProcess(
        dir,
        ['sync', 'run'],
        { kind: 'when', when: () => sandbox.state.createLog.length >= threshold, jitterMs: i * 5 },
        { awaitReaped: true },
      );
      if (run.killed) kills += 1;
      expect(duplicateCreates(sandbox), 'no email created twice').toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(1);
    const done = await runCliProcess(dir, ['sync', 'run', '--wait', '30']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    expect(duplicateCreates(sandbox)).toEqual([]);
    for (const email of EMAILS) {
      expect(createsOf(sandbox, email), email).toBe(1);
      expect(
        sandbox.state.findByEmail(email)?.jobs.map((j) => j.job_id),
        email,
      ).toEqual([101]);
    }
  }, 120_000);
});
