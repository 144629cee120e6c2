// Adding contacts to a sequence: the effective settings of this moment are captured on each enrollment,
// the dedup check runs (when on and online), and queue rows are written in the same transaction.
import { isValidEmail, normalizeEmail, type AddSummary, type FlagCode, type SyncAs } from '../../src-shared/domain';
import type { Prospect } from '../recruiterflow';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { activeConnection } from './connection';
import { flagMessage, matchOf } from './flags';
import { DEMO_CODE, DEMO_MESSAGE } from '../store/enrollments';
import { anyDemoContact, countKnownContacts, createBareContacts, firstUnknownContacts } from '../store/contacts';
import { addStatements, enrolledEmails } from '../store/enrollmentAdd';
import { createdByUs } from '../store/links';
import { missingContacts } from './contacts';
import { placeEnrollment } from '../store/enrollments';
import { sequenceRow } from './sequences';
import { ownerIdFor } from './owners';
import { effectiveSettings, settingsRow } from './settings';
import { captureStages } from './stages';
import { logEvent } from '../store/syncLog';

/**
 * Contacts per transaction when adding to a sequence (see the loop in addToSequence). Smaller batches
 * answer other calls sooner but rewrite more index pages per row: at a million contacts, batches of 2,000
 * cost twice the CPU of batches of 10,000.
 */
const ENROLL_BATCH = 10_000;

/**
 * What to do with emails that are not contacts yet: `fail` refuses the whole add (naming them), `skip`
 * adds the others and lists them, `create` makes each a contact with only its email first.
 */
export type UnknownPolicy = 'fail' | 'skip' | 'create';

export async function addToSequence(
  ctx: Ctx,
  sequenceId: string,
  rawEmails: string[],
  onUnknown: UnknownPolicy = 'fail',
): Promise<AddSummary> {
  const seq = sequenceRow(ctx, sequenceId);
  // Sorted: the email-ordered indexes then grow at their end, which is cheaper than random inserts.
  let emails = [...new Set(rawEmails.map(normalizeEmail))].sort();
  const invalid = emails.filter((email) => !isValidEmail(email));
  if (invalid.length > 0) {
    throw new AppError(
      'invalid_input',
      `Not an email address: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''}`,
      { field: 'emails' },
    );
  }
  let skipped: string[] = [];
  let created = 0;
  if (onUnknown !== 'fail') {
    const missing = missingContacts(ctx, emails);
    if (missing.length > 0 && onUnknown === 'skip') {
      const gone = new Set(missing);
      emails = emails.filter((email) => !gone.has(email));
      skipped = missing;
    } else if (missing.length > 0) {
      const now = ctx.clock.now();
      created = createBareContacts(ctx.sqlite, missing, now);
      if (created > 0) ctx.events.emit('data:changed', { what: 'contacts' });
    }
    if (emails.length === 0) return { added: 0, alreadyEnrolled: 0, flagged: [], skipped, created };
  }
  const list = JSON.stringify(emails);
  // Set-based checks (counts first, lists only when something is off): at 100,000 emails one
  // statement is far faster than a lookup per email.
  const known = countKnownContacts(ctx.sqlite, list);
  if (known < emails.length) {
    const unknown = firstUnknownContacts(ctx.sqlite, list);
    const shown = unknown.slice(0, 5).join(', ');
    const more = emails.length - known - 5;
    throw new AppError('unknown_contact', `Not a contact: ${shown}${more > 0 ? ` and ${more} more` : ''}; import them first`, {
      field: 'emails',
    });
  }
  const owner = settingsRow(ctx, seq.ownerUserId);
  const eff = effectiveSettings(seq, owner);
  const connection = activeConnection(ctx, seq.ownerUserId);
  const wouldSync = connection !== null && !eff.disabled && eff.syncMode !== 'off';
  // Who is already enrolled matters only to the dedup check (it must not ask about them); otherwise the
  // insert's "on conflict do nothing" skips them, and its count says how many.
  const willCheck = wouldSync && eff.dedup;
  const enrolled = willCheck ? new Set(enrolledEmails(ctx.sqlite, seq.id, list)) : new Set<string>();
  const fresh = enrolled.size === 0 ? emails : emails.filter((email) => !enrolled.has(email));
  // The dedup check happens before anything is written: HTTP never runs inside a transaction.
  // Email → the flag it gets: its code, message and the matched records (the evidence shown with it).
  const flags: Record<string, { code: FlagCode; error: string; evidence: string }> = {};
  let dedupChecked = false;
  if (wouldSync && eff.dedup && fresh.length > 0) {
    // A record Flowbridge created itself (for another sequence) is ours, not a duplicate to review.
    const toCheck = fresh.filter((email) => !createdByUs(ctx.sqlite, connection.account, email));
    try {
      // Records of the type this sequence syncs as first: "exists as a Contact" only when there is no candidate.
      const order: SyncAs[] = eff.syncAs === 'candidate' ? ['candidate', 'contact'] : ['contact', 'candidate'];
      const found = toCheck.length > 0 ? await connection.client.findByEmails(toCheck, order) : new Map<string, Prospect>();
      for (const [email, record] of found) {
        const code: FlagCode =
          record.type === eff.syncAs ? 'exists_in_recruiterflow' : record.type === 'contact' ? 'exists_as_contact' : 'exists_as_candidate';
        flags[email] = { code, error: flagMessage(code), evidence: JSON.stringify([matchOf(record, email)]) };
      }
      dedupChecked = true;
    } catch (error) {
      // Offline or failing: enroll anyway; the engine runs the same check before it creates anything.
      logEvent(ctx, 'warn', 'dedup.deferred', `Recruiterflow check deferred to sync time: ${(error as Error).message}`);
    }
  }

  const now = ctx.clock.now();
  const trigger = { connected: connection !== null, mode: eff.syncMode, disabled: eff.disabled, replied: false };
  const usual = placeEnrollment({ ...trigger, existsInRecruiterflow: false });
  const flaggedPlace = placeEnrollment({ ...trigger, existsInRecruiterflow: true });
  const flagged = fresh.filter((email) => flags[email] !== undefined);
  // skipped/created are reported only when the caller chose what to do with unknown emails.
  const summary: AddSummary = {
    added: 0,
    alreadyEnrolled: emails.length - fresh.length,
    flagged: [],
    ...(onUnknown === 'fail' ? {} : { skipped, created }),
  };
  let queued = 0;
  const db = ctx.sqlite;
  const { insertEnrollments, count, parkDemo, queue, flaggedSince, maxId } = addStatements(db, {
    anyFlagged: flagged.length > 0,
    parkDemo: connection !== null && !connection.sandbox && (seq.demo || anyDemoContact(db)),
  });
  const params = {
    flagged: JSON.stringify(flagged),
    flags: flagged.length > 0 ? JSON.stringify(flags) : '{}',
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
    state: usual.state,
    awaiting: usual.awaitingReply ? 1 : 0,
    flaggedState: flaggedPlace.state,
    flaggedAwaiting: flaggedPlace.awaitingReply ? 1 : 0,
    ownerId: ownerIdFor(ctx, seq.ownerUserId),
    ...captureStages(ctx, seq, owner),
  };
  // In batches, each its own short transaction, with the event loop free between them: a million
  // enrollments never hold the database (or browser mode's other calls) for more than one batch. Every
  // batch writes its enrollments, their counts and their queue rows together, so a crash between batches
  // leaves whole enrollments only, and adding the same list again completes it.
  for (let start = 0; start < fresh.length; start += ENROLL_BATCH) {
    const slice = fresh.length <= ENROLL_BATCH ? fresh : fresh.slice(start, start + ENROLL_BATCH);
    db.transaction(() => {
      const before = maxId();
      const inserted = insertEnrollments.run({ ...params, fresh: slice === emails ? list : JSON.stringify(slice) }).changes;
      summary.added += inserted;
      count.run(before, seq.id);
      summary.alreadyEnrolled += slice.length - inserted;
      parkDemo?.run({ error: DEMO_MESSAGE, code: DEMO_CODE, before, sequenceId: seq.id, demoSequence: seq.demo ? 1 : 0 });
      if (usual.queue) queued += queue.run(eff.reviewBeforeSync ? 'review' : 'pending', now, now, now, before, seq.id).changes;
      if (flagged.length > 0) {
        for (const { email, error } of flaggedSince(before, seq.id)) summary.flagged.push({ email, error });
      }
    }).immediate();
    if (start + ENROLL_BATCH < fresh.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (summary.added > 0) {
    logEvent(
      ctx,
      'info',
      'sequence.add',
      `${summary.added} ${summary.added === 1 ? 'contact' : 'contacts'} added to "${seq.name}"${summary.flagged.length ? `, ${summary.flagged.length} flagged` : ''}`,
    );
    ctx.events.emit('data:changed', { what: 'sequences' });
    if (queued > 0) {
      ctx.events.emit('queue:changed', { reason: 'enrolled' });
      ctx.wake();
    }
  }
  return summary;
}
