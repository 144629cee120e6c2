// Migrations are tested against old data (an upgrade must keep every user's data). Two kinds of old database:
// 1. The FIRST schema (only migration 0000) holding a recruiter's real data: users, a connection,
//    settings, mapping rules, contacts with extra fields, sequences, enrollments in every state, queue
//    rows, Recruiterflow links and caches, the sync log. Opened by the current app, it is upgraded through
//    every later migration, backed up first when anything is applied, and every row is still there and
//    still reads the same through the app's channels. The rows are written in SQL of the first schema,
//    which never changes (committed migrations are immutable), so this test stays valid forever.
// 2. Each step N-1 → N: a database at N-1 filled with generated rows in every table, upgraded to N, keeps
//    every row and every value of every column that N still has.
// With a single migration, (1) proves the populated first-schema file opens with the current app and
// keeps every row; (2) starts to run as soon as there is a second migration.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../cli/run';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../backend/paths';
import { openTestBackend, tempDir } from '../testing/fixtures';
import { newestBackup, openDatabase, type Sqlite } from './open';

// MIGRATIONS_DIR points the test at another drizzle/ folder, e.g. to rehearse a migration before committing it.
const migrationsDir = process.env.MIGRATIONS_DIR ?? defaultMigrationsDir();

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}
interface Journal {
  entries: JournalEntry[];
  [key: string]: unknown;
}

const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A copy of drizzle/ that knows only the first `count` migrations: what an older app shipped. */
function migrationsUpTo(count: number): string {
  const dir = join(tempDir('flowbridge-migrations-'), 'drizzle');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  for (const entry of entries) {
    copyFileSync(join(migrationsDir, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
    const snapshot = join(migrationsDir, 'meta', `${String(entry.idx).padStart(4, '0')}_snapshot.json`);
    if (existsSync(snapshot)) copyFileSync(snapshot, join(dir, 'meta', `${String(entry.idx).padStart(4, '0')}_snapshot.json`));
  }
  return dir;
}

const T0 = 1_790_000_000_000;

/** A recruiter's data, in the SQL of the first schema (drizzle/0000_init.sql). */
function fillFirstSchema(sqlite: Sqlite): void {
  sqlite.exec(`
    insert into users (id, email, name, role, group_name, integration, is_current, created_at) values
      (1, 'owner@agency.example', 'Olga Owner', 'owner', null, 'none', 1, ${T0}),
      (2, 'max@agency.example', 'Max Manager', 'manager', 'Berlin', 'recruiterflow', 0, ${T0 + 1}),
      (3, 'mia@agency.example', 'Mia Member', 'member', 'Lisbon', 'other', 0, ${T0 + 2});
    insert into connections (user_id, base_url, status, sandbox, connected_at, checked_at) values
      (1, 'https://api.recruiterflow.com', 'connected', 0, ${T0 + 10}, ${T0 + 20});
    insert into settings (user_id, sync_mode, sync_as, dedup, default_job_id, review_before_sync, mapping_version) values
      (1, 'on-reply', 'contact', 1, 42, 1, 3),
      (2, 'on-add', 'candidate', 0, null, 0, 1),
      (3, 'off', 'candidate', 0, null, 0, 1);
    insert into mapping_rules (user_id, version, position, source, target) values
      (1, 2, 0, 'Seniority', 'custom:7'),
      (1, 3, 0, 'Seniority', 'custom:7'),
      (1, 3, 1, 'company', 'organization');
    insert into contacts (id, email, first_name, last_name, title, company, phone, linkedin_url, location, extra, created_at, updated_at) values
      (1, 'ann@acme.example', 'Ann', 'Lee', 'CTO', 'Acme', '+1 555 0100', 'https://www.linkedin.com/in/ann', 'Berlin', '{"Seniority":"Senior"}', ${T0}, ${T0 + 5}),
      (2, 'ben@globex.example', 'Ben', 'Ode', 'Engineer', 'Globex', '', '', '', '{}', ${T0}, ${T0}),
      (3, 'cy@initech.example', 'Cy', 'Røed', 'Designer', 'Initech', '', '', 'Oslo', '{"notes":"likes \\"quotes\\", commas"}', ${T0}, ${T0}),
      (4, 'dee@hooli.example', 'Dee', 'Ng', '', 'Hooli', '', '', '', '{}', ${T0}, ${T0});
    insert into sequences (id, owner_user_id, name, sync_mode, sync_as, job_id, disable_sync, created_at) values
      (1, 1, 'Senior backend', null, null, null, 0, ${T0}),
      (2, 1, 'Designers (on reply)', 'on-reply', 'contact', 42, 0, ${T0 + 1}),
      (3, 2, 'Paused', 'off', null, null, 1, ${T0 + 2});
    insert into enrollments (id, contact_id, email, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id, cap_mapping_version,
        cap_disabled, cap_dedup, dedup_checked, dedup_cleared, awaiting_reply, create_started_at, state, error, error_code, first_error_at,
        last_attempt_at, attempts, replied_at, rf_id, synced_at) values
      (1, 1, 'ann@acme.example', 1, 1, ${T0 + 100}, 'on-add', 'candidate', 42, 3, 0, 1, 1, 0, 0, ${T0 + 110}, 'synced', null, null, null, ${T0 + 110}, 1, null, 2001, ${T0 + 111}),
      (2, 2, 'ben@globex.example', 1, 1, ${T0 + 100}, 'on-add', 'candidate', 42, 3, 0, 1, 1, 0, 0, null, 'queued', null, null, null, null, 0, null, null, null),
      (3, 3, 'cy@initech.example', 1, 1, ${T0 + 100}, 'on-add', 'candidate', 42, 3, 0, 1, 1, 0, 0, null, 'failed', 'Seniority: "Sr" is not an option', 'invalid_data', ${T0 + 120}, ${T0 + 120}, 5, null, null, null),
      (4, 4, 'dee@hooli.example', 1, 1, ${T0 + 100}, 'on-add', 'candidate', 42, 3, 0, 1, 1, 0, 0, null, 'retrying', '503 from Recruiterflow', 'network', ${T0 + 130}, ${T0 + 130}, 2, null, null, null),
      (5, 1, 'ann@acme.example', 2, 1, ${T0 + 200}, 'on-reply', 'contact', 42, 3, 0, 1, 1, 0, 1, null, 'not_synced', null, null, null, null, 0, null, null, null),
      (6, 2, 'ben@globex.example', 2, 1, ${T0 + 200}, 'on-reply', 'contact', 42, 3, 0, 1, 1, 0, 0, null, 'flagged', 'Exists in Recruiterflow', 'exists_in_recruiterflow', ${T0 + 200}, null, 0, ${T0 + 300}, null, null),
      (7, 3, 'cy@initech.example', 3, 2, ${T0 + 300}, 'off', 'candidate', null, 1, 1, 0, 0, 0, 0, null, 'sync_disabled', null, null, null, null, 0, null, null, null);
    insert into sync_queue (id, enrollment_id, state, attempts, next_attempt_at, last_error, lease_owner, lease_until, created_at, updated_at) values
      (1, 1, 'done', 1, ${T0 + 100}, null, null, null, ${T0 + 100}, ${T0 + 111}),
      (2, 2, 'held', 0, ${T0 + 100}, null, null, null, ${T0 + 100}, ${T0 + 100}),
      (3, 3, 'failed', 5, ${T0 + 120}, 'Seniority: "Sr" is not an option', null, null, ${T0 + 100}, ${T0 + 120}),
      (4, 4, 'backoff', 2, ${T0 + 9_000_000}, '503 from Recruiterflow', null, null, ${T0 + 100}, ${T0 + 130});
    insert into rf_links (base_url, email, rf_id, rf_type, linked_at, created) values
      ('https://api.recruiterflow.com', 'ann@acme.example', 2001, 'candidate', ${T0 + 111}, 1),
      ('https://api.recruiterflow.com', 'ben@globex.example', 1500, 'contact', ${T0 + 200}, 0);
    insert into rf_jobs (base_url, id, name, is_open, fetched_at) values ('https://api.recruiterflow.com', 42, 'Staff Engineer', 1, ${T0});
    insert into rf_custom_fields (base_url, object, id, name, type, choices, fetched_at) values
      ('https://api.recruiterflow.com', 'candidate', 7, 'Seniority', 'dropdown', '[{"id":1,"name":"Senior"}]', ${T0});
    insert into rf_job_assignments (base_url, rf_id, job_id, assigned_at) values ('https://api.recruiterflow.com', 2001, 42, ${T0 + 112});
    insert into rf_users (base_url, id, email, name, fetched_at) values ('https://api.recruiterflow.com', 9, 'olga@agency.example', 'Olga', ${T0});
    insert into sync_log (at, level, event, message, enrollment_id, email) values
      (${T0 + 111}, 'info', 'sync.created', 'Created candidate #2001', 1, 'ann@acme.example'),
      (${T0 + 120}, 'error', 'sync.failed', 'Seniority: "Sr" is not an option', 3, 'cy@initech.example');
    insert into meta (key, value) values ('demo', 'loaded'), ('metadata.baseUrl', 'https://api.recruiterflow.com');
  `);
}

/** Ordinary tables: not virtual ones (the FTS5 index) nor their shadow tables, which SQLite writes itself. */
function tables(sqlite: Sqlite): string[] {
  return sqlite
    .prepare(
      "select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations' order by name",
    )
    .pluck()
    .all() as string[];
}

function columns(sqlite: Sqlite, table: string): string[] {
  return (sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * The one change to old rows that is meant: 0002 moved on-reply enrollments still waiting for their reply
 * from `not_synced` to a state of their own, `awaiting_reply` (checked by name below). Compared as before.
 */
const INTENDED_STATE_CHANGE = `case "state" when 'awaiting_reply' then 'not_synced' else "state" end`;

/** Every row of every table, restricted to the columns the newer schema still has, in a stable order. */
function contents(sqlite: Sqlite, keep: (table: string) => string[] | null): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables(sqlite)) {
    const cols = keep(table);
    if (!cols) continue;
    const list = cols.map((c) => (table === 'enrollments' && c === 'state' ? INTENDED_STATE_CHANGE : `"${c}"`)).join(', ');
    out[table] = sqlite.prepare(`select ${list} from "${table}" order by ${list}`).raw().all();
  }
  return out;
}

function upgradeKeepsEverything(oldCount: number, fill: (sqlite: Sqlite) => void) {
  const dir = tempDir();
  const file = join(dir, 'flowbridge.db');
  const old = openDatabase(file, { migrationsDir: migrationsUpTo(oldCount) });
  fill(old.sqlite);
  old.sqlite.close();

  const before = new Database(file, { readonly: true });
  const oldColumns = Object.fromEntries(tables(before).map((t) => [t, columns(before, t)]));
  before.close();

  const upgraded = openDatabase(file, { migrationsDir });
  try {
    const newColumns = Object.fromEntries(tables(upgraded.sqlite).map((t) => [t, columns(upgraded.sqlite, t)]));
    // Tables both schemas have, with the columns both have (a new table or column has no old data to keep).
    const shared = (table: string) =>
      newColumns[table] && oldColumns[table] ? oldColumns[table].filter((c) => newColumns[table]!.includes(c)) : null;
    const reopenedOld = new Database(upgraded.backupPath ?? file, { readonly: true });
    const expected = contents(reopenedOld, shared);
    reopenedOld.close();
    expect(contents(upgraded.sqlite, shared)).toEqual(expected);
    for (const table of Object.keys(oldColumns)) expect(newColumns[table], `table ${table} was dropped`).toBeDefined();
    expect(upgraded.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Something was applied, so there must be a backup of the file as it was; nothing applied, none.
    if (oldCount < journal.entries.length) expect(upgraded.backupPath && existsSync(upgraded.backupPath)).toBeTruthy();
    else expect(upgraded.backupPath).toBeNull();
  } finally {
    upgraded.sqlite.close();
  }
  return dir;
}

/** Rows for every table, whatever its columns: integers, text, FKs pointing at existing parents. */
function fillGenerated(sqlite: Sqlite, rowsPerTable = 3): void {
  const order: string[] = [];
  const pending = new Set(tables(sqlite));
  const parents = (t: string) => (sqlite.prepare(`pragma foreign_key_list("${t}")`).all() as { table: string }[]).map((f) => f.table);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => parents(t).every((p) => p === t || !pending.has(p)));
    if (ready.length === 0) throw new Error(`Foreign-key cycle among ${[...pending].join(', ')}`);
    for (const t of ready) {
      order.push(t);
      pending.delete(t);
    }
  }
  for (const table of order) {
    const info = sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    const fks = sqlite.prepare(`pragma foreign_key_list("${table}")`).all() as { from: string }[];
    for (let i = 1; i <= rowsPerTable; i += 1) {
      const values = info.map((c) => {
        if (fks.some((f) => f.from === c.name) || (c.pk && /int/i.test(c.type))) return i;
        return /int/i.test(c.type) ? i * 10 : `${table}.${c.name}.${i}`;
      });
      sqlite
        .prepare(`insert into "${table}" (${info.map((c) => `"${c.name}"`).join(', ')}) values (${info.map(() => '?').join(', ')})`)
        .run(...values);
    }
  }
}

describe('migrations against old data', () => {
  it('upgrades a first-schema database full of real data to the latest schema without losing a row', async () => {
    const dir = upgradeKeepsEverything(1, fillFirstSchema);
    // …and the current app reads that data as the recruiter left it.
    const t = openTestBackend({ dataDir: dir });
    try {
      expect(await t.call('users:list', {})).toEqual([
        expect.objectContaining({ email: 'owner@agency.example', role: 'owner', current: true }),
        expect.objectContaining({ email: 'max@agency.example', role: 'manager', group: 'Berlin', integration: 'recruiterflow' }),
        expect.objectContaining({ email: 'mia@agency.example', role: 'member', group: 'Lisbon', integration: 'other' }),
      ]);
      expect(await t.call('settings:get', {})).toMatchObject({
        syncMode: 'on-reply',
        syncAs: 'contact',
        dedup: true,
        defaultJobId: 42,
        reviewBeforeSync: true,
        connected: true,
      });
      expect(await t.call('mapping:get', {})).toEqual({
        version: 3,
        rules: [
          { source: 'Seniority', target: 'custom:7' },
          { source: 'company', target: 'organization' },
        ],
        required: [],
      });
      expect((await t.call('contacts:list', {})).total).toBe(4);
      const ann = await t.call('contacts:get', { email: 'ann@acme.example' });
      expect(ann.fields).toMatchObject({ first_name: 'Ann', company: 'Acme', Seniority: 'Senior', location: 'Berlin' });
      expect(ann.enrollments.map((e) => [e.sequenceId, e.state, e.recruiterflowId])).toEqual(
        expect.arrayContaining([
          ['1', 'synced', 2001],
          ['2', 'awaiting_reply', null],
        ]),
      );
      const sequences = await t.call('sequences:list', {});
      expect(sequences.map((s) => [s.name, s.total])).toEqual([
        ['Senior backend', 4],
        ['Designers (on reply)', 2],
        ['Paused', 1],
      ]);
      expect(sequences[0]!.counts).toMatchObject({ synced: 1, queued: 1, failed: 1, retrying: 1 });
      const errors = await t.call('errors:list', {});
      expect(errors.rows.map((r) => [r.email, r.state, r.error])).toEqual(
        expect.arrayContaining([
          ['cy@initech.example', 'failed', 'Seniority: "Sr" is not an option'],
          ['dee@hooli.example', 'retrying', '503 from Recruiterflow'],
          ['ben@globex.example', 'flagged', 'Exists in Recruiterflow'],
        ]),
      );
      expect((await t.call('queue:list', {})).rows.map((q) => [q.email, q.state])).toEqual(
        expect.arrayContaining([
          ['ben@globex.example', 'held'],
          ['dee@hooli.example', 'backoff'],
        ]),
      );
      expect(await t.call('jobs:list', {})).toEqual([{ client: '', location: '', id: 42, name: 'Staff Engineer', isOpen: true }]);
      expect((await t.call('log:list', {})).total).toBe(2);
      expect((await t.call('app:info', {})).demo).toBe(true);
    } finally {
      await t.close();
    }
  });

  const steps = journal.entries.slice(1).map((entry, i) => [i + 1, entry.tag] as const);
  it.skipIf(steps.length === 0).each(steps)('step to migration %i (%s) keeps every row of the schema before it', (oldCount) => {
    upgradeKeepsEverything(oldCount, (sqlite) => fillGenerated(sqlite));
  });

  it('the generated rows fill every table of the latest schema too (the filler works)', () => {
    const file = join(tempDir(), 'flowbridge.db');
    const { sqlite } = openDatabase(file, { migrationsDir });
    fillGenerated(sqlite);
    for (const table of tables(sqlite)) expect(sqlite.prepare(`select count(*) from "${table}"`).pluck().get(), table).toBeGreaterThan(0);
    sqlite.close();
  });

  it('a damaged file is refused with a clear message that offers the newest pre-migration backup', async () => {
    // An upgrade leaves a backup; then the file is damaged.
    const dir = tempDir();
    const file = join(dir, 'flowbridge.db');
    const old = openDatabase(file, { migrationsDir: migrationsUpTo(1) });
    fillFirstSchema(old.sqlite);
    old.sqlite.close();
    writeFileSync(`${file}.backup-2000-01-01T00-00-00-000Z`, readFileSync(file));
    writeFileSync(`${file}.backup-2030-01-01T00-00-00-000Z`, readFileSync(file));
    expect(newestBackup(file)).toBe(`${file}.backup-2030-01-01T00-00-00-000Z`);
    const bytes = readFileSync(file);
    bytes.fill(0x42, 100, 4096 * 3);
    writeFileSync(file, bytes);
    expect(() => openDatabase(file, { migrationsDir })).toThrow(`restore the newest backup: ${file}.backup-2030-01-01T00-00-00-000Z`);
    // The command line says it in one line, and the backup is a healthy database with the data.
    let stdout = '';
    let stderr = '';
    const code = await runCli(['status', '--json', '--data-dir', dir], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('is damaged');
    expect(JSON.parse(stdout).error.message).toContain('backup-2030');
    const backup = new Database(`${file}.backup-2030-01-01T00-00-00-000Z`, { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('select count(*) from contacts').pluck().get()).toBe(4);
    backup.close();
  });
});
