// What a recruiter does to enrollments: record replies, clear flags, resync, retry, remove.
import type { Ctx } from '../backend/context';
import { enqueue, retryNow } from '../store/queue';
import { activeConnection, requireConnection } from './connection';
import { contactByEmail } from '../store/contacts';
import {
  clearFlag,
  enrollmentsByIds,
  enrollmentsOfContact,
  markRequeued,
  placeEnrollment,
  recapture,
  remapToVersion,
  removeUnlessInFlight,
  resyncScope,
  skipRefusedField,
  type Enrollment,
} from '../store/enrollments';
import { triggerOnReply } from './replyTrigger';
import { SKIPPED_CODE } from './flagResolution';
import { sequenceRow, type SequenceRow } from './sequences';
import { effectiveSettings, settingsRow } from './settings';
import { AppError } from '../../src-shared/result';
import { recordManualReplies } from '../store/replies';

function rowsByIds(ctx: Pick<Ctx, 'db'>, ids: number[]): Enrollment[] {
  return enrollmentsByIds(ctx.db, ids);
}

function rowsByEmail(ctx: Pick<Ctx, 'db' | 'sqlite'>, email: string, sequenceId?: string): Enrollment[] {
  const contact = contactByEmail(ctx, email);
  if (!contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
  return enrollmentsOfContact(ctx.db, contact.id, sequenceId !== undefined ? sequenceRow(ctx, sequenceId).id : undefined);
}

function reviewHeld(ctx: Pick<Ctx, 'db'>, userId: number): boolean {
  return settingsRow(ctx, userId).reviewBeforeSync;
}

function changed(ctx: Pick<Ctx, 'events' | 'wake'>, queued: number): void {
  ctx.events.emit('data:changed', { what: 'sequences' });
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'enrollments' });
    ctx.wake();
  }
}

/** A reply triggers every on-reply enrollment that was waiting for it. */
function applyReplies(ctx: Ctx, rows: Enrollment[]): number {
  const now = ctx.clock.now();
  let queued = 0;
  ctx.sqlite.transaction(() => {
    // Listed with the mailbox's replies, marked manual.
    recordManualReplies(
      ctx,
      rows.map((r) => r.contactId),
    );
    queued = triggerOnReply(ctx, rows, now);
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
function clearRows(ctx: Ctx, rows: Enrollment[]): number {
  // A record of the other type needs a decision (link to it, or create), not a clear: see flagResolution.ts.
  const flagged = rows.filter((r) => r.state === 'flagged' && r.errorCode !== 'exists_as_contact' && r.errorCode !== 'exists_as_candidate');
  let queued = 0;
  ctx.sqlite.transaction(() => {
    for (const row of flagged) {
      const place = placeEnrollment({
        connected: activeConnection(ctx, row.userId) !== null,
        mode: row.capMode,
        disabled: false,
        existsInRecruiterflow: false,
        replied: row.repliedAt !== null,
      });
      clearFlag(ctx.sqlite, row.id, { state: place.state === 'queued' ? 'not_synced' : place.state, awaitingReply: place.awaitingReply });
      if (place.queue) queued += enqueue(ctx, [row.id], { held: reviewHeld(ctx, row.userId) });
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

/** Why Resync left enrollments where they are, counted over what it was asked to look at. */
interface ResyncSkipped {
  awaitingReply: number;
  syncDisabled: number;
  syncOff: number;
  flagged: number;
  alreadyQueued: number;
  /** "Don't sync" was chosen for them. */
  dontSync: number;
}

export interface ResyncResult {
  queued: number;
  skipped: ResyncSkipped;
  /** One sentence: what was queued, and why the rest was not ("3 are waiting for a reply, ..."). */
  message: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function resyncMessage(queued: number, s: ResyncSkipped): string {
  const reasons = [
    s.awaitingReply > 0 ? `${s.awaitingReply} ${plural(s.awaitingReply, 'is', 'are')} waiting for a reply` : '',
    s.syncDisabled > 0 ? `${s.syncDisabled} ${plural(s.syncDisabled, 'is', 'are')} in a sequence with sync disabled` : '',
    s.syncOff > 0 ? `${s.syncOff} ${plural(s.syncOff, 'is', 'are')} in a sequence whose sync mode is off` : '',
    s.flagged > 0 ? `${s.flagged} ${plural(s.flagged, 'is', 'are')} flagged for your review (see Errors)` : '',
    s.alreadyQueued > 0 ? `${s.alreadyQueued} ${plural(s.alreadyQueued, 'is', 'are')} already queued` : '',
    s.dontSync > 0 ? `you chose not to sync ${s.dontSync}` : '',
  ].filter(Boolean);
  const head = `${queued} ${plural(queued, 'contact', 'contacts')} queued`;
  if (reasons.length > 0) return `${head}: ${reasons.join(', ')}`;
  return queued > 0 ? head : `${head}: every contact here has synced already`;
}

/**
 * Resync: enrollments that never synced are re-captured under the current settings and queued when those
 * settings would sync them. Synced enrollments are never touched; flagged ones need a decision first;
 * on-reply ones wait for their reply. The result says why each one left behind was not queued.
 */
export function resync(ctx: Ctx, filter: { ids?: number[]; sequenceId?: string; email?: string }): ResyncResult {
  requireConnection(ctx);
  const scope: { sequenceId?: number; contactId?: number } = {};
  if (filter.sequenceId !== undefined) scope.sequenceId = sequenceRow(ctx, filter.sequenceId).id;
  if (filter.email !== undefined) {
    const contact = contactByEmail(ctx, filter.email);
    if (!contact) throw new AppError('unknown_contact', `No contact with email ${filter.email}`);
    scope.contactId = contact.id;
  }
  const wanted = filter.ids ? new Set(filter.ids) : null;
  const inScope = (rows: Enrollment[]) => (wanted ? rows.filter((r) => wanted.has(r.id)) : rows);
  const found = resyncScope(ctx.db, scope);
  const candidates = inScope(found.candidates);
  const skipped: ResyncSkipped = { awaitingReply: 0, syncDisabled: 0, syncOff: 0, flagged: 0, alreadyQueued: 0, dontSync: 0 };
  for (const row of inScope(found.busy)) {
    if (row.state === 'flagged') skipped.flagged += 1;
    else skipped.alreadyQueued += 1;
  }
  const sequenceCache = new Map<number, SequenceRow>();
  let queued = 0;
  ctx.sqlite.transaction(() => {
    for (const row of candidates) {
      if (row.errorCode === SKIPPED_CODE) {
        skipped.dontSync += 1;
        continue;
      }
      const seq = sequenceCache.get(row.sequenceId) ?? sequenceRow(ctx, String(row.sequenceId));
      sequenceCache.set(row.sequenceId, seq);
      const owner = settingsRow(ctx, row.userId);
      const eff = effectiveSettings(seq, owner);
      if (eff.disabled) {
        skipped.syncDisabled += 1;
        continue;
      }
      if (eff.syncMode === 'off') {
        skipped.syncOff += 1;
        continue;
      }
      const place = placeEnrollment({
        connected: true,
        mode: eff.syncMode,
        disabled: false,
        existsInRecruiterflow: false,
        replied: row.repliedAt !== null,
      });
      recapture(
        ctx.sqlite,
        row.id,
        { mode: eff.syncMode, syncAs: eff.syncAs, jobId: eff.jobId, mappingVersion: eff.mappingVersion, dedup: eff.dedup },
        { state: place.queue ? 'not_synced' : place.state, awaitingReply: place.awaitingReply },
      );
      if (place.state === 'awaiting_reply') skipped.awaitingReply += 1;
      if (place.queue) queued += enqueue(ctx, [row.id], { held: owner.reviewBeforeSync });
    }
  })();
  changed(ctx, queued);
  return { queued, skipped, message: resyncMessage(queued, skipped) };
}

/**
 * Retry failed or backing-off enrollments now, with a fresh attempt budget. Two fixes ride along, each on
 * the recruiter's explicit action: `remap` re-captures today's mapping version (only for an enrollment that
 * never synced: what a synced one sent stays as it was), and `withoutField` leaves out the field whose
 * value was refused. The attempt budget lives on the queue item; the enrollment's attempt count keeps
 * counting every attempt ever made.
 */
export function retry(
  ctx: Ctx,
  ids: number[],
  opts: { remap?: boolean; withoutField?: boolean } = {},
): { queued: number; remapped: number; fieldsDropped: number } {
  const rows = rowsByIds(ctx, ids).filter((r) => r.state === 'failed' || r.state === 'retrying');
  let queued = 0;
  let remapped = 0;
  let fieldsDropped = 0;
  ctx.sqlite.transaction(() => {
    if (opts.remap) {
      for (const row of rows) remapped += remapToVersion(ctx.sqlite, row.id, settingsRow(ctx, row.userId).mappingVersion);
    }
    if (opts.withoutField) {
      for (const row of rows) fieldsDropped += skipRefusedField(ctx.sqlite, row.id);
    }
    const now = ctx.clock.now();
    for (const row of rows) {
      if (row.state === 'retrying') {
        const bumped = retryNow(ctx.sqlite, row.id, now);
        if (bumped > 0) markRequeued(ctx.sqlite, row.id);
        queued += bumped;
      } else queued += enqueue(ctx, [row.id], { held: false });
    }
  })();
  changed(ctx, queued);
  return { queued, remapped, fieldsDropped };
}

export function removeEnrollments(ctx: Pick<Ctx, 'events' | 'sqlite'>, ids: number[]): number {
  const removed = ctx.sqlite.transaction(() => ids.reduce((n, id) => n + removeUnlessInFlight(ctx.sqlite, id), 0))();
  ctx.events.emit('data:changed', { what: 'sequences' });
  ctx.events.emit('queue:changed', { reason: 'removed' });
  return removed;
}
