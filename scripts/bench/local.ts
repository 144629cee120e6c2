// Local figures: CSV import, enrollment, paged reads, export, memory, and raw SQLite insert speed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../src-main/backend/createBackend';
import { addToSequence } from '../../src-main/domain/enroll';
import { importContacts } from '../../src-main/domain/contactImport';
import { exportErrors } from '../../src-main/domain/errorReport';
import { connect } from '../../src-main/domain/connection';
import { startSandbox } from '../../src-main/sandbox';
import { median, ms, percentile, repeat, timeIt, type Figure } from './measure';

const RUNS = 3;
const temp = () => mkdtempSync(join(tmpdir(), 'flowbridge-bench-'));
const open = (dataDir: string): Backend => createBackend({ dataDir, host: 'cli' });

export function contactsCsv(n: number): string {
  const lines = ['email,first_name,last_name,title,company,phone,linkedin_url,location,seniority,source_list'];
  for (let i = 0; i < n; i += 1) {
    lines.push(`person${i}@bench${i % 97}.example,First${i},Last${i},Engineer ${i % 13},Company ${i % 500},+1555${String(i).padStart(7, '0')},https://linkedin.com/in/p${i},City ${i % 50},${['Junior', 'Mid', 'Senior'][i % 3]},list-${i % 20}`);
  }
  return lines.join('\n');
}

export async function rawInsert(): Promise<Figure> {
  const times = await repeat(RUNS, () => undefined, () => {
    const dir = temp();
    const db = new Database(join(dir, 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.exec('create table t (id integer primary key, email text unique, a text, b text, c text, d text, e text, f text, g text, extra text)');
    const insert = db.prepare('insert into t (email, a, b, c, d, e, f, g, extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 100_000; i += 1) insert.run(`person${i}@x.example`, `First${i}`, `Last${i}`, 'Engineer', 'Company', '+1555', 'https://l/p', 'City', '{"k":"v"}');
    })();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { figure: 'reference: raw better-sqlite3 insert of 100,000 rows (prepared, one transaction)', measured: ms(median(times)), target: '-', met: true };
}

export async function importFigure(): Promise<Figure> {
  const csv = contactsCsv(100_000);
  let backend: Backend;
  let dir = '';
  const times = await repeat(
    RUNS,
    () => {
      dir = temp();
      backend = open(dir);
    },
    async () => {
      const summary = await importContacts(backend.ctx, csv);
      if (summary.imported !== 100_000) throw new Error(`imported ${summary.imported}`);
    },
  );
  await backend!.close();
  const value = median(times);
  return { figure: 'import a 100,000-row CSV of contacts (parse, validate, write)', measured: ms(value), target: '≤ 1.5 s', met: value <= 1500 };
}

export async function enrollFigure(): Promise<Figure> {
  const csv = contactsCsv(100_000);
  const emails = Array.from({ length: 100_000 }, (_, i) => `person${i}@bench${i % 97}.example`);
  const sandbox = await startSandbox({ port: 0 });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const backend = open(temp());
    await importContacts(backend.ctx, csv);
    await connect(backend.ctx, { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const seq = await backend.invoke('sequences:create', { name: 'Bench' });
    if (!seq.ok) throw new Error(seq.error.message);
    const id = (seq.value as { id: string }).id;
    times.push(
      await timeIt(async () => {
        const summary = await addToSequence(backend.ctx, id, emails);
        if (summary.added !== 100_000) throw new Error(`added ${summary.added}`);
      }),
    );
    const queued = backend.ctx.sqlite.prepare('select count(*) from sync_queue').pluck().get();
    if (queued !== 100_000) throw new Error(`queued ${String(queued)}`);
    await backend.close();
  }
  await sandbox.stop();
  const value = median(times);
  return { figure: 'add 100,000 contacts to a sequence (settings capture and queue rows)', measured: ms(value), target: '≤ 1.0 s', met: value <= 1000 };
}

/**
 * A data folder with 100,000 contacts in 10 sequences (1,000,000 enrollments), 100,000 of them failed,
 * built with set-based SQL: this is fixture data, not a figure.
 */
export async function bigDataFolder(): Promise<string> {
  const dir = temp();
  const backend = open(dir);
  await importContacts(backend.ctx, contactsCsv(100_000));
  const db = backend.ctx.sqlite;
  for (let s = 0; s < 10; s += 1) await backend.invoke('sequences:create', { name: `Sequence ${s}` });
  db.exec(`
    insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id, cap_mapping_version,
      cap_disabled, cap_dedup, state, error, first_error_at, attempts)
    select c.id, c.email, trim(c.first_name || ' ' || c.last_name), s.id, 1, 1700000000000 + c.id * 1000, 'on-add', 'candidate', null, 1, 0, 0,
      case when s.id = 1 then 'failed' else (case c.id % 5 when 0 then 'synced' when 1 then 'queued' when 2 then 'not_synced' when 3 then 'sync_disabled' else 'synced' end) end,
      case when s.id = 1 then '=Seniority: "Wizard" is not one of Junior, Mid, Senior' else null end,
      case when s.id = 1 then 1700000000000 else null end, 0
    from contacts c cross join sequences s`);
  // Fixture rows bypass addToSequence, which keeps enrollment_counts for the rows it creates.
  db.exec('insert into enrollment_counts (sequence_id, state, n) select sequence_id, state, count(*) from enrollments group by 1, 2');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  await backend.close();
  return dir;
}

export async function pageFigure(dataDir: string): Promise<Figure> {
  const backend = open(dataDir);
  const samples: number[] = [];
  const sorts = ['email', 'name', 'addedAt', 'state'] as const;
  for (let i = 0; i < 400; i += 1) {
    const input = {
      sequenceId: String(2 + (i % 9)),
      sort: sorts[i % sorts.length],
      dir: i % 2 ? 'desc' : 'asc',
      states: i % 3 === 0 ? undefined : i % 3 === 1 ? ['synced'] : ['queued', 'flagged'],
      offset: (i * 7919) % 20_000,
      limit: 50,
    };
    const start = performance.now();
    const result = await backend.invoke('sequences:enrollments', input);
    samples.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  await backend.close();
  const p50 = median(samples);
  const p95 = percentile(samples, 95);
  return {
    figure: 'one page (50 rows, sorted and filtered) of a sequence, 1,000,000 enrollments in the database',
    measured: `median ${ms(p50)}, p95 ${ms(p95)}`,
    target: 'median ≤ 5 ms, p95 ≤ 15 ms',
    met: p50 <= 5 && p95 <= 15,
  };
}

/** Not a target of its own: a substring search has to read every enrollment of the sequence. */
export async function searchFigure(dataDir: string): Promise<Figure> {
  const backend = open(dataDir);
  const samples: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    const start = performance.now();
    const result = await backend.invoke('sequences:enrollments', { sequenceId: String(2 + (i % 9)), search: `person${100 + i}`, sort: 'email', limit: 50 });
    samples.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  await backend.close();
  return { figure: 'search within a sequence of 100,000 (page and match count)', measured: `median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`, target: '-', met: true };
}

export async function exportFigure(dataDir: string): Promise<Figure> {
  const backend = open(dataDir);
  let rows = 0;
  const times = await repeat(RUNS, () => undefined, () => {
    rows = exportErrors(backend.ctx, 'csv').rows;
  });
  await backend.close();
  if (rows !== 100_000) throw new Error(`exported ${rows}`);
  const value = median(times);
  return { figure: 'export 100,000 error rows to CSV', measured: ms(value), target: '≤ 1.5 s', met: value <= 1500 };
}

/** Browser mode (the built backend) on the big data folder, after the screens' typical reads. */
export async function memoryFigure(dataDir: string): Promise<Figure> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--json', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { url: string }).url));
    child.once('exit', () => reject(new Error('serve exited')));
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const call = (channel: string, input: unknown) =>
    fetch(`${origin}/api/invoke/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) }).then((r) => r.json());
  for (const [channel, input] of [
    ['sequences:list', {}],
    ['sync:status', {}],
    ['contacts:list', { limit: 200 }],
    ['sequences:enrollments', { sequenceId: '2', limit: 200 }],
    ['sequences:enrollments', { sequenceId: '3', sort: 'email', offset: 50_000, limit: 200 }],
    ['errors:list', { limit: 200 }],
    ['queue:list', { limit: 200 }],
    ['activity:summary', { days: 30 }],
  ] as const) {
    await call(channel, input);
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  child.kill('SIGTERM');
  const mb = rssKb / 1024;
  return { figure: 'backend memory with 100,000 contacts and 1,000,000 enrollments (browser mode, after typical reads)', measured: `${mb.toFixed(0)} MB RSS`, target: '≤ 300 MB RSS', met: mb <= 300 };
}

export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const cores = execFileSync('nproc').toString().trim();
  const memGb = Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024 / 1024);
  return `${cpu}, ${cores} cores, ${memGb} GB, Node ${process.version}`;
}
