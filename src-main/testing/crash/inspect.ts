// Looks at a data folder the way the next start would find it after a crash, without disturbing it:
// the database file and its WAL/SHM are copied aside and the copy is opened (which runs SQLite's WAL
// recovery on the copy), so the real next run of the app still meets the hot WAL itself.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const DB_FILE = 'flowbridge.db';

export function walSize(dataDir: string): number {
  try {
    return statSync(join(dataDir, `${DB_FILE}-wal`)).size;
  } catch {
    return 0;
  }
}

export interface Inspected {
  integrity: string;
  foreignKeyProblems: number;
  query<T>(sql: string, ...params: unknown[]): T[];
  value<T>(sql: string, ...params: unknown[]): T;
}

/** Opens a copy of the data folder's database, runs `look` on it, and throws the copy away. */
export function inspectAfterCrash<R>(dataDir: string, look: (db: Inspected) => R): R {
  const scratch = mkdtempSync(join(tmpdir(), 'flowbridge-crash-look-'));
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      const from = join(dataDir, `${DB_FILE}${suffix}`);
      if (existsSync(from)) copyFileSync(from, join(scratch, `${DB_FILE}${suffix}`));
    }
    const sqlite = new Database(join(scratch, DB_FILE));
    try {
      const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length;
      return look({
        integrity,
        foreignKeyProblems,
        query: <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[],
        value: <T>(sql: string, ...params: unknown[]) =>
          sqlite
            .prepare(sql)
            .pluck()
            .get(...params) as T,
      });
    } finally {
      sqlite.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
