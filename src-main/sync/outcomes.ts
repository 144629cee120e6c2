// Recording what happened to one queue item, each in one short transaction after the HTTP is done: the
// queue row, the enrollment and a sync_log line together. The SQL is the store's (src-main/store/).
import type { FlagCode, FlagMatch, FollowUp, SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { flagMessage } from '../domain/flags';
import { lastCreateStarted, markAttempt, markDeferred, markSynced, setCreateStarted, setFlagEvidence } from '../store/enrollments';
import { saveJobAssignment, saveLink } from '../store/links';
import { backOffItem, failItem, finishItem } from '../store/queue';
import { logEvent } from '../store/syncLog';
import { backoffDelay, type BackoffPolicy } from './backoff';

// The engine reads links and builds a flag's evidence through this module, as it records outcomes.
export { findLink } from '../store/links';
export { matchOf, matchOfLink } from '../domain/flags';

type Store = Pick<Ctx, 'sqlite' | 'clock'>;
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
export function claimCreate(ctx: Store, item: WorkItem, settleMs: number): { ok: true } | { ok: false; since: number; waitMs: number } {
  return ctx.sqlite
    .transaction((): { ok: true } | { ok: false; since: number; waitMs: number } => {
      const now = ctx.clock.now();
      const since = lastCreateStarted(ctx.sqlite, item.enrollmentId);
      if (since !== null && now - since < settleMs) return { ok: false, since, waitMs: since + settleMs - now };
      setCreateStarted(ctx.sqlite, item.enrollmentId, now);
      return { ok: true };
    })
    .immediate();
}

/** The create was refused outright (a 4xx) and no earlier attempt sent one: no record is ours. */
export function clearCreateStarted(ctx: Store, item: WorkItem): void {
  setCreateStarted(ctx.sqlite, item.enrollmentId, null);
}

/** Links an email to a record in that account (domain/account.ts). */
export function recordLink(ctx: Store, account: string, item: WorkItem, rfId: number, rfType: SyncAs, created: boolean): void {
  saveLink(ctx.sqlite, account, item.email, rfId, rfType, created, ctx.clock.now());
}

export function recordJobAssigned(ctx: Store, account: string, rfId: number, jobId: number): void {
  saveJobAssignment(ctx.sqlite, account, rfId, jobId, ctx.clock.now());
}

/**
 * `followUp`: a synced contact queued again (its update, its reply stage) finished with what it did; the
 * queue row keeps it for the Queue screen, and `detail` says it in the log.
 */
export function recordSynced(
  ctx: Store,
  item: WorkItem,
  rfId: number,
  how: 'created' | 'linked' | 'followed_up',
  detail = '',
  followUp: FollowUp | null = null,
): void {
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    markSynced(ctx.sqlite, item.enrollmentId, item.userId, rfId, now);
    finishItem(ctx.sqlite, item.queueId, now, followUp);
    const what = how === 'created' ? 'Created' : how === 'linked' ? 'Linked to existing' : 'Followed up on';
    logEvent(ctx, 'info', `sync.${how}`, `${what} ${item.syncAs} #${rfId}${detail}`, item);
  })();
}

/**
 * Found in Recruiterflow at sync time and waiting for the recruiter: a duplicate the dedup check would have
 * flagged (the add-time check could not run), or a record of the other type only. The matched records
 * are stored with the flag, so the recruiter sees which record matched.
 */
export function recordFlagged(ctx: Store, item: WorkItem, matches: FlagMatch[], code: FlagCode): void {
  const now = ctx.clock.now();
  const message = flagMessage(code);
  ctx.sqlite.transaction(() => {
    markAttempt(ctx.sqlite, item.enrollmentId, 'flagged', code, message, now, null);
    setFlagEvidence(ctx.sqlite, item.enrollmentId, JSON.stringify(matches));
    finishItem(ctx.sqlite, item.queueId, now);
    const ids = matches.map((m) => `${m.type} #${m.id}`).join(', ');
    logEvent(ctx, 'warn', 'sync.flagged', `${message} (${ids}); waiting for your review`, item);
  })();
}

/** `field`: the mapping target whose value was refused, when known ("Sync without this field" drops it). */
export function recordFailed(ctx: Store, item: WorkItem, code: string, message: string, field: string | null = null): void {
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    markAttempt(ctx.sqlite, item.enrollmentId, 'failed', code, message, now, field);
    failItem(ctx.sqlite, item.queueId, message, now);
    logEvent(ctx, 'error', 'sync.failed', message, item);
  })();
}

/**
 * Not tried now, and not an attempt: nothing was sent. The item comes due again in `waitMs` (a create for
 * its email may be on its way to the search, see claimCreate).
 */
export function recordDeferred(ctx: Store, item: WorkItem, waitMs: number, message: string): void {
  const now = ctx.clock.now();
  const next = now + Math.max(0, waitMs);
  ctx.sqlite.transaction(() => {
    markDeferred(ctx.sqlite, item.enrollmentId, message, now);
    backOffItem(ctx.sqlite, item.queueId, null, next, message, now);
    logEvent(ctx, 'info', 'sync.deferred', `${message}; again at ${new Date(next).toISOString()}`, item);
  })();
}

/** A transient failure: back off and retry, or give up with a clear `failed` after the cap. */
export function recordTransient(
  ctx: Pick<Ctx, 'sqlite' | 'clock' | 'random'>,
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
    markAttempt(ctx.sqlite, item.enrollmentId, 'retrying', code, message, now, null);
    backOffItem(ctx.sqlite, item.queueId, attempts, next, message, now);
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
