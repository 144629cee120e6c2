// Crash safety: the real command line is killed with SIGKILL at random points while it imports a big
// CSV, enrolls thousands of contacts and syncs to the sandbox Recruiterflow, then started again. After
// every kill the database passes integrity_check; an import keeps whole rows in file order (it is written
// in batches, each its own transaction, so a million-row file never holds the database: a kill keeps the
// batches already written, and running the import again completes it); every enrollment call is
// all-or-nothing; and no email was ever created twice in Recruiterflow. A final clean run completes everything.
// Seeded: CRASH_SEED=<n> replays a run (the seed is in every assertion message).
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { mulberry32, startSandbox, type Sandbox } from '../../sandbox';
import { tempDir } from '../fixtures';
import { inspectAfterCrash, walSize, type Inspected } from './inspect';
import { cliOk, runCliProcess, type CliRun, type KillPlan } from './spawnCli';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = mulberry32(SEED);
const between = (lo: number, hi: number) => Math.floor(lo + random() * (hi - lo + 1));
const tag = `seed ${SEED}`;

const BASE = 20_000; // contacts in every import file
const FRESH = 400; // rows only attempt k's file has
const SLICE = 3_000; // emails per enrollment attempt
const SYNCED = 60; // contacts enrolled in the synced sequence
const baseEmail = (i: number) => `c${i}@crash.test`;

/** Tally for the closing table. */
export const crashTally = { kills: 0, midWrite: 0, attempts: 0, byPhase: {} as Record<string, number> };

function countKill(phase: string, run: CliRun, midWrite: boolean) {
  crashTally.attempts += 1;
  if (!run.killed) return;
  crashTally.kills += 1;
  if (midWrite) crashTally.midWrite += 1;
  crashTally.byPhase[phase] = (crashTally.byPhase[phase] ?? 0) + 1;
}

/** Size and mtime of the WAL: any change means a writer has started touching the database. */
function walSignature(dataDir: string): string {
  try {
    const s = statSync(join(dataDir, 'flowbridge.db-wal'));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** Half the kills wait for the write to start (the WAL changes) and strike a few ms later; half strike at a random time. */
function killPlan(dataDir: string, i: number, maxMs: number, maxJitterMs: number): { plan: KillPlan; walTouched: () => boolean } {
  const before = walSignature(dataDir);
  const walTouched = () => walSignature(dataDir) !== before;
  if (i % 2 === 0) return { plan: { kind: 'when', when: walTouched, jitterMs: between(0, maxJitterMs) }, walTouched };
  return { plan: { kind: 'after', ms: between(250, maxMs) }, walTouched };
}

function healthy(db: Inspected) {
  expect(db.integrity, tag).toBe('ok');
  expect(db.foreignKeyProblems, tag).toBe(0);
}

describe('crash safety: SIGKILL during import, enrollment and sync', () => {
  let sandbox: Sandbox;
  let dir: string;
  let bigSeq: string;
  let syncSeq: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = tempDir('flowbridge-crash-');
    if (process.env.CRASH_DEBUG) process.stdout.write(`crash data folder ${dir}\n`);
    // Set-up runs in-process: it is not what is under test.
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const cli = async (...argv: string[]) => {
      let out = '';
      const code = await runCli([...argv, '--data-dir', dir, '--json'], { ...io, stdout: (t) => (out += t) });
      if (code !== 0) throw new Error(`${argv.join(' ')}: ${out}`);
      return JSON.parse(out) as { id: string };
    };
    await cli('connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey);
    bigSeq = (await cli('sequences', 'create', '--name', 'Big')).id;
    syncSeq = (await cli('sequences', 'create', '--name', 'Synced')).id;
  });
  afterAll(async () => {
    await sandbox?.stop();
    // Some 15 MB of CSV files and database: kept only when debugging.
    if (dir && !process.env.CRASH_DEBUG) rmSync(dir, { recursive: true, force: true });
  });

  // Attempt k -> how many of its own new rows the database holds (they come last in its file).
  const freshRows = new Map<number, number>();

  function importFile(k: number): string {
    const lines = ['email,first_name,last_name,company,title,notes'];
    for (let i = 0; i < BASE; i += 1) lines.push(`${baseEmail(i)},First${i},Last${i},Company ${i % 50},v${k},"notes, ${i}"`);
    for (let j = 0; j < FRESH; j += 1) lines.push(`a${k}-${j}@crash.test,Fresh,Row${j},New Co,v${k},`);
    const file = join(dir, `import-${k}.csv`);
    writeFileSync(file, lines.join('\n'));
    return file;
  }

  /**
   * What the imports left: the version of each base row in file order (-1: not imported), checked to be
   * whole rows written in file order, so never newer further down the file; and each attempt's new rows,
   * a prefix of its list. Returns the versions.
   */
  function importedVersions(db: Inspected, attempts: number): number[] {
    const rows = db.query<{ email: string; first_name: string; notes: string | null; title: string }>(
      "select email, first_name, json_extract(extra, '$.notes') as notes, title from contacts where email like 'c%@crash.test'",
    );
    const versions = Array.from({ length: BASE }, () => -1);
    for (const r of rows) {
      const i = Number(r.email.slice(1, r.email.indexOf('@')));
      expect(`${r.first_name}|${r.notes}`, `${tag}: ${r.email} is a whole row`).toBe(`First${i}|notes, ${i}`);
      versions[i] = Number(r.title.slice(1));
    }
    for (let i = 1; i < BASE; i += 1) {
      if (versions[i]! > versions[i - 1]!)
        expect.fail(`${tag}: row ${i} holds v${versions[i]} below row ${i - 1}'s v${versions[i - 1]}: written out of order`);
    }
    for (let k = 0; k < attempts; k += 1) {
      const fresh = db.query<{ email: string }>('select email from contacts where email like ?', `a${k}-%@crash.test`).map((r) => r.email);
      const prefix = Array.from({ length: fresh.length }, (_, j) => `a${k}-${j}@crash.test`);
      expect(fresh.sort(), `${tag}: attempt ${k}'s new rows are a prefix of its file`).toEqual(prefix.sort());
      if (fresh.length > 0)
        expect(
          versions.every((v) => v >= k),
          `${tag}: attempt ${k}'s new rows come after its base rows`,
        ).toBe(true);
      freshRows.set(k, fresh.length);
    }
    return versions;
  }

  it('import: every kill keeps whole rows in file order, and running the import again completes it', async () => {
    let attempt = 0;
    let kills = 0;
    let midWrite = 0;
    while ((kills < 4 || midWrite < 1) && attempt < 12) {
      const k = attempt;
      const file = importFile(k);
      const { plan, walTouched } = killPlan(dir, k, 1_500, 60);
      const run = await runCliProcess(dir, ['contacts', 'import', file], plan);
      attempt += 1;
      const versions = inspectAfterCrash(dir, (db) => {
        healthy(db);
        return importedVersions(db, attempt);
      });
      if (!run.killed) expect(run.code, `${tag}: ${run.stderr}`).toBe(0);
      const complete = versions.every((v) => v === k) && freshRows.get(k) === FRESH;
      if (!run.killed) expect(complete, `${tag}: an import that was not killed wrote its whole file`).toBe(true);
      const mid = run.killed && !complete && walTouched();
      if (process.env.CRASH_DEBUG)
        process.stdout.write(
          `import ${k} ${plan.kind} killed=${run.killed} ms=${run.ms} v${k} rows=${versions.filter((v) => v === k).length} wal=${walTouched()}\n`,
        );
      countKill('import', run, mid);
      if (run.killed) kills += 1;
      if (mid) midWrite += 1;
    }
    expect(kills, tag).toBeGreaterThanOrEqual(4);
    expect(midWrite, `${tag}: at least one kill landed inside the import's writes`).toBeGreaterThanOrEqual(1);
    // Running the last killed file again completes it.
    const last = attempt - 1;
    const summary = await cliOk<{ imported: number; updated: number; rejected: unknown[] }>(dir, ['contacts', 'import', importFile(last)]);
    expect(summary.rejected).toEqual([]);
    expect(summary.imported + summary.updated).toBe(BASE + FRESH);
    inspectAfterCrash(dir, (db) => {
      expect(
        importedVersions(db, attempt).every((v) => v === last),
        `${tag}: every row at v${last}`,
      ).toBe(true);
      expect(freshRows.get(last)).toBe(FRESH);
    });
  }, 90_000);

  const slices: string[][] = [];
  const sliceEmails = (s: number) => Array.from({ length: SLICE }, (_, i) => baseEmail(SYNCED + s * SLICE + i));

  function enrolledPerSlice(db: Inspected): number[] {
    const enrolled = new Set(
      db.query<{ email: string }>('select email from enrollments where sequence_id = ?', Number(bigSeq)).map((r) => r.email),
    );
    return slices.map((slice) => slice.filter((e) => enrolled.has(e)).length);
  }

  it('enrollment: every kill leaves a whole batch enrolled, with its queue rows, or none of it', async () => {
    // First the synced sequence (its queue rows are due), then review-before-sync on for the big one
    // (its queue rows are held), so only the synced sequence's work goes to Recruiterflow.
    const syncEmails = Array.from({ length: SYNCED }, (_, i) => baseEmail(i));
    for (let i = 0; i < 2; i += 1) {
      const run = await runCliProcess(dir, ['sequences', 'add', syncSeq, '--emails', syncEmails.join(',')], {
        kind: 'after',
        ms: between(300, 1_300),
      });
      const n = inspectAfterCrash(dir, (db) => {
        healthy(db);
        return db.value<number>('select count(*) from enrollments where sequence_id = ?', Number(syncSeq));
      });
      expect([0, SYNCED], tag).toContain(n);
      countKill('enrollment', run, false);
    }
    await cliOk(dir, ['sequences', 'add', syncSeq, '--emails', syncEmails.join(',')]);
    await cliOk(dir, ['settings', 'set', '--review-before-sync', 'on']);

    let kills = 0;
    let midWrite = 0;
    for (let s = 0; (kills < 4 || midWrite < 1) && s < 6; s += 1) {
      slices.push(sliceEmails(s));
      // A timed kill within the add's process lifetime (about 800 ms here, most of it start-up): since the add
      // got faster, a kill drawn up to 1.1 s often came after it had finished, and a seed could miss the 4 kills.
      const { plan, walTouched } = killPlan(dir, s, 700, 20);
      const run = await runCliProcess(dir, ['sequences', 'add', bigSeq, '--emails', slices[s]!.join(',')], plan);
      const perSlice = inspectAfterCrash(dir, (db) => {
        healthy(db);
        const counts = enrolledPerSlice(db);
        const unqueued = db.value<number>(
          `select count(*) from enrollments e where e.sequence_id = ? and not exists
             (select 1 from sync_queue q where q.enrollment_id = e.id and q.state = 'review')`,
          Number(bigSeq),
        );
        expect(unqueued, `${tag}: every enrollment has its queue row, awaiting review`).toBe(0);
        return counts;
      });
      for (const n of perSlice) expect([0, SLICE], `${tag}: a batch is enrolled whole or not at all`).toContain(n);
      if (!run.killed) expect(run.code, `${tag}: ${run.stderr}`).toBe(0);
      const mid = run.killed && perSlice[s] === 0 && walTouched();
      if (process.env.CRASH_DEBUG)
        process.stdout.write(`enroll ${s} ${plan.kind} killed=${run.killed} ms=${run.ms} slice=${perSlice[s]} wal=${walTouched()}\n`);
      countKill('enrollment', run, mid);
      if (run.killed) kills += 1;
      if (mid) midWrite += 1;
    }
    expect(kills, tag).toBeGreaterThanOrEqual(4);
    expect(midWrite, `${tag}: at least one kill landed inside the enrollment's transaction`).toBeGreaterThanOrEqual(1);
    // A clean run enrolls every batch that a kill stopped; the ones already in are reported as such.
    const all = slices.flat();
    const csv = join(dir, 'enroll.csv');
    writeFileSync(csv, ['email', ...all].join('\n'));
    const summary = await cliOk<{ added: number; alreadyEnrolled: number }>(dir, ['sequences', 'add', bigSeq, '--file', csv]);
    expect(summary.added + summary.alreadyEnrolled).toBe(all.length);
    inspectAfterCrash(dir, (db) => expect(enrolledPerSlice(db)).toEqual(slices.map(() => SLICE)));
  }, 90_000);

  function createdTwice(): string[] {
    const seen = new Map<string, number>();
    for (const entry of sandbox.state.createLog) seen.set(entry.email.toLowerCase(), (seen.get(entry.email.toLowerCase()) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([email]) => email);
  }

  it('sync: kills right after Recruiterflow created a record never lead to a second create', async () => {
    let kills = 0;
    for (let i = 0; kills < 4 && i < 8; i += 1) {
      const before = sandbox.state.createLog.length;
      const remaining = SYNCED - sandbox.state.createLog.filter((e) => e.email.endsWith('@crash.test')).length;
      if (remaining < 4) break;
      const threshold = before + between(1, Math.max(1, Math.floor(remaining / 3)));
      const plan: KillPlan =
        i % 3 === 2
          ? { kind: 'after', ms: between(400, 1_600) }
          : { kind: 'when', when: () => sandbox.state.createLog.length >= threshold, jitterMs: between(0, 15) };
      // The next run reclaims a dead process's leases at once; wait until the killed one is reaped so
      // that it is dead, not a zombie, when the next run looks (see spawnCli.ts).
      const run = await runCliProcess(dir, ['sync', 'run'], plan, { awaitReaped: true });
      if (process.env.CRASH_DEBUG)
        process.stdout.write(
          `sync ${i} ${plan.kind} killed=${run.killed} ms=${run.ms} reap=${run.reapWaitMs} creates=${sandbox.state.createLog.length - before}\n`,
        );
      if (!run.killed) expect(run.code, `${tag}: ${run.stderr}`).toBe(0);
      countKill('sync', run, run.killed && sandbox.state.createLog.length > before);
      if (run.killed) kills += 1;
      expect(createdTwice(), `${tag}: no email created twice`).toEqual([]);
      inspectAfterCrash(dir, (db) => {
        healthy(db);
        const states = db.query<{ state: string; n: number }>(
          'select state, count(*) as n from enrollments where sequence_id = ? group by state',
          Number(syncSeq),
        );
        expect(
          states.reduce((n, s) => n + s.n, 0),
          `${tag}: no enrollment lost`,
        ).toBe(SYNCED);
        for (const s of states) expect(['queued', 'retrying', 'synced'], tag).toContain(s.state);
        const stranded = db.value<number>(
          `select count(*) from enrollments e where e.sequence_id = ? and e.state != 'synced' and not exists
             (select 1 from sync_queue q where q.enrollment_id = e.id and q.state in ('pending', 'backoff', 'in_flight'))`,
          Number(syncSeq),
        );
        expect(stranded, `${tag}: every unsynced enrollment still has its queue work`).toBe(0);
      });
    }
    expect(kills, tag).toBeGreaterThanOrEqual(4);
  }, 90_000);

  it('then a clean run completes everything: all synced, each email created exactly once', async () => {
    const counts = await cliOk<{ failed: number; retrying: number; pending: number }>(dir, ['sync', 'run', '--wait', '20']);
    // What is left is the big sequence's work, held for review by design.
    expect(counts, tag).toMatchObject({ failed: 0, retrying: 0, pending: slices.length * SLICE });
    expect(createdTwice(), tag).toEqual([]);
    const created = new Set(sandbox.state.createLog.map((e) => e.email.toLowerCase()));
    for (let i = 0; i < SYNCED; i += 1) expect(created.has(baseEmail(i)), `${tag}: ${baseEmail(i)} is in Recruiterflow`).toBe(true);
    const status = await cliOk<{ states: Record<string, number>; queue: { due: number; review: number; held: number } }>(dir, ['status']);
    expect(status.states.synced).toBe(SYNCED);
    expect((status.states.failed ?? 0) + (status.states.retrying ?? 0)).toBe(0);
    expect(status.queue).toMatchObject({ due: 0, review: slices.length * SLICE, held: 0 });
    inspectAfterCrash(dir, (db) => {
      healthy(db);
      expect(db.value<number>("select count(*) from contacts where email like '%@crash.test'")).toBe(
        BASE + [...freshRows.values()].reduce((a, b) => a + b, 0),
      );
      expect(db.value<number>('select count(*) from enrollments e where e.sequence_id = ? and e.rf_id is null', Number(syncSeq))).toBe(0);
    });
    expect(walSize(dir)).toBe(0);
    expect(crashTally.kills).toBeGreaterThanOrEqual(12);
    process.stdout.write(
      `crash safety (${tag}): ${crashTally.kills} SIGKILLs survived (${JSON.stringify(crashTally.byPhase)}), ${crashTally.midWrite} inside a write, ${crashTally.attempts} attempts, nothing lost\n`,
    );
  }, 60_000);
});
