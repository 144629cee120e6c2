// Local figures in the benchmark's own process: paged reads against raw SQL, backend memory in browser mode,
// and the big data folder they read. Import, enroll and export at 100k and 1M are in scale.ts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../src-main/app/createBackend';
import { importContacts } from '../../src-main/domain/contactImport';
import { contactsCsv } from './data';
import { median, ms, percentile, times, type Figure } from './measure';

const temp = () => mkdtempSync(join(tmpdir(), 'flowbridge-bench-'));
const open = (dataDir: string): Backend => createBackend({ dataDir, host: 'cli' });

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

interface PageInput {
  sequenceId: string;
  sort: 'email' | 'name' | 'addedAt' | 'state';
  dir: 'asc' | 'desc';
  states?: string[];
  offset: number;
  limit: number;
}

// The same page with no application code: the page's ids from the sort key's own covering index
// (sequence_id, key, state), then those rows (CROSS JOIN keeps the page's order), in one prepared statement.
const RAW_ORDER: Record<PageInput['sort'], { column: string; index: string }> = {
  email: { column: 'email', index: 'enrollments_sequence_email_state' },
  name: { column: 'name', index: 'enrollments_sequence_name_state' },
  addedAt: { column: 'added_at', index: 'enrollments_sequence_added_state' },
  state: { column: 'state', index: 'enrollments_sequence_state' },
};
function rawPageSql(input: PageInput): string {
  const states = input.states ? ` and state in (${input.states.map(() => '?').join(', ')})` : '';
  const { column, index } = RAW_ORDER[input.sort];
  const order =
    column === 'state' ? `state ${input.dir}, added_at ${input.dir}, id ${input.dir}` : `${column} ${input.dir}, id ${input.dir}`;
  return `with page(id) as (select id from enrollments indexed by ${index} where sequence_id = ?${states}
      order by ${order} limit ? offset ?)
    select e.id, e.sequence_id, e.email, e.name, e.state, e.error, e.error_code, e.cap_sync_as, e.cap_mode, e.cap_job_id,
      e.cap_mapping_version, e.cap_disabled, e.rf_id, e.added_at, e.replied_at, e.synced_at, e.attempts
    from page cross join enrollments e on e.id = page.id`;
}

/**
 * Pages (50 rows, sorted and filtered) through the app's channel and the same pages by raw SQL, one after
 * the other, on the same file; the figure is the app's median and p95 over the raw page's.
 */
export async function pageFigure(
  dataDir: string,
  options: { sequences: string[]; maxOffset: number; label: string; stateSets?: (string[] | undefined)[] },
): Promise<Figure> {
  const stateSets = options.stateSets ?? [undefined, ['synced'], ['queued', 'flagged']];
  const backend = open(dataDir);
  const raw = new Database(join(dataDir, 'flowbridge.db'), { readonly: true });
  const app: number[] = [];
  const bare: number[] = [];
  const sorts = ['email', 'name', 'addedAt', 'state'] as const;
  const statements = new Map<string, Database.Statement>();
  for (let i = 0; i < 400; i += 1) {
    const input: PageInput = {
      sequenceId: options.sequences[i % options.sequences.length]!,
      sort: sorts[i % sorts.length]!,
      dir: i % 2 ? 'desc' : 'asc',
      states: stateSets[i % stateSets.length],
      offset: (i * 7919) % options.maxOffset,
      limit: 50,
    };
    let start = performance.now();
    const result = await backend.invoke('sequences:enrollments', input);
    app.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
    const sql = rawPageSql(input);
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = raw.prepare(sql)));
    start = performance.now();
    stmt.all(Number(input.sequenceId), ...(input.states ?? []), input.limit, input.offset);
    bare.push(performance.now() - start);
  }
  raw.close();
  await backend.close();
  const p50 = median(app);
  const p95 = percentile(app, 95);
  const r50 = p50 / median(bare);
  const r95 = p95 / percentile(bare, 95);
  return {
    figure: `one page (50 rows, sorted and filtered) of ${options.label}, against the same page by raw SQL on its index (median ${ms(median(bare))}, p95 ${ms(percentile(bare, 95))})`,
    measured: `median ${ms(p50)}, p95 ${ms(p95)}`,
    ratio: `median ${times(r50)}, p95 ${times(r95)}`,
    target: 'median ≤ 2×, p95 ≤ 4×',
    met: r50 <= 2 && r95 <= 4,
  };
}

/** Browser mode (the built backend) on the big data folder, after the screens' typical reads. */
export async function memoryFigure(dataDir: string): Promise<Figure> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--json', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { url: string }).url));
    child.once('exit', () => reject(new Error('serve exited')));
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const call = (channel: string, input: unknown) =>
    fetch(`${origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }).then((r) => r.json());
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
  return {
    figure: 'backend memory with 100,000 contacts and 1,000,000 enrollments (browser mode, after typical reads)',
    measured: `${mb.toFixed(0)} MB RSS`,
    target: '≤ 300 MB RSS',
    met: mb <= 300,
  };
}

export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const cores = execFileSync('nproc').toString().trim();
  const memGb = Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024 / 1024);
  return `${cpu}, ${cores} cores, ${memGb} GB, Node ${process.version}`;
}
