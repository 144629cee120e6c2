import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../backend/paths';
import { tempDir } from '../testing/fixtures';
import { openDatabase } from './open';

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
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string; when: number; version: string; breakpoints: boolean }[] };
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
});
