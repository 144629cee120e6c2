// Sequences and their sync overrides. Changing a sequence never rewrites existing enrollments.
import type { Sequence, SequenceSummary, StateCounts, SyncAs, SyncMode } from '../../src-shared/domain';
import { emptyCounts } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { sequences } from '../db/schema';
import { userById } from '../store/users';
import { countsPerSequence } from '../store/enrollmentCounts';
import { cancelSequenceItems } from '../store/queue';
import { allSequences, insertSequence, sequenceById, sequenceNameTaken, updateSequenceColumns } from '../store/sequences';
import { effectiveSettings, settingsRow } from './settings';
import { currentUserRow } from './users';

export type SequenceRow = typeof sequences.$inferSelect;

export interface SequenceInput {
  name?: string;
  syncMode?: SyncMode | 'inherit';
  syncAs?: SyncAs | 'inherit';
  jobId?: number | 'inherit';
  disableSync?: boolean;
}

/** Sequence ids are printed as strings and accepted back verbatim. */
export function parseSequenceId(id: string): number {
  const n = /^\d{1,15}$/.test(id.trim()) ? Number(id.trim()) : NaN;
  if (!Number.isSafeInteger(n)) throw new AppError('unknown_sequence', `No sequence with id ${id}`);
  return n;
}

export function sequenceRow(ctx: Pick<Ctx, 'db'>, id: string): SequenceRow {
  const row = sequenceById(ctx, parseSequenceId(id));
  if (!row) throw new AppError('unknown_sequence', `No sequence with id ${id}`);
  return row;
}

function toSequence(ctx: Pick<Ctx, 'db'>, row: SequenceRow): Sequence {
  const owner = userById(ctx, row.ownerUserId);
  return {
    id: String(row.id),
    name: row.name,
    ownerEmail: owner?.email ?? '',
    createdAt: row.createdAt,
    syncMode: row.syncMode ?? 'inherit',
    syncAs: row.syncAs ?? 'inherit',
    jobId: row.jobId ?? 'inherit',
    disableSync: row.disableSync,
  };
}

function toColumns(input: SequenceInput): Partial<typeof sequences.$inferInsert> {
  const columns: Partial<typeof sequences.$inferInsert> = {};
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.syncMode !== undefined) columns.syncMode = input.syncMode === 'inherit' ? null : input.syncMode;
  if (input.syncAs !== undefined) columns.syncAs = input.syncAs === 'inherit' ? null : input.syncAs;
  if (input.jobId !== undefined) columns.jobId = input.jobId === 'inherit' ? null : input.jobId;
  if (input.disableSync !== undefined) columns.disableSync = input.disableSync;
  return columns;
}

/**
 * Two sequences with one name cannot be told apart in pickers, the queue or the CLI: a name already used
 * (ignoring case and surrounding spaces) is refused, with a free name to use instead.
 */
function refuseDuplicateName(ctx: Pick<Ctx, 'sqlite'>, name: string, exceptId?: number): void {
  const taken = (candidate: string) => sequenceNameTaken(ctx, candidate, exceptId ?? null);
  if (!taken(name)) return;
  let n = 2;
  while (taken(`${name.trim()} (${n})`)) n += 1;
  throw new AppError('conflict', `A sequence named "${name.trim()}" already exists; choose another name, e.g. "${name.trim()} (${n})"`, {
    field: 'name',
  });
}

export function createSequence(ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'sqlite'>, input: SequenceInput & { name: string }): Sequence {
  const owner = currentUserRow(ctx);
  refuseDuplicateName(ctx, input.name);
  const row = insertSequence(ctx, {
    ownerUserId: owner.id,
    createdAt: ctx.clock.now(),
    disableSync: false,
    ...toColumns(input),
    name: input.name.trim(),
  });
  ctx.events.emit('data:changed', { what: 'sequences' });
  return toSequence(ctx, row);
}

/**
 * Changes a sequence's settings (never existing enrollments' captured ones). With `cancelQueued`, turning
 * Disable Sync on also cancels the items this sequence has waiting in the queue.
 */
export function updateSequence(ctx: Ctx, id: string, input: SequenceInput & { cancelQueued?: boolean }): Sequence & { cancelled: number } {
  const row = sequenceRow(ctx, id);
  if (input.name !== undefined) refuseDuplicateName(ctx, input.name, row.id);
  if (input.cancelQueued && input.disableSync !== true) {
    throw new AppError('invalid_input', 'Queued items are cancelled only when turning Disable Sync on', { field: 'cancelQueued' });
  }
  const columns = toColumns(input);
  const cancelled = ctx.sqlite.transaction(() => {
    updateSequenceColumns(ctx, row.id, columns);
    return input.cancelQueued ? cancelSequenceItems(ctx, row.id) : 0;
  })();
  ctx.events.emit('data:changed', { what: 'sequences' });
  if (cancelled > 0) ctx.events.emit('queue:changed', { reason: 'sync disabled' });
  return { ...toSequence(ctx, sequenceRow(ctx, id)), cancelled };
}

export function getSequence(ctx: Pick<Ctx, 'db'>, id: string): Sequence {
  return toSequence(ctx, sequenceRow(ctx, id));
}

export function listSequences(ctx: Pick<Ctx, 'db' | 'sqlite'>): SequenceSummary[] {
  const rows = allSequences(ctx);
  const counts = new Map<number, StateCounts>();
  for (const r of countsPerSequence(ctx.sqlite)) {
    const c = counts.get(r.id) ?? emptyCounts();
    c[r.state] = r.n;
    counts.set(r.id, c);
  }
  return rows.map((row) => {
    const seqCounts = counts.get(row.id) ?? emptyCounts();
    const eff = effectiveSettings(row, settingsRow(ctx, row.ownerUserId));
    return {
      ...toSequence(ctx, row),
      counts: seqCounts,
      total: Object.values(seqCounts).reduce((a, b) => a + b, 0),
      effective: { syncMode: eff.syncMode, syncAs: eff.syncAs, jobId: eff.jobId, inherited: eff.inherited },
    };
  });
}
