// The durable sync queue (`sync_queue`), its leases included: the only module that reads or writes it.
// Rows are written in the same transaction as the change that caused them; workers claim due rows with a
// lease inside an IMMEDIATE transaction, and renew the claim just before sending, so no two processes
// send one item even when a slow batch outlives its lease. A lease owner names its host and process, so
// a restart can give back the items of a process that died (kill -9, a crash) at once instead of waiting
// for the lease to expire.
import { hostname } from 'node:os';
import { LIVE_QUEUE_STATES, WAITING_QUEUE_STATES, type FollowUp, type QueueItem, type QueueState } from '../../src-shared/domain';
import type { Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import type { syncQueue } from '../db/schema';
import { statement } from '../db/statements';
import { isDemoForRealAccount, markCancelled, markQueued, parkDemo } from './enrollments';

type Store = Pick<Ctx, 'sqlite' | 'clock'>;

/** A list of states as SQL (`('pending', 'review')`): the lists are constants, never input. */
const sqlList = (states: readonly QueueState[]) => `(${states.map((s) => `'${s}'`).join(', ')})`;
/** The live states in SQL. */
const LIVE_IN = sqlList(LIVE_QUEUE_STATES);
const WAITING_IN = sqlList(WAITING_QUEUE_STATES);
/** A column for the list queries of enrollments (alias `e`): when its live item, if any, comes due. */
export const NEXT_ATTEMPT_OF_E = `(select q.next_attempt_at from sync_queue q where q.enrollment_id = e.id and q.state in ${LIVE_IN})`;

/**
 * Queues enrollments (caller holds the transaction). An enrollment with live work is left as it is; demo
 * data bound for a real Recruiterflow account is not queued: it is marked not synced, with the reason.
 * `held: true` means "waits for review" (review before sync), never a manual hold.
 */
export function enqueue(ctx: Store, enrollmentIds: Iterable<number>, options: { held: boolean }): number {
  const now = ctx.clock.now();
  const insert = ctx.sqlite.prepare(
    `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at)
     values (?, ?, 0, ?, ?, ?) on conflict do nothing`,
  );
  let queued = 0;
  for (const id of enrollmentIds) {
    if (isDemoForRealAccount(ctx.sqlite, id)) {
      parkDemo(ctx.sqlite, id);
      continue;
    }
    queued += insert.run(id, options.held ? 'review' : 'pending', now, now, now).changes;
    markQueued(ctx.sqlite, id);
  }
  return queued;
}

export interface ClaimedItem {
  id: number;
  enrollmentId: number;
  attempts: number;
  /** When this claim lapses; it also tells this claim from a later one of the same item (renewClaim). */
  leaseUntil: number;
}

/** Claims up to `limit` due items for `owner` until `leaseMs` from now. Expired leases are due again. */
export function claimDue(ctx: Store, owner: string, limit: number, leaseMs: number): ClaimedItem[] {
  const now = ctx.clock.now();
  const claim = ctx.sqlite.transaction(() => {
    const rows = statement<[{ now: number; limit: number }], Omit<ClaimedItem, 'leaseUntil'>>(
      ctx.sqlite,
      `select id, enrollment_id as enrollmentId, attempts from sync_queue
       where (state in ('pending', 'backoff') and next_attempt_at <= @now)
          or (state = 'in_flight' and lease_until < @now)
       order by next_attempt_at, id limit @limit`,
    ).all({ now, limit });
    const take = statement(
      ctx.sqlite,
      "update sync_queue set state = 'in_flight', lease_owner = ?, lease_until = ?, updated_at = ? where id = ?",
    );
    for (const row of rows) take.run(owner, now + leaseMs, now, row.id);
    return rows.map((row) => ({ ...row, leaseUntil: now + leaseMs }));
  });
  return claim.immediate();
}

/**
 * Renews a claim just before its item is sent. The claim is still ours only while the row holds the
 * lease end we set: if the lease lapsed while the item waited in a slow batch and someone claimed it
 * again (another process, or another batch of ours), this returns null and the item must be left to
 * them. Otherwise it returns the new lease end.
 */
export function renewClaim(ctx: Store, owner: string, id: number, leaseUntil: number, leaseMs: number): number | null {
  const until = ctx.clock.now() + leaseMs;
  const renewed = statement(
    ctx.sqlite,
    "update sync_queue set lease_until = ? where id = ? and lease_owner = ? and lease_until = ? and state = 'in_flight'",
  ).run(until, id, owner, leaseUntil).changes;
  return renewed === 1 ? until : null;
}

/** Gives claimed items back untouched (shutdown, pause, offline): no attempt is counted. */
export function releaseClaims(ctx: Store, owner: string, ids?: number[]): number {
  const now = ctx.clock.now();
  if (ids) {
    const stmt = statement(
      ctx.sqlite,
      "update sync_queue set state = 'pending', lease_owner = null, lease_until = null, updated_at = ? where id = ? and lease_owner = ? and state = 'in_flight'",
    );
    return ctx.sqlite.transaction(() => ids.reduce((n, id) => n + stmt.run(now, id, owner).changes, 0))();
  }
  return ctx.sqlite
    .prepare(
      "update sync_queue set state = 'pending', lease_owner = null, lease_until = null, updated_at = ? where lease_owner = ? and state = 'in_flight'",
    )
    .run(now, owner).changes;
}

export function queueCounts(ctx: Store): { due: number; backoff: number; review: number; held: number; inFlight: number; pending: number } {
  const now = ctx.clock.now();
  // Each count is a coalesce(sum(…), 0): one row, never null.
  const row = ctx.sqlite
    .prepare<{ now: number }, Record<'due' | 'backoff' | 'later' | 'review' | 'held' | 'inFlight', number>>(
      `select
         coalesce(sum(state in ('pending', 'backoff') and next_attempt_at <= @now), 0) as due,
         coalesce(sum(state = 'backoff' and next_attempt_at > @now), 0) as backoff,
         coalesce(sum(state = 'pending' and next_attempt_at > @now), 0) as later,
         coalesce(sum(state = 'review'), 0) as review,
         coalesce(sum(state = 'held'), 0) as held,
         coalesce(sum(state = 'in_flight'), 0) as inFlight
       from sync_queue where state in ${LIVE_IN}`,
    )
    .get({ now })!;
  return {
    due: row.due + row.later,
    backoff: row.backoff,
    review: row.review,
    held: row.held,
    inFlight: row.inFlight,
    pending: row.due + row.later + row.backoff + row.review + row.held + row.inFlight,
  };
}

export function listQueue(ctx: Store, q: { states?: QueueState[]; offset: number; limit: number }): Page<QueueItem> {
  const states: readonly QueueState[] = q.states && q.states.length > 0 ? q.states : LIVE_QUEUE_STATES;
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  states.forEach((s, i) => (params[`s${i}`] = s));
  const where = `where q.state in (${states.map((_, i) => `@s${i}`).join(', ')})`;
  // Finished items read newest first; waiting ones in the order they will go.
  const finishedOnly = states.every((s) => s === 'done' || s === 'failed' || s === 'cancelled');
  const total = Number(ctx.sqlite.prepare(`select count(*) as n from sync_queue q ${where}`).pluck().get(params));
  const rows = ctx.sqlite
    .prepare<Record<string, unknown>, QueueItem>(
      `select q.id, q.enrollment_id as enrollmentId, e.email, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName,
              q.state, e.attempts, q.next_attempt_at as nextAttemptAt, q.last_error as lastError, q.updated_at as updatedAt,
              case q.state
                when 'done' then case when q.follow_up is not null then 'followed_up'
                  when e.state = 'synced' then 'synced' when e.state = 'flagged' then 'flagged' else e.state end
                when 'failed' then 'failed' when 'cancelled' then 'cancelled' else null end as outcome,
              q.follow_up as followUp, e.rf_id as recruiterflowId, j.name as jobName,
              e.cap_sync_as as syncAs, e.cap_job_id as jobId, q.created_at as createdAt
       from sync_queue q join enrollments e on e.id = q.enrollment_id join sequences s on s.id = e.sequence_id
         left join rf_jobs j on j.id = e.cap_job_id and j.base_url = (select base_url from connections where user_id = e.user_id)
       ${where} order by ${finishedOnly ? 'q.updated_at desc' : 'q.next_attempt_at'}, q.id limit @limit offset @offset`,
    )
    .all(params);
  return { rows, total };
}

type Selection = { ids?: number[]; all?: boolean };

function selectLive(ctx: Store, sel: Selection, states: readonly QueueState[]): number[] {
  const inStates = states.map((s) => `'${s}'`).join(', ');
  if (sel.all) {
    return ctx.sqlite.prepare(`select id from sync_queue where state in (${inStates})`).pluck().all().map(Number);
  }
  const stmt = ctx.sqlite.prepare(`select id from sync_queue where id = ? and state in (${inStates})`);
  return (sel.ids ?? []).filter((id) => stmt.get(id) !== undefined);
}

/**
 * Hold: pending, backing-off or awaiting-review items are kept back on purpose until released (a held
 * review item is then out of reach of "Approve all"). In-flight items cannot be held.
 */
export function holdItems(ctx: Store, sel: Selection): number {
  return ctx.sqlite.transaction(() => {
    const ids = selectLive(ctx, sel, ['pending', 'backoff', 'review']);
    const stmt = ctx.sqlite.prepare("update sync_queue set state = 'held', updated_at = ? where id = ?");
    for (const id of ids) stmt.run(ctx.clock.now(), id);
    return ids.length;
  })();
}

/** Release: items you held go now. Items awaiting review are not released: they need an approval. */
export function releaseItems(ctx: Store, sel: Selection): number {
  return letGo(ctx, sel, 'held');
}

/** Approve: items awaiting review (review before sync) go now. Items you held on purpose stay held. */
export function approveItems(ctx: Store, sel: Selection): number {
  return letGo(ctx, sel, 'review');
}

function letGo(ctx: Store, sel: Selection, from: 'held' | 'review'): number {
  return ctx.sqlite.transaction(() => {
    const ids = selectLive(ctx, sel, [from]);
    const now = ctx.clock.now();
    const stmt = ctx.sqlite.prepare("update sync_queue set state = 'pending', next_attempt_at = ?, updated_at = ? where id = ?");
    for (const id of ids) stmt.run(now, now, id);
    return ids.length;
  })();
}

/**
 * Cancels waiting items (never in-flight ones: they may already be in Recruiterflow) and puts their
 * enrollments in `then`: what the recruiter sees instead of "queued".
 */
function cancelIds(ctx: Store, ids: number[], then: { state: string; error: string | null; code: string | null }): number {
  const now = ctx.clock.now();
  const stmt = ctx.sqlite.prepare("update sync_queue set state = 'cancelled', updated_at = ? where id = ?");
  for (const id of ids) {
    stmt.run(now, id);
    markCancelled(ctx.sqlite, id, then);
  }
  return ids.length;
}

/** Cancel: the work is dropped; the enrollment goes back to not synced (Resync can queue it again). */
export function cancelItems(ctx: Store, sel: Selection): number {
  return ctx.sqlite.transaction(() =>
    cancelIds(ctx, selectLive(ctx, sel, WAITING_QUEUE_STATES), {
      state: 'not_synced',
      error: 'Sync cancelled by you',
      code: 'cancelled',
    }),
  )();
}

/**
 * Disable Sync was turned on for a sequence and the recruiter chose to drop what it had queued: its
 * waiting items are cancelled and their enrollments show "Sync disabled" (Resync can bring them back).
 */
export function cancelSequenceItems(ctx: Store, sequenceId: number): number {
  return ctx.sqlite.transaction(() => {
    const ids = ctx.sqlite
      .prepare(
        `select q.id from sync_queue q join enrollments e on e.id = q.enrollment_id
         where e.sequence_id = ? and q.state in ${WAITING_IN}`,
      )
      .pluck()
      .all(sequenceId)
      .map(Number);
    return cancelIds(ctx, ids, { state: 'sync_disabled', error: null, code: null });
  })();
}

/** One engine's identity in leases: host and pid let a restart reclaim the leases of a dead process. */
export function leaseOwnerId(random: () => number): string {
  return `${hostname()}:${process.pid}:${Math.floor(random() * 1e9).toString(36)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Items leased by a process of this machine that no longer exists are due again at once. */
export function reclaimOrphans(ctx: Store): number {
  const owners = ctx.sqlite
    .prepare("select distinct lease_owner from sync_queue where state = 'in_flight' and lease_owner is not null")
    .pluck()
    .all()
    .map(String);
  const host = hostname();
  let reclaimed = 0;
  for (const owner of owners) {
    const [ownerHost, pid] = owner.split(':');
    if (ownerHost === host && pid !== undefined && /^\d+$/.test(pid) && !isAlive(Number(pid))) reclaimed += releaseClaims(ctx, owner);
  }
  return reclaimed;
}

/** When the next waiting item comes due (pending or backing off), or null when none does. */
export function nextDueAt(sqlite: Sqlite): number | null {
  const at = sqlite.prepare("select min(next_attempt_at) from sync_queue where state in ('pending', 'backoff')").pluck().get();
  return typeof at === 'number' ? at : null;
}

/** A claimed item whose enrollment is gone (removed meanwhile) leaves the queue. */
export function dropClaimed(sqlite: Sqlite, queueId: number): void {
  sqlite.prepare("update sync_queue set state = 'cancelled' where id = ?").run(queueId);
}

/**
 * The outcome of a claimed item, written with its enrollment's (sync/outcomes.ts holds the transaction).
 * `followUp`: what the item did when it was the follow-up of a synced contact.
 */
export function finishItem(sqlite: Sqlite, queueId: number, now: number, followUp: FollowUp | null = null): void {
  statement(
    sqlite,
    "update sync_queue set state = 'done', attempts = attempts + 1, follow_up = ?, lease_owner = null, updated_at = ? where id = ?",
  ).run(followUp, now, queueId);
}

export function failItem(sqlite: Sqlite, queueId: number, message: string, now: number): void {
  statement(
    sqlite,
    "update sync_queue set state = 'failed', attempts = attempts + 1, last_error = ?, lease_owner = null, updated_at = ? where id = ?",
  ).run(message, now, queueId);
}

/** Due again at `next`. `attempts` counts this try; null when nothing was sent (no attempt counted). */
export function backOffItem(sqlite: Sqlite, queueId: number, attempts: number | null, next: number, message: string, now: number): void {
  if (attempts === null)
    statement(
      sqlite,
      "update sync_queue set state = 'backoff', next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null, updated_at = ? where id = ?",
    ).run(next, message, now, queueId);
  else
    statement(
      sqlite,
      "update sync_queue set state = 'backoff', attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null, updated_at = ? where id = ?",
    ).run(attempts, next, message, now, queueId);
}

/** A claimed demo item for a real account: cancelled, never sent. */
export function cancelClaimed(sqlite: Sqlite, queueId: number, now: number): void {
  statement(sqlite, "update sync_queue set state = 'cancelled', lease_owner = null, updated_at = ? where id = ?").run(now, queueId);
}

/** Waiting items of this user's demo data (its contact or its sequence). */
export function waitingDemoItems(sqlite: Sqlite, userId: number): { id: number; enrollmentId: number }[] {
  return sqlite
    .prepare<[number], Pick<typeof syncQueue.$inferSelect, 'id' | 'enrollmentId'>>(
      `select q.id, q.enrollment_id as enrollmentId from sync_queue q join enrollments e on e.id = q.enrollment_id
         join contacts c on c.id = e.contact_id join sequences s on s.id = e.sequence_id
       where q.state in ${WAITING_IN} and e.user_id = ? and (c.demo = 1 or s.demo = 1)`,
    )
    .all(userId);
}

/** Cancels a waiting item (demo data bound for a real account); its enrollment is parked by the caller. */
export function cancelWaiting(sqlite: Sqlite, queueId: number, now: number): void {
  sqlite.prepare("update sync_queue set state = 'cancelled', updated_at = ? where id = ?").run(now, queueId);
}

/**
 * A record was deleted: the waiting follow-up work (an update, a stage move) of the email's enrollments
 * synced to it has nothing left to act on (the caller holds the transaction, before the enrollments change).
 */
export function cancelWaitingOfRecord(sqlite: Sqlite, account: string, email: string, rfId: number): void {
  sqlite
    .prepare(
      `update sync_queue set state = 'cancelled' where state in ${WAITING_IN}
       and enrollment_id in (select id from enrollments where email = ? and rf_id = ? and rf_account = ?)`,
    )
    .run(email, rfId, account);
}

/** Retry now: a backing-off item of this enrollment is due at once, with a fresh attempt budget. */
export function retryNow(sqlite: Sqlite, enrollmentId: number, now: number): number {
  return statement(
    sqlite,
    "update sync_queue set state = 'pending', next_attempt_at = ?, attempts = 0, updated_at = ? where enrollment_id = ? and state = 'backoff'",
  ).run(now, now, enrollmentId).changes;
}

/** This user's items that would be sent next (pending or backing off): what an account switch holds. */
export function countDueOfUser(sqlite: Sqlite, userId: number): number {
  return Number(
    sqlite
      .prepare(
        "select count(*) from sync_queue q join enrollments e on e.id = q.enrollment_id where e.user_id = ? and q.state in ('pending', 'backoff')",
      )
      .pluck()
      .get(userId),
  );
}

/** The Recruiterflow account changed: this user's pending and backing-off items wait for review. */
export function holdUserForReview(sqlite: Sqlite, userId: number, now: number): void {
  sqlite
    .prepare(
      `update sync_queue set state = 'review', last_error = 'The Recruiterflow account changed: review before it is sent', updated_at = ?
         where state in ('pending', 'backoff') and enrollment_id in (select id from enrollments where user_id = ?)`,
    )
    .run(now, userId);
}

/** Queues an enrollment whose flag is checked again in the new account, waiting for review. */
export function enqueueRecheck(sqlite: Sqlite, enrollmentId: number, now: number): void {
  statement(
    sqlite,
    `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, last_error, created_at, updated_at)
       values (?, 'review', 0, ?, 'The Recruiterflow account changed: its flag is checked again in the new account once you release it', ?, ?)
       on conflict do nothing`,
  ).run(enrollmentId, now, now, now);
}

/** What the dry run of a queue item reads: its enrollment's captured settings and the contact (every column). */
export function previewSourceRow(sqlite: Sqlite, queueId: number): unknown {
  return sqlite
    .prepare(
      `select e.id as enrollmentId, e.user_id as userId, e.cap_sync_as as syncAs, e.cap_job_id as jobId, e.cap_mapping_version as version, c.*
       from sync_queue q join enrollments e on e.id = q.enrollment_id join contacts c on c.id = e.contact_id where q.id = ?`,
    )
    .get(queueId);
}

/** The queue's part of the add's batch: a queue row for each of the batch's new queued enrollments. */
export function batchQueueStatement(db: Sqlite): Database.Statement {
  return db.prepare(
    `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at)
     select id, ?, 0, ?, ?, ? from enrollments where id > ? and +sequence_id = ? and +state = 'queued'
     on conflict do nothing`,
  );
  // A flagged row always has its error (the flag's message).
}
