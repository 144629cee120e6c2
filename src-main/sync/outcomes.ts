// Recording what happened to one queue item, each in one short transaction after the HTTP is done.
import {
  EXISTS_IN_RECRUITERFLOW,
  existsAsMessage,
  POSSIBLE_MATCH,
  type FlagCode,
  type FlagMatch,
  type SyncAs,
} from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { accountBaseUrl } from '../domain/account';
import { logEvent } from '../domain/syncLog';
import { backoffDelay, type BackoffPolicy } from './backoff';

export interface WorkItem {
  queueId: number;
  enrollmentId: number;
  attempts: number;
  email: string;
  syncAs: SyncAs;
  jobId: number | null;
  userId: number;
}

/**
 * Claims the right to send a create for this item's email. Refused (with how long to wait) while a create
 * for the same email, by this enrollment or another (another sequence, another process), was sent less
 * than `settleMs` ago and its record is not linked yet: a search index that lags and a server that does
 * not answer 409 on a duplicate would otherwise let a second create through. One immediate transaction,
 * so two processes cannot both pass.
 */
export function claimCreate(ctx: Ctx, item: WorkItem, settleMs: number): { ok: true } | { ok: false; since: number; waitMs: number } {
  return ctx.sqlite
    .transaction((): { ok: true } | { ok: false; since: number; waitMs: number } => {
      const now = ctx.clock.now();
      const row = statement(
        ctx.sqlite,
        `select max(create_started_at) as at from enrollments
        where contact_id = (select contact_id from enrollments where id = ?) and create_started_at is not null`,
      ).get(item.enrollmentId) as { at: number | null } | undefined;
      const since = row?.at ?? null;
      if (since !== null && now - since < settleMs) return { ok: false, since, waitMs: since + settleMs - now };
      statement(ctx.sqlite, 'update enrollments set create_started_at = ? where id = ?').run(now, item.enrollmentId);
      return { ok: true };
    })
    .immediate();
}

/** The create was refused outright (a 4xx) and no earlier attempt sent one: no record is ours. */
export function clearCreateStarted(ctx: Ctx, item: WorkItem): void {
  statement(ctx.sqlite, 'update enrollments set create_started_at = null where id = ?').run(item.enrollmentId);
}

export interface RfLink {
  id: number;
  type: SyncAs;
  /** 1 when Flowbridge created the record, 0 when it linked to one that existed. */
  created: number;
}

/**
 * The Recruiterflow record this email is linked to in that account: of that type when one is named,
 * otherwise the candidate profile first (a person can have both).
 */
export function findLink(ctx: Ctx, account: string, email: string, type?: SyncAs): RfLink | null {
  const row = type
    ? statement(
        ctx.sqlite,
        'select rf_id as id, rf_type as type, created from rf_links where account = ? and email = ? and rf_type = ?',
      ).get(account, email, type)
    : statement(
        ctx.sqlite,
        "select rf_id as id, rf_type as type, created from rf_links where account = ? and email = ? order by rf_type = 'candidate' desc limit 1",
      ).get(account, email);
  return (row as RfLink | undefined) ?? null;
}

/** The evidence of a flag, from a record read from Recruiterflow. */
export function matchOf(record: { id: number; type: SyncAs; name: string; emails: string[] }, email: string): FlagMatch {
  return { type: record.type, id: record.id, name: record.name, emails: record.emails, matchedEmail: email };
}

/** The evidence of a flag when only the local link is known (no record was read). */
export function matchOfLink(link: RfLink, email: string): FlagMatch {
  return { type: link.type, id: link.id, name: '', emails: [email], matchedEmail: email };
}

/** Links an email to a record in that account (domain/account.ts). */
export function recordLink(ctx: Ctx, account: string, item: WorkItem, rfId: number, rfType: SyncAs, created: boolean): void {
  statement(
    ctx.sqlite,
    `insert into rf_links (account, base_url, email, rf_id, rf_type, linked_at, created) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (account, email, rf_type) do update set rf_id = excluded.rf_id`,
  ).run(account, accountBaseUrl(account), item.email, rfId, rfType, ctx.clock.now(), created ? 1 : 0);
}

export function recordJobAssigned(ctx: Ctx, account: string, rfId: number, jobId: number): void {
  statement(
    ctx.sqlite,
    'insert into rf_job_assignments (account, base_url, rf_id, job_id, assigned_at) values (?, ?, ?, ?, ?) on conflict do nothing',
  ).run(account, accountBaseUrl(account), rfId, jobId, ctx.clock.now());
}

/** `followed_up`: a synced contact queued again (its update, its reply stage); `detail` says what came of it. */
export function recordSynced(ctx: Ctx, item: WorkItem, rfId: number, how: 'created' | 'linked' | 'followed_up', detail = ''): void {
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    statement(
      ctx.sqlite,
      `update enrollments set state = 'synced', rf_id = ?, synced_at = ?, error = null, error_code = null, evidence = null,
           attempts = attempts + 1, last_attempt_at = ?,
           rf_account = (select coalesce(account, base_url) from connections where user_id = ?) where id = ?`,
    ).run(rfId, now, now, item.userId, item.enrollmentId);
    statement(
      ctx.sqlite,
      "update sync_queue set state = 'done', attempts = attempts + 1, lease_owner = null, updated_at = ? where id = ?",
    ).run(now, item.queueId);
    const what = how === 'created' ? 'Created' : how === 'linked' ? 'Linked to existing' : 'Followed up on';
    logEvent(ctx, 'info', `sync.${how}`, `${what} ${item.syncAs} #${rfId}${detail}`, item);
  })();
}

/** The enrollment side of every outcome that is not a sync: its state, the error, one more attempt. */
function markEnrollment(
  ctx: Ctx,
  item: WorkItem,
  state: 'flagged' | 'failed' | 'retrying',
  code: string,
  message: string,
  now: number,
  field: string | null = null,
): void {
  statement(
    ctx.sqlite,
    `update enrollments set state = ?, error = ?, error_code = ?, error_field = ?, first_error_at = coalesce(first_error_at, ?),
         last_attempt_at = ?, attempts = attempts + 1 where id = ?`,
  ).run(state, message, code, field, now, now, item.enrollmentId);
}

/**
 * Found in Recruiterflow at sync time and waiting for the recruiter: a duplicate the dedup check would have
 * flagged (the add-time check could not run), or a record of the other type only. The matched records
 * are stored with the flag, so the recruiter sees which record matched.
 */
export function recordFlagged(ctx: Ctx, item: WorkItem, matches: FlagMatch[], code: FlagCode): void {
  const now = ctx.clock.now();
  const message = flagMessage(code);
  ctx.sqlite.transaction(() => {
    markEnrollment(ctx, item, 'flagged', code, message, now);
    statement(ctx.sqlite, 'update enrollments set dedup_checked = 1, evidence = ? where id = ?').run(
      JSON.stringify(matches),
      item.enrollmentId,
    );
    statement(
      ctx.sqlite,
      "update sync_queue set state = 'done', attempts = attempts + 1, lease_owner = null, updated_at = ? where id = ?",
    ).run(now, item.queueId);
    const ids = matches.map((m) => `${m.type} #${m.id}`).join(', ');
    logEvent(ctx, 'warn', 'sync.flagged', `${message} (${ids}); waiting for your review`, item);
  })();
}

export function flagMessage(code: FlagCode): string {
  if (code === 'exists_as_contact') return existsAsMessage('contact');
  if (code === 'exists_as_candidate') return existsAsMessage('candidate');
  if (code === 'possible_match') return POSSIBLE_MATCH;
  return EXISTS_IN_RECRUITERFLOW;
}

/** `field`: the mapping target whose value was refused, when known ("Sync without this field" drops it). */
export function recordFailed(ctx: Ctx, item: WorkItem, code: string, message: string, field: string | null = null): void {
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    markEnrollment(ctx, item, 'failed', code, message, now, field);
    statement(
      ctx.sqlite,
      "update sync_queue set state = 'failed', attempts = attempts + 1, last_error = ?, lease_owner = null, updated_at = ? where id = ?",
    ).run(message, now, item.queueId);
    logEvent(ctx, 'error', 'sync.failed', message, item);
  })();
}

/**
 * Not tried now, and not an attempt: nothing was sent. The item comes due again in `waitMs` (a create for
 * its email may be on its way to the search, see claimCreate).
 */
export function recordDeferred(ctx: Ctx, item: WorkItem, waitMs: number, message: string): void {
  const now = ctx.clock.now();
  const next = now + Math.max(0, waitMs);
  ctx.sqlite.transaction(() => {
    statement(
      ctx.sqlite,
      "update enrollments set state = 'retrying', error = ?, error_code = 'create_settling', last_attempt_at = ? where id = ?",
    ).run(message, now, item.enrollmentId);
    statement(
      ctx.sqlite,
      "update sync_queue set state = 'backoff', next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null, updated_at = ? where id = ?",
    ).run(next, message, now, item.queueId);
    logEvent(ctx, 'info', 'sync.deferred', `${message}; again at ${new Date(next).toISOString()}`, item);
  })();
}

/** A transient failure: back off and retry, or give up with a clear `failed` after the cap. */
export function recordTransient(
  ctx: Ctx,
  item: WorkItem,
  policy: BackoffPolicy,
  code: string,
  message: string,
  retryAfterMs: number | null,
): 'retrying' | 'failed' {
  const attempts = item.attempts + 1;
  if (attempts >= policy.maxAttempts) {
    recordFailed(ctx, item, code, `Gave up after ${attempts} attempts: ${message}`);
    return 'failed';
  }
  const now = ctx.clock.now();
  const next = now + backoffDelay(policy, attempts, ctx.random, retryAfterMs);
  ctx.sqlite.transaction(() => {
    markEnrollment(ctx, item, 'retrying', code, message, now);
    statement(
      ctx.sqlite,
      "update sync_queue set state = 'backoff', attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = null, lease_until = null, updated_at = ? where id = ?",
    ).run(attempts, next, message, now, item.queueId);
    logEvent(
      ctx,
      'warn',
      'sync.retrying',
      `${message}; retry ${attempts + 1} of ${policy.maxAttempts} at ${new Date(next).toISOString()}`,
      item,
    );
  })();
  return 'retrying';
}
