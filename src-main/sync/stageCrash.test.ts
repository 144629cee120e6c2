// Issue 14 (crash): the sync is killed with SIGKILL while it moves candidates to their stage, and again
// while it moves replying candidates to the reply stage; then run to the end. Every candidate ends in its
// stage and no candidate is moved twice to one stage: each move reads the record first. Half the runs hold
// every answer back (syncChild.ts), so kills land after Recruiterflow moved a candidate and before the
// outcome was written; each move is still logged exactly once. Seeded: SYNC_CRASH_SEED=<n> replays a run.
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
const N = 40;
const JOB = 105;
const KILLS = 3;

const cliArgs = (dir: string) => ['--import', 'tsx', 'src-main/cli/main.ts', 'sync', 'run', '--wait', '30', '--data-dir', dir, '--json'];
const childArgs = (dir: string, holdMs: number) => ['--import', 'tsx', 'src-main/testing/syncChild.ts', dir, String(holdMs), '30'];

/** Moves per (candidate, stage): more than one is a stage moved twice. */
function repeatedMoves(sandbox: Sandbox): string[] {
  const seen = new Map<string, number>();
  for (const m of sandbox.state.stageMoves) seen.set(`${m.id}:${m.stageName}`, (seen.get(`${m.id}:${m.stageName}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

function integrity(dataDir: string): string {
  const db = new Database(join(dataDir, 'flowbridge.db'));
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

async function killWhileMoving(dir: string, sandbox: Sandbox, phase: string): Promise<number> {
  let kills = 0;
  for (let k = 0; k < KILLS; k++) {
    const target = sandbox.state.stageMoves.length + between(1, 8);
    const args = k % 2 === 0 ? cliArgs(dir) : childArgs(dir, between(15, 40));
    const run = await runKillable(args, { kind: 'when', when: () => sandbox.state.stageMoves.length >= target, jitterMs: between(0, 10) });
    if (run.killed) kills += 1;
    expect(integrity(dir), `seed ${SEED}, ${phase} kill ${k}`).toBe('ok');
    expect(repeatedMoves(sandbox), `seed ${SEED}, ${phase} kill ${k}`).toEqual([]);
  }
  const final = await runKillable(cliArgs(dir));
  expect(final.code, `${final.stderr}${final.stdout}`).toBe(0);
  expect(JSON.parse(final.stdout)).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
  return kills;
}

let setup: TestBackend | null = null;
let sandbox: Sandbox | null = null;
afterAll(async () => {
  await setup?.close();
  await sandbox?.stop();
});

describe('crash safety of stage moves', () => {
  it(`SIGKILLs while moving to the stage and to the reply stage: every candidate moved once to each (seed ${SEED})`, async () => {
    sandbox = await startSandbox({ port: 0, faults: { latencyMs: 15 } });
    setup = openTestBackend();
    await setup.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    await setup.call('contacts:import', { csv: contactsCsv(N) });
    const seq = await setup.call('sequences:create', { name: 'Crashy stages', jobId: JOB });
    await setup.call('stages:setSequence', { id: seq.id, stage: 'Phone Screen', replyStage: 'Interview' });
    await setup.call('sequences:add', { sequenceId: seq.id, emails: people(N) });
    await setup.backend.close(); // the children own the data folder from here on
    const dir = setup.dataDir;

    let kills = await killWhileMoving(dir, sandbox, 'stage');
    for (const email of people(N)) expect(sandbox.state.findByEmail(email)?.jobs[0]?.stage_name).toBe('Phone Screen');

    // Replies recorded (the children are done), then the reply-stage moves are killed the same way.
    const replies = openTestBackend({ dataDir: dir });
    for (const email of people(N)) await replies.call('replies:record', { email });
    await replies.backend.close();
    kills += await killWhileMoving(dir, sandbox, 'reply stage');

    console.info(`stage crash: seed ${SEED}; ${kills} kills; ${sandbox.state.stageMoves.length} moves for ${N} candidates x 2`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(repeatedMoves(sandbox)).toEqual([]);
    expect(duplicateCreates(sandbox)).toEqual([]);
    expect(sandbox.state.stageMoves).toHaveLength(2 * N);
    for (const email of people(N)) expect(sandbox.state.findByEmail(email)?.jobs[0]?.stage_name).toBe('Interview');
    // And the log is true: each move logged exactly once, a kill between the move and its log line included.
    const db = new Database(join(dir, 'flowbridge.db'), { readonly: true });
    const logged = db.prepare("select email, message from sync_log where event = 'sync.stage'").all() as {
      email: string;
      message: string;
    }[];
    db.close();
    const lines = logged.map((l) => `${l.email} ${/"([^"]+)"/.exec(l.message)?.[1] ?? '?'}`).sort();
    const expected = people(N)
      .flatMap((email) => [`${email} Phone Screen`, `${email} Interview`])
      .sort();
    expect(lines, `seed ${SEED}`).toEqual(expected);
  }, 180_000);
});
