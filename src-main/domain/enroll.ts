// Adding contacts to a sequence: the effective settings of this moment are captured on each enrollment,
// the dedup check runs (when on and online), and queue rows are written in the same transaction.
import { isValidEmail, normalizeEmail, type AddSummary, type FlagCode, type SyncAs } from '../../src-shared/domain';
import type { Prospect } from '../recruiterflow';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { activeConnection, type ActiveConnection } from './connection';
import { flagMessage, matchOf } from './flags';
import { DEMO_CODE, DEMO_MESSAGE, type Placement } from '../store/enrollments';
import { anyDemoContact, contactIdsOf, createBareContacts, firstUnknownContacts } from '../store/contacts';
import { addStatements } from '../store/enrollmentAdd';
import { enrolledEmails } from '../store/enrollments';
import { createdByUs } from '../store/links';
import { missingContacts } from '../store/contacts';
import { placeEnrollment } from '../store/enrollments';
import { sequenceRow, type SequenceRow } from './sequences';
import { ownerIdFor } from './owners';
import { effectiveSettings, settingsRow, type EffectiveSettings, type SettingsRow } from './settings';
import { captureStages } from './stages';
import { logEvent } from '../store/syncLog';

/**
 * Contacts per transaction when adding to a sequence from the command line (see the loop in
 * addToSequence): smaller batches rewrite more index pages per row (10,000 cost 8% more CPU than 50,000
 * at 100,000 contacts). One batch holds the database for a fraction of a second, far under another
 * process's busy timeout. The window and browser mode cut batches by time instead (SLICE_MS).
 */
const ENROLL_BATCH = 50_000;
/**
 * With `interactive` (the window and browser mode), a batch is sized to about this many ms of work (from
 * the pace of the batches before it). The add runs on the background writer's thread there (src-main/bulk),
 * so reads never wait for it; a write of the main thread waits for the write lock, at most one short batch.
 */
const SLICE_MS = 8;
const FIRST_SLICE = 500;

/**
 * What to do with emails that are not contacts yet: `fail` refuses the whole add (naming them), `skip`
 * adds the others and lists them, `create` makes each a contact with only its email first.
 */
export type UnknownPolicy = 'fail' | 'skip' | 'create';

export interface AddOptions {
  /** Other calls are served meanwhile (the window, browser mode): batches of about SLICE_MS of work. */
  interactive?: boolean;
}

export async function addToSequence(
  ctx: Ctx,
  sequenceId: string,
  rawEmails: string[],
  onUnknown: UnknownPolicy = 'fail',
  options: AddOptions = {},
): Promise<AddSummary> {
  const { target, check } = prepareAdd(ctx, sequenceId);
  return addEmails(ctx, target, rawEmails, onUnknown, { ...options, check });
}

/**
 * The sequence an add goes to and what applies to it at this moment, and the add-time dedup check. Read
 * where the key can be (the connection's client holds it); `target` is plain data, so the rest of the add
 * can run on the background writer's thread (src-main/bulk) with `check` answered back here.
 */
export function prepareAdd(ctx: Ctx, sequenceId: string): { target: AddTarget; check: DuplicateCheck } {
  const seq = sequenceRow(ctx, sequenceId);
  const owner = settingsRow(ctx, seq.ownerUserId);
  const eff = effectiveSettings(seq, owner);
  const connection = activeConnection(ctx, seq.ownerUserId);
  const target: AddTarget = { seq, owner, eff, connection: connection && { account: connection.account, sandbox: connection.sandbox } };
  const check: DuplicateCheck = (syncAs, fresh) =>
    connection ? checkDuplicates(ctx, connection, syncAs, fresh) : Promise.resolve(NOT_CHECKED);
  return { target, check };
}

/** Adds the emails to `target`'s sequence (see addToSequence); `check` is the add-time dedup check. */
export async function addEmails(
  ctx: Ctx,
  target: AddTarget,
  rawEmails: string[],
  onUnknown: UnknownPolicy,
  options: AddOptions & { check: DuplicateCheck },
): Promise<AddSummary> {
  const { seq, eff, connection } = target;
  const { emails, skipped, created } = settleUnknownEmails(ctx, validEmails(rawEmails), onUnknown);
  if (onUnknown !== 'fail' && emails.length === 0) return { added: 0, alreadyEnrolled: 0, flagged: [], skipped, created };
  const list = JSON.stringify(emails);
  let ids = idsOfContacts(ctx, emails, list);
  const wouldSync = connection !== null && !eff.disabled && eff.syncMode !== 'off';
  // Who is already enrolled matters only to the dedup check (it must not ask about them); otherwise the
  // insert's "on conflict do nothing" skips them, and its count says how many.
  const willCheck = wouldSync && eff.dedup;
  const enrolled = willCheck ? new Set(enrolledEmails(ctx.sqlite, seq.id, list)) : new Set<string>();
  const fresh = enrolled.size === 0 ? emails : emails.filter((email) => !enrolled.has(email));
  if (fresh !== emails) ids = contactIdsOf(ctx.sqlite, JSON.stringify(fresh));
  // The dedup check happens before anything is written: HTTP never runs inside a transaction.
  const dedup = willCheck && fresh.length > 0 ? await options.check(eff.syncAs, fresh) : NOT_CHECKED;
  // skipped/created are reported only when the caller chose what to do with unknown emails.
  const summary: AddSummary = {
    added: 0,
    alreadyEnrolled: emails.length - fresh.length,
    flagged: [],
    ...(onUnknown === 'fail' ? {} : { skipped, created }),
  };
  const queued = await writeEnrollments(ctx, target, ids, fresh, dedup, summary, options.interactive === true);
  announceAdd(ctx, seq.name, summary, queued);
  return summary;
}

/** The emails normalized, once each and sorted; throws (naming the first few) if any is not an address. */
function validEmails(rawEmails: string[]): string[] {
  // Sorted: the email-ordered indexes then grow at their end, which is cheaper than random inserts. Sorted
  // first, then repeats dropped as neighbours: no Set of a million strings to build and collect, and a list
  // that comes sorted (every contact, by email) is only checked.
  const all = new Array<string>(rawEmails.length);
  let sorted = true;
  for (let i = 0; i < rawEmails.length; i += 1) {
    const email = normalizeEmail(rawEmails[i]!);
    all[i] = email;
    if (sorted && i > 0 && all[i - 1]! > email) sorted = false;
  }
  if (!sorted) all.sort();
  const emails: string[] = [];
  const invalid: string[] = [];
  for (let i = 0; i < all.length; i += 1) {
    const email = all[i]!;
    if (i > 0 && all[i - 1] === email) continue;
    emails.push(email);
    if (!isValidEmail(email)) invalid.push(email);
  }
  if (invalid.length > 0) {
    throw new AppError(
      'invalid_input',
      `Not an email address: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''}`,
      { field: 'emails' },
    );
  }
  return emails;
}

/** Applies `onUnknown` to the emails that are not contacts yet: `skip` drops them, `create` makes them. */
function settleUnknownEmails(
  ctx: Ctx,
  emails: string[],
  onUnknown: UnknownPolicy,
): { emails: string[]; skipped: string[]; created: number } {
  if (onUnknown === 'fail') return { emails, skipped: [], created: 0 };
  const missing = missingContacts(ctx, emails);
  if (missing.length === 0) return { emails, skipped: [], created: 0 };
  if (onUnknown === 'skip') {
    const gone = new Set(missing);
    return { emails: emails.filter((email) => !gone.has(email)), skipped: missing, created: 0 };
  }
  const created = createBareContacts(ctx.sqlite, missing, ctx.clock.now());
  if (created > 0) ctx.events.emit('data:changed', { what: 'contacts' });
  return { emails, skipped: [], created };
}

/**
 * The contacts' ids, in the emails' order: the check that every email is a contact (`fail`, the default,
 * refuses the add), and what the insert reads (a rowid lookup per row instead of a second one by email).
 */
function idsOfContacts(ctx: Pick<Ctx, 'sqlite'>, emails: string[], list: string): number[] {
  // Set-based checks (counts first, lists only when something is off): at 100,000 emails one
  // statement is far faster than a lookup per email.
  const ids = contactIdsOf(ctx.sqlite, list);
  const known = ids.length;
  if (known < emails.length) {
    const unknown = firstUnknownContacts(ctx.sqlite, list);
    const shown = unknown.slice(0, 5).join(', ');
    const more = emails.length - known - 5;
    throw new AppError('unknown_contact', `Not a contact: ${shown}${more > 0 ? ` and ${more} more` : ''}; import them first`, {
      field: 'emails',
    });
  }
  return ids;
}

/** The add-time dedup check's outcome: email → the flag it gets (code, message, the matched records shown with it). */
export interface Dedup {
  flags: Record<string, { code: FlagCode; error: string; evidence: string }>;
  /** The check ran; when it failed (offline), the engine runs it again before it creates anything. */
  checked: boolean;
}

const NOT_CHECKED: Dedup = { flags: {}, checked: false };

/** Asks Recruiterflow which of `fresh` it already has, before anything is written. */
async function checkDuplicates(ctx: Ctx, connection: ActiveConnection, syncAs: SyncAs, fresh: string[]): Promise<Dedup> {
  const flags: Dedup['flags'] = {};
  // A record Flowbridge created itself (for another sequence) is ours, not a duplicate to review.
  const toCheck = fresh.filter((email) => !createdByUs(ctx.sqlite, connection.account, email));
  try {
    // Records of the type this sequence syncs as first: "exists as a Contact" only when there is no candidate.
    const order: SyncAs[] = syncAs === 'candidate' ? ['candidate', 'contact'] : ['contact', 'candidate'];
    const found = toCheck.length > 0 ? await connection.client.findByEmails(toCheck, order) : new Map<string, Prospect>();
    for (const [email, record] of found) {
      const code: FlagCode =
        record.type === syncAs ? 'exists_in_recruiterflow' : record.type === 'contact' ? 'exists_as_contact' : 'exists_as_candidate';
      flags[email] = { code, error: flagMessage(code), evidence: JSON.stringify([matchOf(record, email)]) };
    }
    return { flags, checked: true };
  } catch (error) {
    // Offline or failing: enroll anyway; the engine runs the same check before it creates anything.
    logEvent(ctx, 'warn', 'dedup.deferred', `Recruiterflow check deferred to sync time: ${(error as Error).message}`);
    return { flags, checked: false };
  }
}

/** The sequence being added to and what applies to its adds at this moment (plain data: it crosses threads). */
export interface AddTarget {
  seq: SequenceRow;
  owner: SettingsRow;
  eff: EffectiveSettings;
  /** The owner's connection (its account, and whether it is the built-in sandbox), or null when not connected. */
  connection: { account: string; sandbox: boolean } | null;
}

/** Asks Recruiterflow which of `fresh` it has already (the dedup check of an add). */
export type DuplicateCheck = (syncAs: SyncAs, fresh: string[]) => Promise<Dedup>;

/**
 * Writes the enrollments of `ids` (the contacts of `fresh`), their counts and queue rows, adding to
 * `summary`; returns how many queue rows it wrote.
 */
async function writeEnrollments(
  ctx: Ctx,
  target: AddTarget,
  ids: number[],
  fresh: string[],
  dedup: Dedup,
  summary: AddSummary,
  interactive: boolean,
): Promise<number> {
  const { seq, eff, connection } = target;
  const now = ctx.clock.now();
  const trigger = { connected: connection !== null, mode: eff.syncMode, disabled: eff.disabled, replied: false };
  const usual = placeEnrollment({ ...trigger, existsInRecruiterflow: false });
  const flaggedPlace = placeEnrollment({ ...trigger, existsInRecruiterflow: true });
  const flagged = fresh.filter((email) => dedup.flags[email] !== undefined);
  let queued = 0;
  const db = ctx.sqlite;
  const { insertEnrollments, count, countUsual, parkDemo, queue, flaggedSince, maxId, inBatch } = addStatements(db, {
    anyFlagged: flagged.length > 0,
    parkDemo: connection !== null && !connection.sandbox && (seq.demo || anyDemoContact(db)),
  });
  const params = captureParams(ctx, target, { now, usual, flaggedPlace, flagged, dedup });
  // In batches, each its own short transaction, with the event loop free between them: a million
  // enrollments never hold the database (or browser mode's other calls) for more than one batch. Every
  // batch writes its enrollments, their counts and their queue rows together, so a crash between batches
  // leaves whole enrollments only, and adding the same list again completes it.
  let size = interactive ? FIRST_SLICE : ENROLL_BATCH;
  for (let start = 0; start < ids.length;) {
    const began = performance.now();
    const slice = start === 0 && ids.length <= size ? ids : ids.slice(start, start + size);
    writeBatch(slice);
    start += slice.length;
    if (interactive) size = nextSliceSize(slice.length, performance.now() - began);
    if (start < ids.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  function writeBatch(slice: number[]): void {
    inBatch(seq.id, seq.ownerUserId, () => {
      const before = maxId();
      const inserted = insertEnrollments.run({ ...params, ids: JSON.stringify(slice) }).changes;
      summary.added += inserted;
      if (count) count.run(before, seq.id);
      else if (inserted > 0) countUsual.run(seq.id, usual.state, inserted);
      summary.alreadyEnrolled += slice.length - inserted;
      parkDemo?.run({ error: DEMO_MESSAGE, code: DEMO_CODE, before, sequenceId: seq.id, demoSequence: seq.demo ? 1 : 0 });
      if (usual.queue) queued += queue.run(eff.reviewBeforeSync ? 'review' : 'pending', now, now, now, before, seq.id).changes;
      if (flagged.length > 0) {
        for (const { email, error } of flaggedSince(before, seq.id)) summary.flagged.push({ email, error });
      }
    });
  }
  return queued;
}

/** The insert's named parameters: what every enrollment of this add captures (settings, stages, owner, placement). */
function captureParams(
  ctx: Pick<Ctx, 'db' | 'sqlite'>,
  { seq, owner, eff }: AddTarget,
  add: { now: number; usual: Placement; flaggedPlace: Placement; flagged: string[]; dedup: Dedup },
) {
  const { now, usual, flaggedPlace, flagged, dedup } = add;
  return {
    flagged: JSON.stringify(flagged),
    flags: flagged.length > 0 ? JSON.stringify(dedup.flags) : '{}',
    sequenceId: seq.id,
    userId: seq.ownerUserId,
    now,
    mode: eff.syncMode,
    syncAs: eff.syncAs,
    jobId: eff.jobId,
    mappingVersion: eff.mappingVersion,
    disabled: eff.disabled ? 1 : 0,
    dedup: eff.dedup ? 1 : 0,
    dedupChecked: dedup.checked ? 1 : 0,
    state: usual.state,
    awaiting: usual.awaitingReply ? 1 : 0,
    flaggedState: flaggedPlace.state,
    flaggedAwaiting: flaggedPlace.awaitingReply ? 1 : 0,
    ownerId: ownerIdFor(ctx, seq.ownerUserId),
    ...captureStages(ctx, seq, owner),
  };
}

/** The log line and the events of an add that wrote something; the engine wakes for new queue rows. */
function announceAdd(
  ctx: Pick<Ctx, 'sqlite' | 'clock' | 'events' | 'wake'>,
  sequenceName: string,
  summary: AddSummary,
  queued: number,
): void {
  if (summary.added === 0) return;
  logEvent(
    ctx,
    'info',
    'sequence.add',
    `${summary.added} ${summary.added === 1 ? 'contact' : 'contacts'} added to "${sequenceName}"${summary.flagged.length ? `, ${summary.flagged.length} flagged` : ''}`,
  );
  ctx.events.emit('data:changed', { what: 'sequences' });
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'enrolled' });
    ctx.wake();
  }
}

/** The next interactive batch: about SLICE_MS of work at the pace of the last one. */
function nextSliceSize(rows: number, ms: number): number {
  const perMs = rows / Math.max(ms, 0.5);
  return Math.max(100, Math.min(ENROLL_BATCH, Math.round(perMs * SLICE_MS)));
}
