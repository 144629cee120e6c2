// What the backend and its background writer (bulkWorker.ts) say to each other. Every message is plain
// data (structured clone); errors cross as their code, message and field and are rebuilt on this side.
import type { EventName, ServerEvents } from '../../src-shared/contract';
import type { AddSummary, SyncAs } from '../../src-shared/domain';
import { AppError, type ErrorCode } from '../../src-shared/result';
import type { HostKind } from '../backend/context';
import { ImportCancelled, type ImportResult } from '../domain/contactImport';
import type { AddTarget, Dedup, UnknownPolicy } from '../domain/enroll';

/** What the writer needs to open its own connection to the backend's (already migrated) database. */
export interface WorkerSetup {
  file: string;
  nativeBinding?: string;
  dataDir: string;
  host: HostKind;
}

/** A CSV given whole (an upload) or as a file streamed from disk. */
export type ImportSource = { text: string } | { path: string };

export interface ImportJob {
  kind: 'import';
  source: ImportSource;
  columns?: Record<string, string>;
  encoding?: { encoding: string; reason: string };
  keepEmails?: boolean;
  /** Send the rows read after each batch. */
  progress: boolean;
}

interface AddJob {
  kind: 'add';
  target: AddTarget;
  emails: string[];
  onUnknown: UnknownPolicy;
}

export type Job = ImportJob | AddJob;

export type ToWorker =
  /** `now`: the backend's clock when the job was given (the writer stamps the job's rows with it). */
  { type: 'start'; id: number; job: Job; now: number } | { type: 'cancel'; id: number } | { type: 'checked'; id: number; dedup: Dedup };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'event'; event: EventName; payload: ServerEvents[EventName] }
  | { type: 'wake' }
  | { type: 'progress'; id: number; rowsRead: number }
  /** The add needs its dedup check: the backend holds the connection (and the key), so it asks it. */
  | { type: 'check'; id: number; syncAs: SyncAs; fresh: string[] }
  | { type: 'done'; id: number; value: ImportResult | AddSummary }
  | { type: 'failed'; id: number; error: JobError };

export interface JobError {
  message: string;
  code?: ErrorCode;
  field?: string;
  saved?: ImportCancelled['saved'];
}

export function jobError(error: unknown): JobError {
  if (error instanceof ImportCancelled) return { message: error.message, saved: error.saved };
  if (error instanceof AppError) return { message: error.message, code: error.code, ...(error.field ? { field: error.field } : {}) };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error as the job's caller would have seen it had the job run on its own thread. */
export function rebuildError(error: JobError): Error {
  if (error.saved) return new ImportCancelled(error.saved);
  if (error.code) return new AppError(error.code, error.message, error.field ? { field: error.field } : {});
  return new Error(error.message);
}
