// The background writer: a worker thread with its own connection to the database, where imports and
// adds to a sequence run in the window and browser mode. Their batches, commits and checkpoints then
// never hold the thread that answers the UI (a page read during a million-row import waits for no
// batch); WAL lets that thread read meanwhile. Events, wake-ups and the add's dedup check go back to the
// backend (bulkWriter.ts), which holds the connection and its key: this thread never makes a request.
import { parentPort, workerData } from 'node:worker_threads';
import type { SecretStore } from '../secrets/secretStore';
import type { Ctx } from '../backend/context';
import { BackendEvents } from '../backend/events';
import { openConnection } from '../db/open';
import { importContacts, type ImportOptions, type ImportResult } from '../domain/contactImport';
import type { AddSummary } from '../../src-shared/domain';
import { importContactsFile } from '../domain/csvFile';
import { addEmails, type Dedup, type DuplicateCheck } from '../domain/enroll';
import { jobError, type FromWorker, type Job, type ToWorker, type WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('bulkWorker.ts runs as a worker thread');
const setup = workerData as WorkerSetup;
const { sqlite, db } = openConnection(setup.file, setup.nativeBinding);
const send = (message: FromWorker) => port.postMessage(message);

/** Secrets stay with the backend: nothing this thread runs reads one. */
const noSecrets: SecretStore = {
  lookup: () => ({ state: 'missing' }),
  get: () => null,
  set: () => {
    throw new Error('The background writer keeps no secrets');
  },
  delete: () => {},
  upgrade: () => {},
  description: 'none (background writer)',
};

const events = new BackendEvents();
events.subscribe((event, payload) => send({ type: 'event', event, payload }));

interface Running {
  control: AbortController;
  answer: ((dedup: Dedup) => void) | null;
}
const running = new Map<number, Running>();

/** The job's context: this thread's connection, the backend's clock as it was when the job was given. */
function jobCtx(now: number): Ctx {
  return {
    db,
    sqlite,
    clock: { now: () => now },
    fetch: () => Promise.reject(new Error('The background writer makes no requests')),
    events,
    secrets: noSecrets,
    dataDir: setup.dataDir,
    host: setup.host,
    random: Math.random,
    wake: () => send({ type: 'wake' }),
  };
}

async function run(id: number, job: Job, now: number, entry: Running): Promise<ImportResult | AddSummary> {
  const ctx = jobCtx(now);
  if (job.kind === 'add') {
    const check: DuplicateCheck = (syncAs, fresh) =>
      new Promise<Dedup>((resolve) => {
        entry.answer = resolve;
        send({ type: 'check', id, syncAs, fresh });
      });
    return addEmails(ctx, job.target, job.emails, job.onUnknown, { interactive: true, check });
  }
  const options: ImportOptions & { keepEmails?: boolean } = {
    columns: job.columns,
    keepEmails: job.keepEmails,
    interactive: true,
    signal: entry.control.signal,
    onProgress: job.progress ? (rowsRead) => send({ type: 'progress', id, rowsRead }) : undefined,
  };
  if ('text' in job.source) return importContacts(ctx, job.source.text, { ...options, encoding: job.encoding });
  return importContactsFile(ctx, job.source.path, options);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') return running.get(message.id)?.control.abort();
  if (message.type === 'checked') return running.get(message.id)?.answer?.(message.dedup);
  const entry: Running = { control: new AbortController(), answer: null };
  running.set(message.id, entry);
  run(message.id, message.job, message.now, entry)
    .then((value) => send({ type: 'done', id: message.id, value }))
    .catch((error: unknown) => send({ type: 'failed', id: message.id, error: jobError(error) }))
    .finally(() => {
      running.delete(message.id);
      // Idle between jobs: give back the page cache a million-row job filled (up to 64 MB).
      if (running.size === 0) sqlite.pragma('shrink_memory');
    });
});
send({ type: 'ready' });
