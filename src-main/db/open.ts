// The one place that opens a database file. Nothing opens a database as a side effect of an import.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../src-shared/result';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface OpenOptions {
  /** Folder holding the drizzle migrations (with meta/_journal.json). */
  migrationsDir: string;
  /** Path to an Electron-ABI better_sqlite3.node; the Node build is used when absent. */
  nativeBinding?: string;
  clock?: { now(): number };
}

export interface OpenedDatabase {
  sqlite: Sqlite;
  db: Db;
  /** Where the pre-migration backup went, when a migration ran on an existing file. */
  backupPath: string | null;
}

export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file);
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('busy_timeout = 5000');
    try {
      sqlite.pragma('journal_mode = WAL');
    } catch (error) {
      throw damaged(file, (error as Error).message);
    }
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache: bulk imports and enrollments touch several indexes; spilling them mid-transaction costs more.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('foreign_keys = ON');
    if (existed) checkIntegrity(sqlite, file);
    const backupPath = existed ? backupBeforeMigrations(sqlite, file, options) : null;
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsDir });
    return { sqlite, db, backupPath };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function checkIntegrity(sqlite: Sqlite, file: string): void {
  let verdict: string;
  try {
    verdict = String(sqlite.pragma('quick_check', { simple: true }));
  } catch (error) {
    verdict = (error as Error).message;
  }
  if (verdict !== 'ok') throw damaged(file, verdict);
}

function damaged(file: string, detail: string): AppError {
  const backup = newestBackup(file);
  return new AppError(
    'internal',
    `The database ${file} is damaged (${detail}). Move it aside and restore the newest backup` +
      (backup ? `: ${backup} (copy it to ${basename(file)}).` : ` if you have one (there is none next to it, ${file}.backup-*).`),
  );
}

/** The newest pre-migration copy of `file` (their names end in an ISO time, so they sort by age). */
export function newestBackup(file: string): string | null {
  const prefix = `${basename(file)}.backup-`;
  try {
    const names = readdirSync(dirname(file)).filter((name) => name.startsWith(prefix)).sort();
    return names.length > 0 ? join(dirname(file), names.at(-1)!) : null;
  } catch {
    return null;
  }
}

interface Journal {
  entries: { tag: string; when: number }[];
}

/** Copies the database aside before a migration changes it, so a failed upgrade can be undone. */
function backupBeforeMigrations(sqlite: Sqlite, file: string, options: OpenOptions): string | null {
  const journal = JSON.parse(readFileSync(join(options.migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const applied = hasTable
    ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
    : 0;
  if (applied === 0 || applied >= journal.entries.length) return null;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date(options.clock?.now() ?? Date.now()).toISOString().replace(/[:.]/g, '-');
  const backupPath = `${file}.backup-${stamp}`;
  copyFileSync(file, backupPath);
  return backupPath;
}
