// What a recruiter does to enrollments: record replies, clear flags, resync, retry, remove.
import type { Ctx } from '../backend/context';
import { enqueue } from '../sync/queue';
import { activeConnection, requireConnection } from './connection';
import { contactByEmail } from './contacts';
import { placeEnrollment } from './enrollmentState';
import { sequenceRow, type SequenceRow } from './sequences';
import { effectiveSettings, settingsRow } from './settings';
import { AppError } from '../../src-shared/result';

interface EnrollmentRow {
  id: number;
  sequence_id: number;
  user_id: number;
  state: string;
  cap_mode: 'off' | 'on-add' | 'on-reply';
  awaiting_reply: number;
  replied_at: number | null;
}

function rowsByIds(ctx: Ctx, ids: number[]): EnrollmentRow[] {
  const stmt = ctx.sqlite.prepare('select * from enrollments where id = ?');
  return ids.map((id) => stmt.get(id) as EnrollmentRow | undefined).filter((r): r is EnrollmentRow => r !== undefined);
}

function rowsByEmail(ctx: Ctx, email: string, sequenceId?: string): EnrollmentRow[] {
  const contact = contactByEmail(ctx, email);
  if (!contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
  if (sequenceId !== undefined) {
    const seq = sequenceRow(ctx, sequenceId);
    return ctx.sqlite.prepare('select * from enrollments where contact_id = ? and sequence_id = ?').all(contact.id, seq.id) as EnrollmentRow[];
  }
  return ctx.sqlite.prepare('select * from enrollments where contact_id = ?').all(contact.id) as EnrollmentRow[];
}

function reviewHeld(ctx: Ctx, userId: number): boolean {
  return settingsRow(ctx, userId).reviewBeforeSync;
}

function changed(ctx: Ctx, queued: number): void {
  ctx.events.emit('data:changed', { what: 'sequences' });
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'enrollments' });
    ctx.wake();
  }
}

/** A reply triggers every on-reply enrollment that was waiting for it. */
function applyReplies(ctx: Ctx, rows: EnrollmentRow[]): number {
  const now = ctx.clock.now();
  let queued = 0;
  ctx.sqlite.transaction(() => {
    const stamp = ctx.sqlite.prepare('update enrollments set replied_at = coalesce(replied_at, ?) where id = ?');
    for (const row of rows) {
      stamp.run(now, row.id);
      if (row.awaiting_reply === 1 && row.state === 'not_synced' && activeConnection(ctx, row.user_id)) {
        queued += enqueue(ctx, [row.id], { held: reviewHeld(ctx, row.user_id) });
      }
    }
  })();
  changed(ctx, queued);
  return rows.length;
}

export function recordReply(ctx: Ctx, email: string, sequenceId?: string): number {
  return applyReplies(ctx, rowsByEmail(ctx, email, sequenceId));
}

export function markReplied(ctx: Ctx, ids: number[]): number {
  return applyReplies(ctx, rowsByIds(ctx, ids));
}

/** The recruiter reviewed a flag and lets the enrollment go on: it follows its captured sync mode. */
function clearRows(ctx: Ctx, rows: EnrollmentRow[]): number {
  const flagged = rows.filter((r) => r.state === 'flagged');
  let queued = 0;
  ctx.sqlite.transaction(() => {
    const clear = ctx.sqlite.prepare(
      "update enrollments set dedup_cleared = 1, error = null, error_code = null, state = ?, awaiting_reply = ? where id = ?",
    );
    for (const row of flagged) {
      const place = placeEnrollment({
        connected: activeConnection(ctx, row.user_id) !== null,
        mode: row.cap_mode,
        disabled: false,
        existsInRecruiterflow: false,
        replied: row.replied_at !== null,
      });
      clear.run(place.state === 'queued' ? 'not_synced' : place.state, place.awaitingReply ? 1 : 0, row.id);
      if (place.queue) queued += enqueue(ctx, [row.id], { held: reviewHeld(ctx, row.user_id) });
    }
  })();
  changed(ctx, queued);
  return flagged.length;
}

export function clearByEmail(ctx: Ctx, email: string, sequenceId?: string): number {
  return clearRows(ctx, rowsByEmail(ctx, email, sequenceId));
}

export function clearByIds(ctx: Ctx, ids: number[]): number {
  return clearRows(ctx, rowsByIds(ctx, ids));
}

/**
 * Resync: enrollments that never synced are re-captured under the current settings and queued when those
 * settings would sync them. Synced enrollments are never touched; flagged ones need `errors clear` first;
 * on-reply ones wait for their reply.
 */
export function resync(ctx: Ctx, filter: { ids?: number[]; sequenceId?: string; email?: string }): number {
  requireConnection(ctx);
  const clauses = ["e.state in ('not_synced', 'sync_disabled', 'failed')", 'e.synced_at is null', 'e.rf_id is null'];
  const params: unknown[] = [];
  if (filter.sequenceId !== undefined) {
    clauses.push('e.sequence_id = ?');
    params.push(sequenceRow(ctx, filter.sequenceId).id);
  }
  if (filter.email !== undefined) {
    const contact = contactByEmail(ctx, filter.email);
    if (!contact) throw new AppError('unknown_contact', `No contact with email ${filter.email}`);
    clauses.push('e.contact_id = ?');
    params.push(contact.id);
  }
  let candidates = ctx.sqlite.prepare(`select e.* from enrollments e where ${clauses.join(' and ')}`).all(...params) as EnrollmentRow[];
  if (filter.ids) {
    const wanted = new Set(filter.ids);
    candidates = candidates.filter((r) => wanted.has(r.id));
  }
  const sequenceCache = new Map<number, SequenceRow>();
  const recapture = ctx.sqlite.prepare(`
    update enrollments set cap_mode = @mode, cap_sync_as = @syncAs, cap_job_id = @jobId, cap_mapping_version = @mappingVersion,
      cap_disabled = 0, cap_dedup = @dedup, dedup_checked = 0, state = @state, awaiting_reply = @awaiting,
      error = null, error_code = null, attempts = 0
    where id = @id`);
  let queued = 0;
  ctx.sqlite.transaction(() => {
    for (const row of candidates) {
      const seq = sequenceCache.get(row.sequence_id) ?? sequenceRow(ctx, String(row.sequence_id));
      sequenceCache.set(row.sequence_id, seq);
      const owner = settingsRow(ctx, row.user_id);
      const eff = effectiveSettings(seq, owner);
      if (eff.disabled || eff.syncMode === 'off') continue;
      const place = placeEnrollment({ connected: true, mode: eff.syncMode, disabled: false, existsInRecruiterflow: false, replied: row.replied_at !== null });
      recapture.run({
        id: row.id,
        mode: eff.syncMode,
        syncAs: eff.syncAs,
        jobId: eff.jobId,
        mappingVersion: eff.mappingVersion,
        dedup: eff.dedup ? 1 : 0,
        state: place.queue ? 'not_synced' : place.state,
        awaiting: place.awaitingReply ? 1 : 0,
      });
      if (place.queue) queued += enqueue(ctx, [row.id], { held: owner.reviewBeforeSync });
    }
  })();
  changed(ctx, queued);
  return queued;
}

/**
 * Retry failed or backing-off enrollments now, with a fresh attempt budget. The budget lives on the queue
 * item; the enrollment's attempt count keeps counting every attempt ever made.
 */
export function retry(ctx: Ctx, ids: number[]): number {
  const rows = rowsByIds(ctx, ids).filter((r) => r.state === 'failed' || r.state === 'retrying');
  let queued = 0;
  ctx.sqlite.transaction(() => {
    const now = ctx.clock.now();
    const bump = ctx.sqlite.prepare(
      "update sync_queue set state = 'pending', next_attempt_at = ?, attempts = 0, updated_at = ? where enrollment_id = ? and state = 'backoff'",
    );
    for (const row of rows) {
      if (row.state === 'retrying') {
        const bumped = bump.run(now, now, row.id).changes;
        if (bumped > 0) ctx.sqlite.prepare("update enrollments set state = 'queued' where id = ?").run(row.id);
        queued += bumped;
      } else queued += enqueue(ctx, [row.id], { held: false });
    }
  })();
  changed(ctx, queued);
  return queued;
}

export function removeEnrollments(ctx: Ctx, ids: number[]): number {
  const del = ctx.sqlite.prepare("delete from enrollments where id = ? and id not in (select enrollment_id from sync_queue where state = 'in_flight')");
  const removed = ctx.sqlite.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0))();
  ctx.events.emit('data:changed', { what: 'sequences' });
  ctx.events.emit('queue:changed', { reason: 'removed' });
  return removed;
}
