// Every change of an enrollment's sync state, and the reads the engine needs: the only module that
// writes `enrollments` after the add (the add's bulk statements are in enrollmentAdd.ts). The rules that
// decide where an enrollment goes are here too (placeEnrollment), next to the writes that apply them, and
// so are the columns that carry the owner and the pipeline stages (cap_owner_id, cap_stage,
// cap_reply_stage, reply_stage_due_at, stage_move_planned) and the marks the links check makes (relinked,
// deleted, and a deleted mark that follows a change of account).
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
  DELETED_CODE,
  DELETED_IN_RECRUITERFLOW,
  DELETED_OTHER_ACCOUNT_CODE,
  type EnrollmentState,
  type SyncAs,
  type SyncMode,
} from '../../src-shared/domain';
import type Database from 'better-sqlite3';
import type { Db, Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import { enrollments } from '../db/schema';
import { statement } from '../db/statements';

/** An enrollment as stored (the schema's row type: no hand-written copy of it). */
export type Enrollment = typeof enrollments.$inferSelect;

export interface Trigger {
  connected: boolean;
  mode: SyncMode;
  disabled: boolean;
  existsInRecruiterflow: boolean;
  replied: boolean;
}

export interface Placement {
  state: EnrollmentState;
  awaitingReply: boolean;
  queue: boolean;
}

/**
 * Where a new or re-triggered enrollment goes, from the settings captured for it. Rule order matters: no
 * connection, then Disable Sync, then mode off, then the dedup flag, then the trigger.
 */
export function placeEnrollment(t: Trigger): Placement {
  if (!t.connected) return { state: 'not_synced', awaitingReply: false, queue: false };
  if (t.disabled) return { state: 'sync_disabled', awaitingReply: false, queue: false };
  if (t.mode === 'off') return { state: 'not_synced', awaitingReply: false, queue: false };
  if (t.existsInRecruiterflow) return { state: 'flagged', awaitingReply: t.mode === 'on-reply', queue: false };
  if (t.mode === 'on-reply' && !t.replied) return { state: 'awaiting_reply', awaitingReply: true, queue: false };
  return { state: 'queued', awaitingReply: false, queue: true };
}

export const DEMO_CODE = 'demo';
export const DEMO_MESSAGE = 'Demo data is never sent to a real Recruiterflow account (only to the built-in Sandbox)';

/**
 * True when this enrollment is demo data (its contact or its sequence) and its owner's connection is a
 * real account: such work is never queued, and the engine never sends it.
 */
export function isDemoForRealAccount(sqlite: Sqlite, enrollmentId: number): boolean {
  return (
    statement(
      sqlite,
      `select 1 from enrollments e join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id
         join connections k on k.user_id = e.user_id
       where e.id = ? and (c.demo = 1 or s.demo = 1) and k.sandbox = 0`,
    ).get(enrollmentId) !== undefined
  );
}

/** Marks a blocked demo enrollment: not synced, with the reason (the caller holds the transaction). */
export function parkDemo(sqlite: Sqlite, enrollmentId: number): void {
  statement(sqlite, "update enrollments set state = 'not_synced', error = ?, error_code = ?, awaiting_reply = 0 where id = ?").run(
    DEMO_MESSAGE,
    DEMO_CODE,
    enrollmentId,
  );
}

/** Queued: its queue row is written in the same transaction (store/queue.ts enqueue). */
export function markQueued(sqlite: Sqlite, enrollmentId: number): void {
  statement(sqlite, "update enrollments set state = 'queued', error = null, error_code = null, awaiting_reply = 0 where id = ?").run(
    enrollmentId,
  );
}

/** What the recruiter sees instead of "queued" once the item of this queue row is cancelled. */
export function markCancelled(sqlite: Sqlite, queueId: number, then: { state: string; error: string | null; code: string | null }): void {
  statement(
    sqlite,
    "update enrollments set state = ?, error = ?, error_code = ? where id = (select enrollment_id from sync_queue where id = ?) and state in ('queued', 'retrying')",
  ).run(then.state, then.error, then.code, queueId);
}

/** A reply counts for this enrollment: the first reply's time is kept. */
export function markReplied(sqlite: Sqlite, enrollmentId: number, at: number): void {
  statement(sqlite, 'update enrollments set replied_at = coalesce(replied_at, ?) where id = ?').run(at, enrollmentId);
}

/** The latest create sent for this enrollment's contact (by any of its enrollments), or null. */
export function lastCreateStarted(sqlite: Sqlite, enrollmentId: number): number | null {
  const row = statement<[number], { at: Enrollment['createStartedAt'] }>(
    sqlite,
    `select max(create_started_at) as at from enrollments
        where contact_id = (select contact_id from enrollments where id = ?) and create_started_at is not null`,
  ).get(enrollmentId);
  return row?.at ?? null;
}

/** A create may be on its way (a time), or none of ours was sent after all (null). */
export function setCreateStarted(sqlite: Sqlite, enrollmentId: number, at: number | null): void {
  if (at === null) statement(sqlite, 'update enrollments set create_started_at = null where id = ?').run(enrollmentId);
  else statement(sqlite, 'update enrollments set create_started_at = ? where id = ?').run(at, enrollmentId);
}

/** Synced: the record id, in the account the owner is connected to now; the error is cleared. */
export function markSynced(sqlite: Sqlite, enrollmentId: number, userId: number, rfId: number, now: number): void {
  statement(
    sqlite,
    `update enrollments set state = 'synced', rf_id = ?, synced_at = ?, error = null, error_code = null, evidence = null,
           attempts = attempts + 1, last_attempt_at = ?,
           rf_account = (select coalesce(account, base_url) from connections where user_id = ?) where id = ?`,
  ).run(rfId, now, now, userId, enrollmentId);
}

/** The enrollment side of every outcome that is not a sync: its state, the error, one more attempt. */
export function markAttempt(
  sqlite: Sqlite,
  enrollmentId: number,
  state: 'flagged' | 'failed' | 'retrying',
  code: string,
  message: string,
  now: number,
  field: string | null,
): void {
  statement(
    sqlite,
    `update enrollments set state = ?, error = ?, error_code = ?, error_field = ?, first_error_at = coalesce(first_error_at, ?),
         last_attempt_at = ?, attempts = attempts + 1 where id = ?`,
  ).run(state, message, code, field, now, now, enrollmentId);
}

/** The records a flag matched (JSON), shown with it; the dedup check counts as done. */
export function setFlagEvidence(sqlite: Sqlite, enrollmentId: number, evidence: string): void {
  statement(sqlite, 'update enrollments set dedup_checked = 1, evidence = ? where id = ?').run(evidence, enrollmentId);
}

/** Not tried now, and not an attempt: retrying, with the reason (a create for its email is settling). */
export function markDeferred(sqlite: Sqlite, enrollmentId: number, message: string, now: number): void {
  statement(
    sqlite,
    "update enrollments set state = 'retrying', error = ?, error_code = 'create_settling', last_attempt_at = ? where id = ?",
  ).run(message, now, enrollmentId);
}

/** What the engine reads of a claimed item: the captured settings and the contact (every column of it). */
export function syncSourceRow(sqlite: Sqlite, enrollmentId: number): unknown {
  return statement(
    sqlite,
    `select e.email, e.cap_sync_as as syncAs, e.cap_job_id as jobId, e.user_id as userId, e.cap_mapping_version as mappingVersion,
              e.cap_dedup as capDedup, e.dedup_checked as dedupChecked, e.dedup_cleared as dedupCleared,
              e.create_started_at as createStartedAt, e.synced_at as syncedAt, e.create_anyway as createAnyway, e.skip_fields as skipFields, c.*
       from enrollments e join contacts c on c.id = e.contact_id where e.id = ?`,
  ).get(enrollmentId);
}

export function enrollmentById(db: Db, id: number): Enrollment | undefined {
  return db.select().from(enrollments).where(eq(enrollments.id, id)).get();
}

/** The enrollments of these ids that exist, in the order asked. */
export function enrollmentsByIds(db: Db, ids: number[]): Enrollment[] {
  return ids.map((id) => enrollmentById(db, id)).filter((row): row is Enrollment => row !== undefined);
}

/** A contact's enrollments, in one sequence when one is named. */
export function enrollmentsOfContact(db: Db, contactId: number, sequenceId?: number, state?: EnrollmentState): Enrollment[] {
  const where: SQL[] = [eq(enrollments.contactId, contactId)];
  if (sequenceId !== undefined) where.push(eq(enrollments.sequenceId, sequenceId));
  if (state !== undefined) where.push(eq(enrollments.state, state));
  return db
    .select()
    .from(enrollments)
    .where(and(...where))
    .all();
}

/**
 * What Resync looks at, in a sequence or of a contact (or everywhere): the enrollments that never synced
 * (or synced in another account) in a state Resync may change, and, apart, those it leaves alone.
 */
export function resyncScope(db: Db, scope: { sequenceId?: number; contactId?: number }): { candidates: Enrollment[]; busy: Enrollment[] } {
  const where: SQL[] = [];
  if (scope.sequenceId !== undefined) where.push(eq(enrollments.sequenceId, scope.sequenceId));
  if (scope.contactId !== undefined) where.push(eq(enrollments.contactId, scope.contactId));
  const neverSynced = or(and(isNull(enrollments.syncedAt), isNull(enrollments.rfId)), eq(enrollments.errorCode, 'other_account'));
  const candidates = db
    .select()
    .from(enrollments)
    .where(and(inArray(enrollments.state, ['not_synced', 'awaiting_reply', 'sync_disabled', 'failed']), neverSynced, ...where))
    .all();
  const busy = db
    .select()
    .from(enrollments)
    .where(and(inArray(enrollments.state, ['flagged', 'queued', 'retrying']), ...where))
    .all();
  return { candidates, busy };
}

/** Not synced on the recruiter's word ("Don't sync"), with the reason. */
export function markNotSynced(sqlite: Sqlite, id: number, error: string, code: string): void {
  statement(sqlite, 'update enrollments set state = ?, error = ?, error_code = ?, awaiting_reply = 0 where id = ?').run(
    'not_synced',
    error,
    code,
    id,
  );
}

/**
 * A reviewed flag: the enrollment goes on as `state` (a caller that queues it passes not_synced and then
 * enqueues). A resolution may change what it asks for: `syncAs` (linked to the other type), `dropJob`, and
 * `createAnyway` (a record of the other type is no reason to stop).
 */
export function clearFlag(
  sqlite: Sqlite,
  id: number,
  to: { state: EnrollmentState; awaitingReply: boolean },
  resolution?: { createAnyway: boolean; syncAs: SyncAs; dropJob: boolean },
): void {
  if (!resolution) {
    statement(
      sqlite,
      'update enrollments set dedup_cleared = 1, error = null, error_code = null, state = ?, awaiting_reply = ? where id = ?',
    ).run(to.state, to.awaitingReply ? 1 : 0, id);
    return;
  }
  statement(
    sqlite,
    `update enrollments set dedup_cleared = 1, create_anyway = @createAnyway, cap_sync_as = @syncAs,
         cap_job_id = case when @dropJob = 1 then null else cap_job_id end,
         error = null, error_code = null, state = @state, awaiting_reply = @awaiting where id = @id`,
  ).run({
    id,
    createAnyway: resolution.createAnyway ? 1 : 0,
    syncAs: resolution.syncAs,
    dropJob: resolution.dropJob ? 1 : 0,
    state: to.state,
    awaiting: to.awaitingReply ? 1 : 0,
  });
}

/** Resync re-captures today's settings on an enrollment that never synced, with a fresh attempt count. */
export function recapture(
  sqlite: Sqlite,
  id: number,
  settings: { mode: SyncMode; syncAs: SyncAs; jobId: number | null; mappingVersion: number; dedup: boolean },
  to: { state: EnrollmentState; awaitingReply: boolean },
): void {
  statement(
    sqlite,
    `
    update enrollments set cap_mode = @mode, cap_sync_as = @syncAs, cap_job_id = @jobId, cap_mapping_version = @mappingVersion,
      cap_disabled = 0, cap_dedup = @dedup, dedup_checked = 0, state = @state, awaiting_reply = @awaiting,
      error = null, error_code = null, attempts = 0
    where id = @id`,
  ).run({
    id,
    mode: settings.mode,
    syncAs: settings.syncAs,
    jobId: settings.jobId,
    mappingVersion: settings.mappingVersion,
    dedup: settings.dedup ? 1 : 0,
    state: to.state,
    awaiting: to.awaitingReply ? 1 : 0,
  });
}

/** Retry with today's mapping: only an enrollment that never synced (what a synced one sent stays). */
export function remapToVersion(sqlite: Sqlite, id: number, mappingVersion: number): number {
  return statement(
    sqlite,
    'update enrollments set cap_mapping_version = ?, skip_fields = ? where id = ? and rf_id is null and synced_at is null',
  ).run(mappingVersion, '[]', id).changes;
}

/** "Sync without this field": the refused field joins the ones this enrollment leaves out. */
export function skipRefusedField(sqlite: Sqlite, id: number): number {
  return statement(
    sqlite,
    `update enrollments set skip_fields = (select json_group_array(value) from (select value from json_each(skip_fields) union select error_field))
         where id = ? and error_field is not null`,
  ).run(id).changes;
}

/** Leaves `field` out of this enrollment's create (kept with the fields a refusal already left out). */
export function skipFieldOnCreate(sqlite: Sqlite, id: number, field: string): void {
  statement(
    sqlite,
    `update enrollments set skip_fields = (select json_group_array(value) from (select value from json_each(skip_fields) union select ?))
     where id = ?`,
  ).run(field, id);
}

/** Back to queued (its backing-off queue item was made due now). */
export function markRequeued(sqlite: Sqlite, id: number): void {
  statement(sqlite, "update enrollments set state = 'queued' where id = ?").run(id);
}

/** Removes an enrollment unless its item is being sent right now. */
export function removeUnlessInFlight(sqlite: Sqlite, id: number): number {
  return statement(
    sqlite,
    "delete from enrollments where id = ? and id not in (select enrollment_id from sync_queue where state = 'in_flight')",
  ).run(id).changes;
}

/** A contact's enrollments as a reply sees them: when each was added, and whether it waits for a reply. */
export function replyTargetsOf(db: Db, contactId: number): Pick<Enrollment, 'id' | 'userId' | 'addedAt' | 'state' | 'awaitingReply'>[] {
  return db
    .select({
      id: enrollments.id,
      userId: enrollments.userId,
      addedAt: enrollments.addedAt,
      state: enrollments.state,
      awaitingReply: enrollments.awaitingReply,
    })
    .from(enrollments)
    .where(eq(enrollments.contactId, contactId))
    .all();
}

/**
 * Enrollments in an error state. A query that reads them across sequences must hold this very term, so that
 * SQLite uses the partial index enrollments_error_state (the only index of enrollments by state alone).
 */
export const ERROR_STATE_TERM = "e.state in ('flagged', 'failed', 'retrying')";

const FLAGGED_AS_EXISTING = `${ERROR_STATE_TERM} and e.state = 'flagged'
  and e.error_code in ('exists_in_recruiterflow', 'exists_as_contact', 'exists_as_candidate', 'possible_match')`;

/** What an account switch would change for this user: synced elsewhere, synced here before, flags to check again. */
export function accountSwitchCounts(
  sqlite: Sqlite,
  userId: number,
  to: string,
  otherAccountCode: string,
): { syncedElsewhere: number; restored: number; flagsRechecked: number } {
  const n = (sql: string, ...params: unknown[]) =>
    Number(
      sqlite
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  return {
    syncedElsewhere: n("select count(*) from enrollments where user_id = ? and state = 'synced' and rf_account is not ?", userId, to),
    restored: n('select count(*) from enrollments where user_id = ? and error_code = ? and rf_account = ?', userId, otherAccountCode, to),
    flagsRechecked: n(`select count(*) from enrollments e where e.user_id = ? and ${FLAGGED_AS_EXISTING}`, userId),
  };
}

/** The account an enrollment was synced in takes the account's new identity (legacy links adopted). */
export function renameRfAccount(sqlite: Sqlite, from: string, to: string): void {
  sqlite.prepare('update enrollments set rf_account = ? where rf_account = ?').run(to, from);
}

/**
 * The switch to account `to`: enrollments synced in another account are not synced here (their record id
 * kept for a switch back), those synced in `to` are synced again, and flags naming records of the old
 * account are checked again (their ids are returned, for the caller to queue).
 */
export function applyAccountSwitch(sqlite: Sqlite, userId: number, fromBaseUrl: string, to: string, otherAccountCode: string): number[] {
  sqlite
    .prepare(
      `update enrollments set state = 'not_synced', error_code = @code,
           error = 'Synced to another Recruiterflow account (' ||
             case when instr(rf_account, '#') > 0 then substr(rf_account, 1, instr(rf_account, '#') - 1) else coalesce(rf_account, @from) end ||
             '), not to this one'
         where user_id = @userId and state = 'synced' and rf_account is not @to`,
    )
    .run({ code: otherAccountCode, from: fromBaseUrl, userId, to });
  sqlite
    .prepare(
      "update enrollments set state = 'synced', error = null, error_code = null where user_id = ? and error_code = ? and rf_account = ?",
    )
    .run(userId, otherAccountCode, to);
  const reflag = sqlite
    .prepare(`select e.id from enrollments e where e.user_id = ? and ${FLAGGED_AS_EXISTING}`)
    .pluck()
    .all(userId)
    .map(Number);
  const recheck = sqlite.prepare(
    "update enrollments set state = 'queued', error = null, error_code = null, evidence = null, dedup_checked = 0, dedup_cleared = 0 where id = ?",
  );
  for (const id of reflag) recheck.run(id);
  return reflag;
}

export type StagePlan = Pick<
  Enrollment,
  'capOwnerId' | 'capStage' | 'capReplyStage' | 'replyStageDueAt' | 'stageMovePlanned' | 'capJobId' | 'capSyncAs' | 'userId'
>;

export function stagePlanOf(sqlite: Sqlite, enrollmentId: number): StagePlan | null {
  const row = statement<[number], StagePlan>(
    sqlite,
    `select cap_owner_id as capOwnerId, cap_stage as capStage, cap_reply_stage as capReplyStage, reply_stage_due_at as replyStageDueAt,
            stage_move_planned as stageMovePlanned, cap_job_id as capJobId, cap_sync_as as capSyncAs, user_id as userId
     from enrollments where id = ?`,
  ).get(enrollmentId);
  return row ?? null;
}

/** The stage a move is about to be sent to (before the request), or null once it is logged or found not made. */
export function setStageMovePlanned(sqlite: Sqlite, enrollmentId: number, stage: string | null): void {
  statement(sqlite, 'update enrollments set stage_move_planned = ? where id = ?').run(stage, enrollmentId);
}

export function ownerOf(sqlite: Sqlite, enrollmentId: number): number | null {
  const v = statement(sqlite, 'select cap_owner_id from enrollments where id = ?').pluck().get(enrollmentId);
  return typeof v === 'number' ? v : null;
}

/** Marks a reply as due to move the candidate (in the reply's transaction). True if it has a reply stage and a job. */
export function markReplyStageDue(sqlite: Sqlite, enrollmentId: number, at: number): boolean {
  return (
    statement(
      sqlite,
      `update enrollments set reply_stage_due_at = ?
     where id = ? and cap_reply_stage is not null and cap_sync_as = 'candidate' and cap_job_id is not null`,
    ).run(at, enrollmentId).changes > 0
  );
}

/** The reply's move is done (or was found done): cleared only if no later reply asked again meanwhile. */
export function clearReplyStageDue(sqlite: Sqlite, enrollmentId: number, dueAt: number): void {
  statement(sqlite, 'update enrollments set reply_stage_due_at = null where id = ? and reply_stage_due_at = ?').run(enrollmentId, dueAt);
}

/** Synced enrollments of this user and account with a reply's stage move still due (the reply came while offline). */
export function dueReplyStageIds(sqlite: Sqlite, userId: number, account: string): number[] {
  return statement(
    sqlite,
    "select id from enrollments where user_id = ? and rf_account = ? and state = 'synced' and reply_stage_due_at is not null",
  )
    .pluck()
    .all(userId, account)
    .map(Number);
}

/** A record was merged away: the email's enrollments synced to it name the survivor (the caller holds the transaction). */
export function relinkEnrollments(sqlite: Sqlite, account: string, email: string, from: number, to: number): void {
  sqlite.prepare('update enrollments set rf_id = ? where email = ? and rf_id = ? and rf_account = ?').run(to, email, from, account);
}

/**
 * A record was deleted: the email's enrollments synced to it are marked "Deleted in Recruiterflow" (the
 * caller holds the transaction). synced_at and create_started_at go with the record: what they describe no
 * longer exists. Returns how many were marked.
 */
export function markDeletedInRecruiterflow(
  sqlite: Sqlite,
  account: string,
  email: string,
  type: SyncAs,
  id: number,
  message: string,
): number {
  return sqlite
    .prepare(
      `update enrollments set state = 'not_synced', rf_id = null, synced_at = null, create_started_at = null,
       error = ?, error_code = ?, evidence = ? where email = ? and rf_id = ? and rf_account = ?`,
    )
    .run(message, DELETED_CODE, JSON.stringify([{ type, id, name: '', emails: [email], matchedEmail: email }]), email, id, account).changes;
}

/**
 * Enrollments of the contact `c` (an alias the caller's SQL binds) synced in the account connected now,
 * whose captured mapping writes to existing records: those a change of the contact's data sends an update for.
 */
export const WRITING_SYNCED_OF_C = `from enrollments e
  where e.contact_id = c.id and e.state = 'synced'
    and e.rf_account = (select coalesce(account, base_url) from connections where user_id = e.user_id)
    and exists (select 1 from mapping_rules m where m.user_id = e.user_id and m.version = e.cap_mapping_version and m.write != 'never')`;

/** The enrollments of this contact a change of its data sends an update for (WRITING_SYNCED_OF_C). */
export function syncedEnrollmentsToUpdate(sqlite: Sqlite): (contactId: number) => Pick<Enrollment, 'id' | 'userId'>[] {
  const of = statement<[number], Pick<Enrollment, 'id' | 'userId'>>(
    sqlite,
    `select e.id, e.user_id as userId ${WRITING_SYNCED_OF_C.replace('from enrollments e', 'from enrollments e, contacts c')} and c.id = ?`,
  );
  return (contactId) => of.all(contactId);
}

/** What a contact whose record was deleted says (its error), from the record that is gone. */
export function deletedMessage(type: SyncAs, id: number, email: string): string {
  return `${DELETED_IN_RECRUITERFLOW}: ${type === 'candidate' ? 'Candidate' : 'Contact'} #${id} is gone and no record has ${email}`;
}

/**
 * On a change of account: a "Deleted in Recruiterflow" mark speaks of the account whose record was deleted.
 * While another account is connected it says so instead (the contact was never synced there; Resync sends
 * it); when that account is connected again, the mark is back as it was.
 */
export function followDeletedMarks(sqlite: Sqlite, userId: number, to: string): void {
  sqlite
    .prepare(
      `update enrollments set error_code = ?, error = 'Its record in another Recruiterflow account was deleted there; not synced to this one'
       where user_id = ? and state = 'not_synced' and error_code = ? and rf_account is not ?`,
    )
    .run(DELETED_OTHER_ACCOUNT_CODE, userId, DELETED_CODE, to);
  const back = sqlite
    .prepare<[number, string, string], Pick<Enrollment, 'id' | 'email'> & { type: SyncAs | null; rfId: number | null }>(
      `select id, email, json_extract(evidence, '$[0].type') as type, json_extract(evidence, '$[0].id') as rfId from enrollments
       where user_id = ? and state = 'not_synced' and error_code = ? and rf_account = ?`,
    )
    .all(userId, DELETED_OTHER_ACCOUNT_CODE, to);
  const restore = sqlite.prepare('update enrollments set error_code = ?, error = ? where id = ?');
  for (const r of back) restore.run(DELETED_CODE, deletedMessage(r.type ?? 'candidate', r.rfId ?? 0, r.email), r.id);
}

// ---- The add's batch (domain/enroll.ts): set-based over a JSON list of contact ids. ----

// `in (select ...)` over a constant list: SQLite builds an index over it once per statement.
const FLAGGED = 'c.email in (select value from json_each(@flagged))';
/** One field of this email's flag, from the @flags object (read only for flagged emails). */
const FLAG_FIELD = (field: 'code' | 'error' | 'evidence') =>
  `(select json_extract(f.value, '$.${field}') from json_each(@flags) f where f.key = c.email)`;

/** The emails of the JSON list already in this sequence. */
export function enrolledEmails(sqlite: Sqlite, sequenceId: number, list: string): string[] {
  return sqlite
    .prepare('select email from enrollments where sequence_id = ? and email in (select value from json_each(?))')
    .pluck()
    .all(sequenceId, list)
    .map(String);
}

export interface EnrollmentBatchStatements {
  insertEnrollments: Database.Statement;
  parkDemo: Database.Statement | null;
  flaggedSince: (before: number, sequenceId: number) => { email: string; error: string }[];
  maxId: () => number;
}

/**
 * The enrollments' half of the add's per-batch statements. `anyFlagged`: some emails get a flag (nothing
 * flagged, the usual case, uses the same statement without the per-row flag tests). `parkDemo`: demo data is
 * involved and the connection is a real account, so the batch's demo enrollments are marked not synced.
 * The batch's rows are read by rowid range (`+` keeps the planner off the sequence's indexes, which would
 * walk every earlier enrollment of the sequence): they are the rows above the id before the batch.
 */
export function enrollmentBatchStatements(db: Sqlite, options: { anyFlagged: boolean; parkDemo: boolean }): EnrollmentBatchStatements {
  const isFlagged = (yes: string, no: string) => (options.anyFlagged ? `case when ${FLAGGED} then ${yes} else ${no} end` : no);
  const insertEnrollments = db.prepare(
    `insert into enrollments (contact_id, email, name, sequence_id, user_id, added_at, cap_mode, cap_sync_as, cap_job_id,
       cap_mapping_version, cap_disabled, cap_dedup, dedup_checked, state, error, error_code, first_error_at, awaiting_reply, evidence,
       cap_owner_id, cap_stage, cap_reply_stage)
     select c.id, c.email, trim(c.first_name || ' ' || c.last_name), @sequenceId, @userId, @now, @mode, @syncAs, @jobId,
       @mappingVersion, @disabled, @dedup, @dedupChecked,
       ${isFlagged('@flaggedState', '@state')},
       ${isFlagged(FLAG_FIELD('error'), 'null')},
       ${isFlagged(FLAG_FIELD('code'), 'null')},
       ${isFlagged('@now', 'null')},
       ${isFlagged('@flaggedAwaiting', '@awaiting')},
       ${isFlagged(FLAG_FIELD('evidence'), 'null')},
       @ownerId, @stage, @replyStage
     from json_each(@ids) j join contacts c on c.id = j.value
     where true
     on conflict (contact_id, sequence_id) do nothing`,
  );
  // Counted here rather than by a per-row trigger (see enrollmentCounts in db/schema.ts). With nothing
  // flagged every new row has the usual state, and the insert's own count is the count.
  // The batch's rows are read by rowid range (`+` keeps the planner off the sequence's indexes, which
  // would walk every earlier enrollment of the sequence): they are the rows above the id before the batch.
  const parkDemo = options.parkDemo
    ? db.prepare(
        `update enrollments set state = 'not_synced', error = @error, error_code = @code, awaiting_reply = 0
           where id > @before and +sequence_id = @sequenceId and state != 'sync_disabled'
             and (@demoSequence = 1 or contact_id in (select id from contacts where demo = 1))`,
      )
    : null;
  const flagged = db.prepare<[number, number], Pick<SqlRow<typeof enrollments>, 'email'> & { error: string }>(
    "select email, error from enrollments where id > ? and +sequence_id = ? and +state = 'flagged'",
  );
  const maxId = db.prepare('select coalesce(max(id), 0) from enrollments').pluck();
  return {
    insertEnrollments,
    parkDemo,
    flaggedSince: (before: number, sequenceId: number) => flagged.all(before, sequenceId),
    maxId: () => Number(maxId.get()),
  };
}
