// The one place that opens a database file. Nothing opens a database as a side effect of an import.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** 64 MB of page cache: an add to a sequence touches six indexes; spilling them mid-transaction costs more. */
const CACHE_KIB = 65536;
/**
 * While an import runs, 16 MB: an import reads nothing back, so the cache only held pages it had written.
 * Measured at 1,000,000 rows: the same CPU, 40 MB (rows sorted by email) to 70 MB (shuffled) less peak memory.
 */
const IMPORT_CACHE_KIB = 16384;

/** Sets the connection's page cache for an import; returns the way back to the usual size. */
export function importCache(sqlite: Sqlite): () => void {
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => sqlite.pragma(`cache_size = -${CACHE_KIB}`);
}

/** The page size of a database this version creates (see openDatabase). */
export const PAGE_SIZE = 16384;

/** Pre-migration backups kept next to the database; older ones are removed when a new one is made. */
export const BACKUPS_KEPT = 3;

export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  privateFolder(dirname(file));
  const existed = existsSync(file);
  if (existed && statSync(file).size === 0) throw emptyFile(file);
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    privateFiles(file);
    // A new database gets 16 KB pages (SQLite's default is 4 KB): an add to a sequence writes a row into
    // six b-trees and a queue row into three, and with four times fewer, fuller pages a 100,000-contact
    // add took 13% less CPU (an import 3-5%). A page size is fixed once the first table exists (and WAL is
    // on), so an existing database keeps its own.
    if (!existed) sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    configure(sqlite, file);
    if (existed) checkIntegrity(sqlite, file);
    const backupPath = existed ? backupBeforeMigrations(sqlite, file, options) : null;
    const db = drizzle(sqlite, { schema });
    try {
      migrate(db, { migrationsFolder: options.migrationsDir });
    } catch (error) {
      if (!backupPath) throw error;
      throw new AppError(
        'internal',
        `Upgrading the database ${file} failed (${(error as Error).message}). Your data as it was before the upgrade is in ${backupPath}; it is kept, with at most ${BACKUPS_KEPT - 1} older copies.`,
      );
    }
    // WAL and SHM files take the database file's mode; one made by an older version is tightened here.
    privateFiles(file);
    return { sqlite, db, backupPath };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** How every connection is set up: WAL (readers never wait for the writer), a busy timeout, foreign keys. */
function configure(sqlite: Sqlite, file: string): void {
  sqlite.pragma('busy_timeout = 5000');
  try {
    sqlite.pragma('journal_mode = WAL');
  } catch (error) {
    throw damaged(file, (error as Error).message);
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  sqlite.pragma('foreign_keys = ON');
}

/**
 * A second connection to a database that openDatabase has already opened and migrated: the background
 * writer's (src-main/bulk). No checks, no migrations: the first connection did them.
 */
export function openConnection(file: string, nativeBinding?: string): OpenedDatabase {
  const sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    configure(sqlite, file);
    return { sqlite, db: drizzle(sqlite, { schema }), backupPath: null };
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
    const names = readdirSync(dirname(file))
      .filter((name) => name.startsWith(prefix))
      .sort();
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
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = hasTable ? Number(sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()) : 0;
  if (applied === 0 || applied >= journal.entries.length) return null;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date(options.clock?.now() ?? Date.now()).toISOString().replace(/[:.]/g, '-');
  const backupPath = `${file}.backup-${stamp}`;
  copyFileSync(file, backupPath);
  chmodSync(backupPath, 0o600);
  pruneBackups(file);
  return backupPath;
}

/**
 * A failing migration makes a copy on every start: keep the newest few. A copy is only made before an
 * upgrade, so the newest is always the state before the last attempt.
 */
function pruneBackups(file: string): void {
  const prefix = `${basename(file)}.backup-`;
  const names = readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const name of names.slice(0, -BACKUPS_KEPT)) rmSync(join(dirname(file), name), { force: true });
}

/**
 * An empty (0-byte) database file is what a full disk, an interrupted copy or a sync tool leaves behind:
 * the contacts, queue and history are gone from it. Opening it would silently start a fresh workspace and
 * bury that, and new work would then collide with a restore. So it is refused, with the way back.
 */
function emptyFile(file: string): AppError {
  const backup = newestBackup(file);
  return new AppError(
    'internal',
    `The database ${file} is empty (0 bytes): its data is missing, e.g. after a full disk or an interrupted copy. ` +
      (backup ? `Restore the newest backup (copy ${backup} to ${basename(file)}), ` : 'Restore it from your own backup if you have one, ') +
      'or delete the empty file to start a fresh workspace.',
  );
}

/** The data folder is readable by you alone (0700): it holds your contacts and the secrets file. */
function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/**
 * The database is made 0600 before WAL mode is set: SQLite creates the WAL and SHM files with the
 * database file's permissions, whatever the process's umask.
 */
function privateFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) tighten(path, 0o600);
}

function tighten(path: string, mode: number): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
  } catch {
    // Missing, or not ours to change (a folder owned by someone else): left as it is.
  }
}
