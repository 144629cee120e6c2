// Rule 13 (crash): the sync process is killed with SIGKILL at random moments, several times, then run
// to the end. Every contact ends synced, no email is ever created twice in Recruiterflow, and the
// database passes integrity_check after every kill. The sandbox runs here, in the test process, with
// some latency and a lagging search, so kills land mid-sync and recovery goes through the 409 path too.
// Seeded: SYNC_CRASH_SEED=<n> replays a run.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32, startSandbox, type Sandbox } from '../sandbox';
import { runKillable } from '../testing/crash/spawnCli';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import { duplicateCreates, people } from '../testing/syncFixtures';

const SEED = Number(process.env.SYNC_CRASH_SEED ?? Date.now() % 100_000);
const random = mulberry32(SEED);
const between = (lo: number, hi: number) => Math.floor(lo + random() * (hi - lo + 1));
const N = 120;
const JOB = 105;
const KILLS = 6;

const cliArgs = (dir: string) => ['--import', 'tsx', 'src-main/cli/main.ts', 'sync', 'run', '--wait', '30', '--data-dir', dir, '--json'];
const childArgs = (dir: string, holdMs: number) => ['--import', 'tsx', 'src-main/testing/syncChild.ts', dir, String(holdMs), '30'];

function inspect(dataDir: string, sandbox: Sandbox) {
  const db = new Database(join(dataDir, 'flowbridge.db'));
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const linked = new Set((db.prepare('select email from rf_links').all() as { email: string }[]).map((r) => r.email));
    const unrecorded = sandbox.state.createLog.filter((c) => !linked.has(c.email)).map((c) => c.email);
    const orphaned = db.prepare("select count(*) from sync_queue where state = 'in_flight'").pluck().get() as number;
    const synced = db.prepare("select count(*) from enrollments where state = 'synced'").pluck().get() as number;
    return { integrity, unrecorded, orphaned, synced };
  } finally {
    db.close();
  }
}

let setup: TestBackend | null = null;
let sandbox: Sandbox | null = null;
afterAll(async () => {
  await setup?.close();
  await sandbox?.stop();
});

describe('rule 13: crash safety of the sync', () => {
  it(`survives ${KILLS} SIGKILLs at random moments: every contact synced once, no duplicate, database intact (seed ${SEED})`, async () => {
    sandbox = await startSandbox({ port: 0, faults: { latencyMs: 10, searchLagMs: 4_000 } });
    setup = openTestBackend();
    await setup.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    await setup.call('contacts:import', { csv: contactsCsv(N) });
    const seq = await setup.call('sequences:create', { name: 'Crashy', jobId: JOB });
    await setup.call('sequences:add', { sequenceId: seq.id, emails: people(N) });
    await setup.backend.close(); // the children own the data folder from here on
    const dir = setup.dataDir;

    const tally = { kills: 0, unrecordedAtKill: new Set<string>(), orphanedAtKill: 0, midSync: 0 };
    for (let k = 0; k < KILLS; k++) {
      const before = sandbox.state.createLog.length;
      const viaCli = k % 2 === 0;
      const holdMs = between(15, 40);
      const args = viaCli ? cliArgs(dir) : childArgs(dir, holdMs);
      // Most kills land after a few more creates (mid-sync); the held-answer runs die while an answer is
      // held, i.e. after Recruiterflow created the record and before we wrote it down. The last kill
      // comes at a random time after the start (it may land before any work).
      const target = before + between(1, 20);
      const run =
        k === KILLS - 1
          ? await runKillable(args, { kind: 'after', ms: between(200, 1_500) })
          : await runKillable(args, {
              kind: 'when',
              when: () => sandbox!.state.createLog.length >= target,
              jitterMs: viaCli ? between(0, 25) : between(0, 8),
            });
      if (run.killed) tally.kills += 1;
      const after = inspect(dir, sandbox);
      expect(after.integrity, `seed ${SEED}, kill ${k}`).toBe('ok');
      expect(duplicateCreates(sandbox), `seed ${SEED}, kill ${k}`).toEqual([]);
      if (run.killed && sandbox.state.createLog.length > before) tally.midSync += 1;
      for (const email of after.unrecorded) tally.unrecordedAtKill.add(email);
      tally.orphanedAtKill += after.orphaned;
    }

    const final = await runKillable(cliArgs(dir));
    expect(final.code, `${final.stderr}${final.stdout}`).toBe(0);
    const counts = JSON.parse(final.stdout) as Record<string, number>;
    expect(counts).toMatchObject({ failed: 0, retrying: 0, pending: 0 });

    const end = inspect(dir, sandbox);
    const stats = sandbox.stats();
    console.info(
      `crash: seed ${SEED}; ${tally.kills} kills (${tally.midSync} mid-sync); ${tally.unrecordedAtKill.size} records Recruiterflow created that the killed process had not written down; ` +
        `${tally.orphanedAtKill} items in flight at the kills (summed); ${stats.requests} requests, ${stats.statuses['409'] ?? 0} 409s; ` +
        `creates ${sandbox.state.createLog.length} for ${N} contacts, duplicates ${duplicateCreates(sandbox).length}; final run ${JSON.stringify(counts)}`,
    );
    expect(tally.kills).toBeGreaterThanOrEqual(KILLS - 1);
    expect(tally.unrecordedAtKill.size).toBeGreaterThan(0); // the dangerous window was really hit
    expect(end).toEqual({ integrity: 'ok', unrecorded: [], orphaned: 0, synced: N });
    expect(duplicateCreates(sandbox)).toEqual([]);
    expect(sandbox.state.createLog).toHaveLength(N);
    for (const email of people(N)) expect(sandbox.state.findByEmail(email)?.jobs.map((j) => j.job_id)).toEqual([JOB]);
  }, 120_000);
});

describe('crash safety of updates', () => {
  it('a synced contact changed in Flowbridge is updated in Recruiterflow exactly as changed, whatever the kills', async () => {
    const M = 60;
    const updateSandbox = await startSandbox({ port: 0, faults: { latencyMs: 10 } });
    const t = openTestBackend();
    try {
      await t.call('connection:connect', { baseUrl: updateSandbox.url, apiKey: updateSandbox.apiKey });
      await t.call('contacts:import', { csv: contactsCsv(M, { title: (i) => `Old title ${i}` }) });
      await t.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
      const seq = await t.call('sequences:create', { name: 'Updates' });
      await t.call('sequences:add', { sequenceId: seq.id, emails: people(M) });
      expect(await t.call('sync:run', {})).toMatchObject({ created: M });
      // The re-import changes every title: each synced contact is queued for its update.
      await t.call('contacts:import', { csv: contactsCsv(M, { title: (i) => `New title ${i}` }) });
      await t.backend.close();
      const updates = () => updateSandbox.stats().byPath['/api/external/candidate/update'] ?? 0;
      let kills = 0;
      for (let k = 0; k < 4; k++) {
        const target = updates() + between(3, 12);
        const run = await runKillable(cliArgs(t.dataDir), { kind: 'when', when: () => updates() >= target, jitterMs: between(0, 10) });
        if (run.killed) kills += 1;
      }
      const final = await runKillable(cliArgs(t.dataDir));
      expect(final.code, `${final.stderr}${final.stdout}`).toBe(0);
      expect(JSON.parse(final.stdout)).toMatchObject({ failed: 0, retrying: 0, pending: 0, created: 0 });
      const end = inspect(t.dataDir, updateSandbox);
      console.info(`crash (updates): seed ${SEED}; ${kills} kills; ${updates()} updates sent for ${M} changed contacts`);
      expect(end).toMatchObject({ integrity: 'ok', orphaned: 0, synced: M });
      for (let i = 0; i < M; i++) expect(updateSandbox.state.findByEmail(`person${i}@example.test`)?.fields.title).toBe(`New title ${i}`);
      // A retried update reads first: at most the updates cut short by a kill are sent twice.
      expect(updates()).toBeGreaterThanOrEqual(M);
      expect(updates()).toBeLessThanOrEqual(M + kills);
      expect(updateSandbox.state.createLog).toHaveLength(M);
      // And the log is true: each contact's update is logged exactly once, a kill after the update included.
      const db = new Database(join(t.dataDir, 'flowbridge.db'), { readonly: true });
      const logged = db.prepare("select email, count(*) as n from sync_log where event = 'sync.updated' group by email").all() as {
        email: string;
        n: number;
      }[];
      db.close();
      const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
      expect(logged.sort(byEmail)).toEqual(
        people(M)
          .map((email) => ({ email, n: 1 }))
          .sort(byEmail),
      );
    } finally {
      await t.close();
      await updateSandbox.stop();
    }
  }, 120_000);
});
