// Crash safety of the follow-up update: a re-import that changes synced contacts is killed with SIGKILL
// mid-file. Every synced contact whose new row was committed is queued for its update in the same
// transaction (running the import again would find its row unchanged and queue nothing), and the ones
// after the kill are not; the import run again and a sync then bring every record up to date, each with
// one update. That sync is itself killed, each time just after Recruiterflow applied an update and before
// its answer came back: every update is still sent once and logged once, with its old and new value.
// Seeded: CRASH_SEED=<n> replays a run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32, startSandbox, type Sandbox } from '../../sandbox';
import { openTestBackend, type TestBackend } from '../fixtures';
import { runCliProcess } from './spawnCli';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = mulberry32(SEED);
const ROWS = 20_000;
const SYNCED = 60;
/** Synced contact i sits at row i * SPREAD of the file, so the import's batches reach them one after another. */
const SPREAD = 300;
/** Kills of the sync that sends the updates. */
const KILLS = 4;
const synced = (i: number) => `s${i}@reimport.test`;

let sandbox: Sandbox | null = null;
let setup: TestBackend | null = null;
afterAll(async () => {
  await setup?.close();
  await sandbox?.stop();
});

describe('crash safety of the update of a re-imported contact', () => {
  it(`a re-import killed mid-file loses no update and queues none twice (seed ${SEED})`, async () => {
    sandbox = await startSandbox({ port: 0 });
    setup = openTestBackend();
    await setup.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const old = ['email,first_name,title', ...Array.from({ length: SYNCED }, (_, i) => `${synced(i)},S${i},Old ${i}`)].join('\n');
    await setup.call('contacts:import', { csv: old });
    await setup.call('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
    const seq = await setup.call('sequences:create', { name: 'Synced' });
    await setup.call('sequences:add', { sequenceId: seq.id, emails: Array.from({ length: SYNCED }, (_, i) => synced(i)) });
    expect(await setup.call('sync:run', {})).toMatchObject({ created: SYNCED });
    await setup.backend.close();
    const dir = setup.dataDir;

    const lines = ['email,first_name,title'];
    for (let r = 0; r < ROWS; r++) {
      const i = r / SPREAD;
      lines.push(Number.isInteger(i) && i < SYNCED ? `${synced(i)},S${i},New ${i}` : `f${r}@reimport.test,F${r},Fresh`);
    }
    const file = join(dir, 'reimport.csv');
    writeFileSync(file, lines.join('\n'));

    const db = new Database(join(dir, 'flowbridge.db'), { readonly: true });
    const fresh = db.prepare("select count(*) from contacts where email like 'f%@reimport.test'").pluck();
    const stop = Math.floor(4_000 + random() * 8_000);
    const run = await runCliProcess(dir, ['contacts', 'import', file], {
      kind: 'when',
      when: () => (fresh.get() as number) >= stop,
      jitterMs: Math.floor(random() * 20),
    });
    const rows = db
      .prepare(
        `select c.title, e.state, (select count(*) from sync_queue q where q.enrollment_id = e.id
           and q.state in ('pending', 'review', 'held', 'in_flight', 'backoff')) as live
         from contacts c join enrollments e on e.contact_id = c.id where c.email like 's%@reimport.test'`,
      )
      .all() as { title: string; state: string; live: number }[];
    db.close();
    const changed = rows.filter((r) => r.title.startsWith('New'));
    console.info(
      `crash (re-import): seed ${SEED}; killed ${run.killed}; ${changed.length} of ${SYNCED} synced contacts changed before the kill`,
    );
    expect(changed.length, `seed ${SEED}`).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.title.startsWith('New')) expect(r, `seed ${SEED}`).toMatchObject({ state: 'queued', live: 1 });
      else expect(r, `seed ${SEED}`).toMatchObject({ state: 'synced', live: 0 });
    }

    const again = await runCliProcess(dir, ['contacts', 'import', file]);
    expect(again.code, again.stderr).toBe(0);
    // Kill the sync each time an update has been applied in Recruiterflow but before its answer arrives:
    // the process dies between the change and its log line.
    sandbox.setFaults({ updateAnswerDelayMs: 400 });
    const updates = () => sandbox!.stats().byPath['/api/external/candidate/update'] ?? 0;
    let kills = 0;
    for (let k = 0; k < KILLS && updates() < SYNCED; k++) {
      const before = updates();
      const cut = await runCliProcess(
        dir,
        ['sync', 'run', '--wait', '30'],
        {
          kind: 'when',
          when: () => updates() > before,
          jitterMs: Math.floor(random() * 100),
        },
        { awaitReaped: true },
      );
      if (cut.killed) kills += 1;
    }
    sandbox.setFaults({});
    const sync = await runCliProcess(dir, ['sync', 'run', '--wait', '30']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ failed: 0, retrying: 0, pending: 0, created: 0, linked: 0 });
    console.info(`crash (update): seed ${SEED}; the sync was killed ${kills} times between an update and its answer`);
    expect(kills, `seed ${SEED}`).toBeGreaterThan(0);
    for (let i = 0; i < SYNCED; i++) expect(sandbox.state.findByEmail(synced(i))?.fields.title, `seed ${SEED}`).toBe(`New ${i}`);
    expect(updates()).toBe(SYNCED);

    // The log is true: each contact's update logged exactly once, with the title's old and new value.
    const log = new Database(join(dir, 'flowbridge.db'), { readonly: true });
    const logged = log
      .prepare(
        `select l.email, count(distinct l.id) as lines, group_concat(f.old_value || ' -> ' || f.new_value) as change
         from sync_log l left join rf_field_changes f on f.log_id = l.id where l.event = 'sync.updated' group by l.email`,
      )
      .all() as { email: string; lines: number; change: string }[];
    const pendingLeft = log.prepare('select count(*) from rf_pending_updates').pluck().get() as number;
    log.close();
    expect(logged, `seed ${SEED}`).toHaveLength(SYNCED);
    for (const l of logged) {
      const i = Number(/^s(\d+)@/.exec(l.email)?.[1]);
      expect(l, `seed ${SEED}`).toEqual({ email: synced(i), lines: 1, change: `Old ${i} -> New ${i}` });
    }
    expect(pendingLeft).toBe(0);
  }, 180_000);
});
