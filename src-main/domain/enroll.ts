// Adding contacts to a sequence: the effective settings of this moment are captured on each enrollment,
// the dedup check runs (when on and online), and queue rows are written in the same transaction.
import { EXISTS_IN_RECRUITERFLOW, normalizeEmail, type AddSummary } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { enqueue } from '../sync/queue';
import { activeConnection } from './connection';
import { placeEnrollment } from './enrollmentState';
import { sequenceRow } from './sequences';
import { effectiveSettings, settingsRow } from './settings';
import { logEvent } from './syncLog';

export async function addToSequence(ctx: Ctx, sequenceId: string, rawEmails: string[]): Promise<AddSummary> {
  const seq = sequenceRow(ctx, sequenceId);
  const emails = [...new Set(rawEmails.map(normalizeEmail))];
  const contactId = ctx.sqlite.prepare('select id from contacts where email = ?').pluck();
  const ids = emails.map((email) => contactId.get(email) as number | undefined);
  const unknown = emails.filter((_, i) => ids[i] === undefined);
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ');
    throw new AppError('unknown_contact', `Not a contact: ${shown}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}; import them first`);
  }
  const idOf = new Map(emails.map((email, i) => [email, ids[i]!]));
  const enrolled = ctx.sqlite.prepare('select 1 from enrollments where contact_id = ? and sequence_id = ?').pluck();
  const fresh = emails.filter((email) => enrolled.get(idOf.get(email), seq.id) === undefined);

  const owner = settingsRow(ctx, seq.ownerUserId);
  const eff = effectiveSettings(seq, owner);
  const connection = activeConnection(ctx, seq.ownerUserId);
  const wouldSync = connection !== null && !eff.disabled && eff.syncMode !== 'off';
  // The dedup check happens before anything is written: HTTP never runs inside a transaction.
  let existing = new Set<string>();
  let dedupChecked = false;
  if (wouldSync && eff.dedup && fresh.length > 0) {
    try {
      existing = new Set((await connection.client.findByEmails(fresh)).keys());
      dedupChecked = true;
    } catch (error) {
      // Offline or failing: enroll anyway; the engine runs the same check before it creates anything.
      logEvent(ctx, 'warn', 'dedup.deferred', `Recruiterflow check deferred to sync time: ${(error as Error).message}`);
    }
  }

  const now = ctx.clock.now();
  const insert = ctx.sqlite.prepare(`
    insert into enrollments (contact_id, email, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id,
      cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, error, error_code, first_error_at, awaiting_reply)
    values (@contactId, @email, @sequenceId, @userId, @now, @mode, @syncAs, @jobId, @mappingVersion, @disabled, @dedup,
      @dedupChecked, @state, @error, @errorCode, @firstErrorAt, @awaitingReply)
    on conflict (contact_id, sequence_id) do nothing returning id`);
  const summary: AddSummary = { added: 0, alreadyEnrolled: emails.length - fresh.length, flagged: [] };
  const toQueue: number[] = [];
  ctx.sqlite.transaction(() => {
    for (const email of fresh) {
      const flagged = existing.has(email);
      const place = placeEnrollment({ connected: connection !== null, mode: eff.syncMode, disabled: eff.disabled, existsInRecruiterflow: flagged, replied: false });
      const row = insert.get({
        contactId: idOf.get(email),
        email,
        sequenceId: seq.id,
        userId: seq.ownerUserId,
        now,
        mode: eff.syncMode,
        syncAs: eff.syncAs,
        jobId: eff.jobId,
        mappingVersion: eff.mappingVersion,
        disabled: eff.disabled ? 1 : 0,
        dedup: eff.dedup ? 1 : 0,
        dedupChecked: dedupChecked ? 1 : 0,
        state: place.state,
        error: place.state === 'flagged' ? EXISTS_IN_RECRUITERFLOW : null,
        errorCode: place.state === 'flagged' ? 'exists_in_recruiterflow' : null,
        firstErrorAt: place.state === 'flagged' ? now : null,
        awaitingReply: place.awaitingReply ? 1 : 0,
      }) as { id: number } | undefined;
      if (!row) {
        summary.alreadyEnrolled += 1;
        continue;
      }
      summary.added += 1;
      if (place.state === 'flagged') summary.flagged.push({ email, error: EXISTS_IN_RECRUITERFLOW });
      if (place.queue) toQueue.push(row.id);
    }
    enqueue(ctx, toQueue, { held: eff.reviewBeforeSync });
  })();
  if (summary.added > 0) {
    logEvent(ctx, 'info', 'sequence.add', `${summary.added} contact(s) added to "${seq.name}"${summary.flagged.length ? `, ${summary.flagged.length} flagged` : ''}`);
    ctx.events.emit('data:changed', { what: 'sequences' });
    if (toQueue.length > 0) {
      ctx.events.emit('queue:changed', { reason: 'enrolled' });
      ctx.wake();
    }
  }
  return summary;
}
