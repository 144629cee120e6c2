// The durable sync queue. Rows are written in the same transaction as the change that caused them;
// workers claim due rows with a lease inside an IMMEDIATE transaction, and renew the claim just before
// sending, so no two processes send one item even when a slow batch outlives its lease.
import type { QueueItem, QueueState } from '../../src-shared/domain';
import type { Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { demoBlocked, parkDemo } from '../domain/demoGuard';
import { LIVE_QUEUE_STATES } from '../domain/enrollmentQueries';

/**
 * Queues enrollments (caller holds the transaction). An enrollment with live work is left as it is; demo
 * data bound for a real Recruiterflow account is not queued: it is marked not synced, with the reason.
 * `held: true` means "waits for review" (review before sync), never a manual hold.
 */
export function enqueue(ctx: Ctx, enrollmentIds: Iterable<number>, options: { held: boolean }): number {
  const now = ctx.clock.now();
  const insert = ctx.sqlite.prepare(
    `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at)
     values (?, ?, 0, ?, ?, ?) on conflict do nothing`,
  );
  const mark = ctx.sqlite.prepare(
    "update enrollments set state = 'queued', error = null, error_code = null, awaiting_reply = 0 where id = ?",
  );
  let queued = 0;
  for (const id of enrollmentIds) {
    if (demoBlocked(ctx, id)) {
      parkDemo(ctx, id);
      continue;
    }
    queued += insert.run(id, options.held ? 'review' : 'pending', now, now, now).changes;
    mark.run(id);
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
export function claimDue(ctx: Ctx, owner: string, limit: number, leaseMs: number): ClaimedItem[] {
  const now = ctx.clock.now();
  const claim = ctx.sqlite.transaction(() => {
    const rows = statement(
      ctx.sqlite,
      `select id, enrollment_id as enrollmentId, attempts from sync_queue
       where (state in ('pending', 'backoff') and next_attempt_at <= @now)
          or (state = 'in_flight' and lease_until < @now)
       order by next_attempt_at, id limit @limit`,
    ).all({ now, limit }) as Omit<ClaimedItem, 'leaseUntil'>[];
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
export function renewClaim(ctx: Ctx, owner: string, id: number, leaseUntil: number, leaseMs: number): number | null {
  const until = ctx.clock.now() + leaseMs;
  const renewed = statement(
    ctx.sqlite,
    "update sync_queue set lease_until = ? where id = ? and lease_owner = ? and lease_until = ? and state = 'in_flight'",
  ).run(until, id, owner, leaseUntil).changes;
  return renewed === 1 ? until : null;
}

/** Gives claimed items back untouched (shutdown, pause, offline): no attempt is counted. */
export function releaseClaims(ctx: Ctx, owner: string, ids?: number[]): number {
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

export function queueCounts(ctx: Ctx): { due: number; backoff: number; review: number; held: number; inFlight: number; pending: number } {
  const now = ctx.clock.now();
  const row = ctx.sqlite
    .prepare(
      `select
         coalesce(sum(state in ('pending', 'backoff') and next_attempt_at <= @now), 0) as due,
         coalesce(sum(state = 'backoff' and next_attempt_at > @now), 0) as backoff,
         coalesce(sum(state = 'pending' and next_attempt_at > @now), 0) as later,
         coalesce(sum(state = 'review'), 0) as review,
         coalesce(sum(state = 'held'), 0) as held,
         coalesce(sum(state = 'in_flight'), 0) as inFlight
       from sync_queue where state in ${LIVE_QUEUE_STATES}`,
    )
    .get({ now }) as { due: number; backoff: number; later: number; review: number; held: number; inFlight: number };
  return {
    due: row.due + row.later,
    backoff: row.backoff,
    review: row.review,
    held: row.held,
    inFlight: row.inFlight,
    pending: row.due + row.later + row.backoff + row.review + row.held + row.inFlight,
  };
}

export function listQueue(ctx: Ctx, q: { states?: QueueState[]; offset: number; limit: number }): Page<QueueItem> {
  const states = q.states && q.states.length > 0 ? q.states : ['pending', 'review', 'held', 'in_flight', 'backoff'];
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  states.forEach((s, i) => (params[`s${i}`] = s));
  const where = `where q.state in (${states.map((_, i) => `@s${i}`).join(', ')})`;
  // Finished items read newest first; waiting ones in the order they will go.
  const finishedOnly = states.every((s) => s === 'done' || s === 'failed' || s === 'cancelled');
  const total = (ctx.sqlite.prepare(`select count(*) as n from sync_queue q ${where}`).get(params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      `select q.id, q.enrollment_id as enrollmentId, e.email, cast(e.sequence_id as text) as sequenceId, s.name as sequenceName,
              q.state, e.attempts, q.next_attempt_at as nextAttemptAt, q.last_error as lastError, q.updated_at as updatedAt,
              case q.state
                when 'done' then case e.state when 'synced' then 'synced' when 'flagged' then 'flagged' else e.state end
                when 'failed' then 'failed' when 'cancelled' then 'cancelled' else null end as outcome,
              e.rf_id as recruiterflowId, j.name as jobName,
              e.cap_sync_as as syncAs, e.cap_job_id as jobId, q.created_at as createdAt
       from sync_queue q join enrollments e on e.id = q.enrollment_id join sequences s on s.id = e.sequence_id
         left join rf_jobs j on j.id = e.cap_job_id and j.base_url = (select base_url from connections where user_id = e.user_id)
       ${where} order by ${finishedOnly ? 'q.updated_at desc' : 'q.next_attempt_at'}, q.id limit @limit offset @offset`,
    )
    .all(params) as QueueItem[];
  return { rows, total };
}

type Selection = { ids?: number[]; all?: boolean };

function selectLive(ctx: Ctx, sel: Selection, states: QueueState[]): number[] {
  const inStates = states.map((s) => `'${s}'`).join(', ');
  if (sel.all) {
    return (ctx.sqlite.prepare(`select id from sync_queue where state in (${inStates})`).all() as { id: number }[]).map((r) => r.id);
  }
  const stmt = ctx.sqlite.prepare(`select id from sync_queue where id = ? and state in (${inStates})`);
  return (sel.ids ?? []).filter((id) => stmt.get(id) !== undefined);
}

/**
 * Hold: pending, backing-off or awaiting-review items are kept back on purpose until released (a held
 * review item is then out of reach of "Approve all"). In-flight items cannot be held.
 */
export function holdItems(ctx: Ctx, sel: Selection): number {
  return ctx.sqlite.transaction(() => {
    const ids = selectLive(ctx, sel, ['pending', 'backoff', 'review']);
    const stmt = ctx.sqlite.prepare("update sync_queue set state = 'held', updated_at = ? where id = ?");
    for (const id of ids) stmt.run(ctx.clock.now(), id);
    return ids.length;
  })();
}

/** Release: items you held go now. Items awaiting review are not released: they need an approval. */
export function releaseItems(ctx: Ctx, sel: Selection): number {
  return letGo(ctx, sel, 'held');
}

/** Approve: items awaiting review (review before sync) go now. Items you held on purpose stay held. */
export function approveItems(ctx: Ctx, sel: Selection): number {
  return letGo(ctx, sel, 'review');
}

function letGo(ctx: Ctx, sel: Selection, from: 'held' | 'review'): number {
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
function cancelIds(ctx: Ctx, ids: number[], then: { state: string; error: string | null; code: string | null }): number {
  const now = ctx.clock.now();
  const stmt = ctx.sqlite.prepare("update sync_queue set state = 'cancelled', updated_at = ? where id = ?");
  const back = ctx.sqlite.prepare(
    "update enrollments set state = ?, error = ?, error_code = ? where id = (select enrollment_id from sync_queue where id = ?) and state in ('queued', 'retrying')",
  );
  for (const id of ids) {
    stmt.run(now, id);
    back.run(then.state, then.error, then.code, id);
  }
  return ids.length;
}

/** Cancel: the work is dropped; the enrollment goes back to not synced (Resync can queue it again). */
export function cancelItems(ctx: Ctx, sel: Selection): number {
  return ctx.sqlite.transaction(() =>
    cancelIds(ctx, selectLive(ctx, sel, ['pending', 'review', 'held', 'backoff']), {
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
export function cancelSequenceItems(ctx: Ctx, sequenceId: number): number {
  return ctx.sqlite.transaction(() => {
    const ids = ctx.sqlite
      .prepare(
        `select q.id from sync_queue q join enrollments e on e.id = q.enrollment_id
         where e.sequence_id = ? and q.state in ('pending', 'review', 'held', 'backoff')`,
      )
      .pluck()
      .all(sequenceId) as number[];
    return cancelIds(ctx, ids, { state: 'sync_disabled', error: null, code: null });
  })();
}
