// One measurement in a process of its own, so that its time and its peak memory (VmHWM) are its alone:
//   raw N [PAGE]     the reference: a prepared insert of N contact rows in one transaction (PAGE: the
//                    database's page size, SQLite's default 4 KB unless given)
//   import FILE DIR  stream a CSV file into a fresh data folder (the command line's path)
//   enroll DIR       add every contact of DIR to a new sequence, connected to an in-process sandbox
//   export DIR FILE  mark every enrollment failed (untimed), then stream the error report into FILE
//   select DIR FILE  the reference for export: the same rows by raw SELECT, written to FILE
// Prints one JSON line: { ms, rows, peakMb }.
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../src-main/app/createBackend';
import { connect } from '../../src-main/domain/connection';
import { importContactsFile } from '../../src-main/domain/csvFile';
import { addToSequence } from '../../src-main/domain/enroll';
import { exportErrorsToFile } from '../../src-main/domain/errorReport';
import { startSandbox } from '../../src-main/sandbox';
import { contactRow } from './data';

let cpuStart = process.cpuUsage();
let cpuMs = 0;
/** CPU time (user + system) since `from`, in ms: what the work cost, whatever else the machine is doing. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<{ ms: number; rows: number }> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'raw') {
    const n = Number(a);
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'flowbridge-bench-')), 'raw.db'));
    if (b) db.pragma(`page_size = ${Number(b)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`create table t (id integer primary key, email text not null unique, first_name text, last_name text, title text, company text,
      phone text, linkedin_url text, location text, extra text, created_at integer, updated_at integer)`);
    const insert = db.prepare(
      'insert into t (email, first_name, last_name, title, company, phone, linkedin_url, location, extra, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const start = performance.now();
    cpuStart = process.cpuUsage();
    db.transaction(() => {
      for (let i = 0; i < n; i += 1) {
        const r = contactRow(i);
        insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], JSON.stringify({ seniority: r[8], source_list: r[9] }), 1, 1);
      }
    })();
    const ms = performance.now() - start;
    cpuMs = cpuSince(cpuStart);
    db.close();
    return { ms, rows: n };
  }
  if (mode === 'import') {
    const backend = createBackend({ dataDir: b!, host: 'cli' });
    const start = performance.now();
    cpuStart = process.cpuUsage();
    const summary = await importContactsFile(backend.ctx, a!);
    const ms = performance.now() - start;
    cpuMs = cpuSince(cpuStart);
    await backend.close();
    if (summary.rejected.length > 0) throw new Error(`rejected ${summary.rejected.length}`);
    return { ms, rows: summary.imported };
  }
  if (mode === 'enroll') {
    const backend = createBackend({ dataDir: a!, host: 'cli' });
    const sandbox = await startSandbox({ port: 0 });
    await connect(backend.ctx, { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const seq = await backend.invoke('sequences:create', { name: `Bench ${Date.now()}` });
    if (!seq.ok) throw new Error(seq.error.message);
    const emails = backend.ctx.sqlite.prepare('select email from contacts').pluck().all() as string[];
    const start = performance.now();
    cpuStart = process.cpuUsage();
    const summary = await addToSequence(backend.ctx, (seq.value as { id: string }).id, emails);
    const ms = performance.now() - start;
    cpuMs = cpuSince(cpuStart);
    const queued = backend.ctx.sqlite.prepare('select count(*) from sync_queue').pluck().get() as number;
    await backend.close();
    await sandbox.stop();
    if (summary.added !== emails.length || queued < emails.length) throw new Error(`added ${summary.added}, queued ${queued}`);
    return { ms, rows: summary.added };
  }
  if (mode === 'export' || mode === 'select') {
    const backend = createBackend({ dataDir: a!, host: 'cli' });
    const db = backend.ctx.sqlite;
    if (mode === 'export' && db.prepare("select count(*) from enrollments where state != 'failed'").pluck().get() !== 0) {
      db.exec(
        "update enrollments set state = 'failed', error = 'Seniority: \"Wizard\" is not one of Junior, Mid, Senior', first_error_at = 1700000000000, attempts = 1",
      );
      db.exec('delete from sync_queue');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    const start = performance.now();
    cpuStart = process.cpuUsage();
    let rows: number;
    if (mode === 'export') rows = exportErrorsToFile(backend.ctx, 'csv', b!).rows;
    else {
      // No application code: the rows, joined with commas, written in 64 KB pieces.
      const fd = openSync(b!, 'w');
      let piece = '';
      rows = 0;
      const stmt = db
        .prepare(
          `select e.email, e.name, e.sequence_id, s.name, e.state, e.error, e.first_error_at, e.last_attempt_at, e.attempts
        from enrollments e join sequences s on s.id = e.sequence_id where e.state in ('flagged', 'failed', 'retrying') order by e.id`,
        )
        .raw();
      for (const r of stmt.iterate() as IterableIterator<unknown[]>) {
        piece += `${r.join(',')}\n`;
        rows += 1;
        if (piece.length >= 65536) {
          writeSync(fd, piece);
          piece = '';
        }
      }
      writeSync(fd, piece);
      closeSync(fd);
    }
    const ms = performance.now() - start;
    cpuMs = cpuSince(cpuStart);
    await backend.close();
    return { ms, rows };
  }
  throw new Error(`unknown mode ${mode}`);
}

main().then(
  (r) => {
    process.stdout.write(`${JSON.stringify({ ...r, cpuMs, peakMb: peakMb() })}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`bench worker failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
