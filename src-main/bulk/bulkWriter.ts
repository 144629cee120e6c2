// The backend's side of the background writer (bulkWorker.ts): imports and adds to a sequence are handed
// to a worker thread in the window and browser mode, so the thread that answers the UI never runs their
// batches. The command line runs them here, in larger batches (nothing else is waiting on it); so does
// any host where the worker cannot start (then the batches are cut by time, as before the worker).
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AddSummary } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { importContacts, type ImportResult } from '../domain/contactImport';
import { importContactsFile } from '../domain/csvFile';
import { addEmails, prepareAdd, type DuplicateCheck, type UnknownPolicy } from '../domain/enroll';
import { logEvent } from '../store/syncLog';
import { rebuildError, type FromWorker, type ImportJob, type ImportSource, type Job, type ToWorker, type WorkerSetup } from './protocol';

/** The worker's entry file; a TypeScript source (development, the tests) is loaded through tsx. */
export interface WorkerEntry {
  file: string;
  typescript: boolean;
}

/**
 * Next to this module's source when it runs from source (tsx, the tests), else the build's
 * out/main/bulkWorker.js (this module is bundled into out/main or out/main/chunks).
 */
function defaultWorkerEntry(): WorkerEntry | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { file: join(dirname(here), 'bulkWorker.ts'), typescript: true };
  const built = [dirname(here), dirname(dirname(here))].map((dir) => join(dir, 'bulkWorker.js')).find((file) => existsSync(file));
  return built ? { file: built, typescript: false } : null;
}

/**
 * A worker thread does not inherit the tsx loader (`--import tsx` in its execArgv is ignored on Node 20),
 * so a TypeScript entry is started by a line of JavaScript that registers tsx in the thread first. tsx's
 * ESM build of its API is the one that can: require.resolve finds the CommonJS one next to it.
 */
function newWorker(entry: WorkerEntry, workerData: WorkerSetup): Worker {
  if (!entry.typescript) return new Worker(entry.file, { workerData });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export interface BulkImportOptions {
  columns?: Record<string, string>;
  encoding?: { encoding: string; reason: string };
  keepEmails?: boolean;
  signal?: AbortSignal;
  onProgress?: (rowsRead: number) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (rowsRead: number) => void;
  check?: DuplicateCheck;
}

export interface BulkWriterOptions {
  /** Run in a worker thread (the window, browser mode); false runs here in large batches (the command line). */
  threaded: boolean;
  setup: WorkerSetup;
  /** Where the worker's code is (default: defaultWorkerEntry()); null runs every job here. */
  entry?: WorkerEntry | null;
}

export class BulkWriter {
  private started: Promise<Worker | null> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly options: BulkWriterOptions,
  ) {}

  /** Imports a CSV (an upload's text or a file on disk): see domain/contactImport.ts. */
  async importContacts(source: ImportSource, options: BulkImportOptions = {}): Promise<ImportResult> {
    const worker = await this.worker();
    if (!worker) {
      const inHere = { ...options, interactive: this.options.threaded };
      return 'text' in source ? importContacts(this.ctx, source.text, inHere) : importContactsFile(this.ctx, source.path, inHere);
    }
    const job: ImportJob = {
      kind: 'import',
      source,
      columns: options.columns,
      encoding: options.encoding,
      keepEmails: options.keepEmails,
      progress: options.onProgress !== undefined,
    };
    const id = this.nextId++;
    const result = this.submit(worker, id, job, { onProgress: options.onProgress });
    const cancel = () => worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      return (await result) as ImportResult;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Adds contacts to a sequence: see domain/enroll.ts. The settings and the dedup check stay on this thread. */
  async addToSequence(sequenceId: string, emails: string[], onUnknown: UnknownPolicy = 'fail'): Promise<AddSummary> {
    const { target, check } = prepareAdd(this.ctx, sequenceId);
    const worker = await this.worker();
    if (!worker) return addEmails(this.ctx, target, emails, onUnknown, { interactive: this.options.threaded, check });
    return (await this.submit(worker, this.nextId++, { kind: 'add', target, emails, onUnknown }, { check })) as AddSummary;
  }

  /** Stops the worker; a job still running ends as a batch boundary would (its committed batches stay). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = await this.started;
    this.started = null;
    if (worker) await worker.terminate();
    this.failAll('Flowbridge closed while it ran; what it had saved so far is kept.');
  }

  private submit(worker: Worker, id: number, job: Job, hooks: Pick<Pending, 'onProgress' | 'check'>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...hooks });
      worker.ref();
      worker.postMessage({ type: 'start', id, job, now: this.ctx.clock.now() } satisfies ToWorker);
    });
  }

  private worker(): Promise<Worker | null> {
    if (this.closed) return Promise.reject(new AppError('conflict', 'The backend is closing'));
    const entry = this.options.entry === undefined ? defaultWorkerEntry() : this.options.entry;
    if (!this.options.threaded || !entry) return Promise.resolve(null);
    this.started ??= this.start(entry);
    return this.started;
  }

  /** Starts the worker; null (and one line in the log) when it cannot start here: the jobs then run on this thread. */
  private start(entry: WorkerEntry): Promise<Worker | null> {
    return new Promise((resolve) => {
      const worker = newWorker(entry, this.options.setup);
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          worker.unref();
          resolve(worker);
        } else this.receive(worker, message);
      });
      worker.on('error', (error) => {
        if (!ready) {
          logEvent(
            this.ctx,
            'warn',
            'bulk.inline',
            `Imports and adds run on the main thread: the background writer did not start (${error.message})`,
          );
          this.options.entry = null;
          resolve(null);
        } else this.stopped(`${error.message}`);
      });
      worker.on('exit', (code) => {
        if (!ready) resolve(null);
        if (this.started) this.stopped(`it exited with code ${code}`);
      });
    });
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (message.type === 'event') return this.ctx.events.emit(message.event, message.payload);
    if (message.type === 'wake') return this.ctx.wake();
    if (message.type === 'ready') return;
    const job = this.pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') return job.onProgress?.(message.rowsRead);
    if (message.type === 'check') {
      const check = job.check ?? (() => Promise.resolve({ flags: {}, checked: false }));
      void check(message.syncAs, message.fresh)
        // A check that fails is a check not made: the engine checks again before it creates anything.
        .catch(() => ({ flags: {}, checked: false }))
        .then((dedup) => worker.postMessage({ type: 'checked', id: message.id, dedup } satisfies ToWorker));
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0) worker.unref();
    if (message.type === 'done') job.resolve(message.value);
    else job.reject(rebuildError(message.error));
  }

  /** The worker died: its jobs fail (their committed batches stay), and the next job starts a new one. */
  private stopped(why: string): void {
    this.started = null;
    this.failAll(`The background writer stopped (${why}); what it had saved so far is kept. Try again.`);
  }

  private failAll(message: string): void {
    for (const job of this.pending.values()) job.reject(new AppError('internal', message));
    this.pending.clear();
  }
}
