import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../backend/paths';
import { tempDir } from '../testing/fixtures';
import { runCli } from '../cli/run';
import { BACKUPS_KEPT, openDatabase, PAGE_SIZE } from './open';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The app's migrations plus one more (`sql`), as a newer version would ship them. */
function newerMigrations(dir: string, sql: string): string {
  const newer = join(dir, 'drizzle');
  cpSync(defaultMigrationsDir(), newer, { recursive: true });
  const journalPath = join(newer, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string; when: number }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_test_upgrade', when: last.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(newer, '9999_test_upgrade.sql'), sql);
  return newer;
}

const migrationsDir = defaultMigrationsDir();

describe('opening the database', () => {
  it('applies the migrations to an empty file, with WAL, foreign keys and a busy timeout', () => {
    const file = join(tempDir(), 'flowbridge.db');
    const { sqlite } = openDatabase(file, { migrationsDir });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'contacts', 'sequences', 'enrollments', 'sync_queue', 'rf_links', 'sync_log']));
    sqlite.close();
  });

  it('creates a new database with 16 KB pages, and opens one made with 4 KB pages as it is, data and all', () => {
    const fresh = openDatabase(join(tempDir(), 'flowbridge.db'), { migrationsDir });
    expect(fresh.sqlite.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    fresh.sqlite.close();

    // A database an earlier version made (SQLite's default pages), with a contact in it.
    const file = join(tempDir(), 'flowbridge.db');
    const older = openDatabase(file, { migrationsDir });
    older.sqlite.close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('page_size = 4096');
    raw.exec('vacuum');
    raw.prepare("insert into contacts (email, created_at, updated_at) values ('kept@b.co', 1, 1)").run();
    raw.close();
    const reopened = openDatabase(file, { migrationsDir });
    expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.sqlite.prepare('select email from contacts').pluck().all()).toEqual(['kept@b.co']);
    reopened.sqlite.close();
  });

  it('is idempotent: reopening a migrated file changes nothing and keeps the data', () => {
    const file = join(tempDir(), 'flowbridge.db');
    const first = openDatabase(file, { migrationsDir });
    first.sqlite.prepare("insert into contacts (email, created_at, updated_at) values ('a@b.co', 1, 1)").run();
    const applied = first.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get();
    first.sqlite.close();
    const second = openDatabase(file, { migrationsDir });
    expect(second.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(applied);
    expect(second.sqlite.prepare('select email from contacts').pluck().all()).toEqual(['a@b.co']);
    expect(second.backupPath).toBeNull();
    second.sqlite.close();
  });

  it('backs the file up before a migration upgrades it', () => {
    const dir = tempDir();
    const file = join(dir, 'flowbridge.db');
    openDatabase(file, { migrationsDir }).sqlite.close();
    // A newer app version: the same migrations plus one more.
    const newer = join(dir, 'drizzle');
    cpSync(migrationsDir, newer, { recursive: true });
    const journalPath = join(newer, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; tag: string; when: number; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_test_upgrade', when: last.when + 1 });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(newer, '9999_test_upgrade.sql'), 'ALTER TABLE contacts ADD `nickname` text;');
    const upgraded = openDatabase(file, { migrationsDir: newer });
    expect(upgraded.backupPath).not.toBeNull();
    expect(existsSync(upgraded.backupPath!)).toBe(true);
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    expect(backup.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length - 1);
    backup.close();
    upgraded.sqlite.close();
  });

  it('refuses a damaged file with a clear message and leaves it in place', () => {
    const dir = tempDir();
    const file = join(dir, 'flowbridge.db');
    openDatabase(file, { migrationsDir }).sqlite.close();
    const bytes = readFileSync(file);
    bytes.fill(0x42, 100, 4096 * 2); // Scribble over the schema pages.
    writeFileSync(file, bytes);
    expect(() => openDatabase(file, { migrationsDir })).toThrow(/is damaged .*restore the newest backup/);
    expect(readdirSync(dir)).toContain('flowbridge.db');
  });

  it('keeps the data folder 0700 and the database, WAL, SHM, backups and exports 0600, whatever the umask', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755); // As the desktop app's user-data folder is created.
    const file = join(dir, 'flowbridge.db');
    const first = openDatabase(file, { migrationsDir });
    first.sqlite.prepare("insert into contacts (email, created_at, updated_at) values ('a@b.co', 1, 1)").run();
    expect(modeOf(dir)).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path), path).toBe(0o600);
    first.sqlite.close();
    // Files an older version left readable by others are tightened on open.
    chmodSync(file, 0o644);
    chmodSync(dir, 0o755);
    const upgraded = openDatabase(file, { migrationsDir: newerMigrations(tempDir(), 'ALTER TABLE contacts ADD `nickname` text;') });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(upgraded.backupPath!)).toBe(0o600);
    upgraded.sqlite.close();
    const out = join(dir, 'errors.csv');
    expect(
      await runCli(['errors', 'export', '--format', 'csv', '--out', out, '--data-dir', dir], {
        stdout: () => undefined,
        stderr: () => undefined,
        env: {},
      }),
    ).toBe(0);
    expect(modeOf(out)).toBe(0o600);
  });

  it('a migration that fails on every start keeps only the newest few backups, and the error names the one to restore', () => {
    const dir = tempDir();
    const file = join(dir, 'flowbridge.db');
    const first = openDatabase(file, { migrationsDir });
    first.sqlite.prepare("insert into contacts (email, created_at, updated_at) values ('kept@b.co', 1, 1)").run();
    first.sqlite.close();
    const broken = newerMigrations(tempDir(), 'ALTER TABLE no_such_table ADD `x` text;');
    let t = Date.parse('2030-01-01T00:00:00Z');
    for (let start = 0; start < BACKUPS_KEPT + 4; start += 1) {
      t += 60_000;
      let message = '';
      try {
        openDatabase(file, { migrationsDir: broken, clock: { now: () => t } }).sqlite.close();
      } catch (error) {
        message = (error as Error).message;
      }
      const stamp = new Date(t).toISOString().replace(/[:.]/g, '-');
      expect(message).toContain(`Upgrading the database ${file} failed`);
      expect(message).toContain(`${file}.backup-${stamp}`);
    }
    const backups = readdirSync(dir).filter((n) => n.includes('.backup-'));
    expect(backups).toHaveLength(BACKUPS_KEPT);
    const newest = new Database(join(dir, backups.sort().at(-1)!), { readonly: true });
    expect(newest.prepare('select email from contacts').pluck().all()).toEqual(['kept@b.co']);
    newest.close();
  });

  it('refuses a 0-byte database file instead of silently starting a fresh workspace, and names the backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'flowbridge.db');
    writeFileSync(file, '');
    expect(() => openDatabase(file, { migrationsDir })).toThrow(/is empty \(0 bytes\).*delete the empty file to start a fresh workspace/);
    expect(statSync(file).size).toBe(0);
    writeFileSync(`${file}.backup-2030-01-01T00-00-00-000Z`, 'x');
    let stderr = '';
    const code = await runCli(['status', '--data-dir', dir], { stdout: () => undefined, stderr: (t) => (stderr += t), env: {} });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`copy ${file}.backup-2030-01-01T00-00-00-000Z to flowbridge.db`);
    expect(statSync(file).size).toBe(0);
  });
});
