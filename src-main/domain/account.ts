// Which Recruiterflow account a connection is. Links (email → record) and job assignments belong to the
// account they were made in, so another account never reuses them, and an enrollment synced in one
// account is not shown as synced in another.
//
// The identity is the base URL and a short fingerprint of the API key: every Recruiterflow customer uses
// the same host, so the URL alone cannot tell two agencies apart. A new key for the same account counts as
// a switch too (the key cannot tell us otherwise); that costs one lookup per email on the next sync, as the
// links are looked up again, and never a duplicate. The fingerprint is 48 bits of SHA-256: it tells keys
// apart and does not give the key away.
import { createHash } from 'node:crypto';
import type { AccountSwitch } from '../../src-shared/contract';
import type { Ctx } from '../backend/context';
import { followDeletedMarks } from '../store/rfRecords';
import { logEvent } from './syncLog';

const OTHER_ACCOUNT_CODE = 'other_account';
const LAST_ACCOUNT = (userId: number) => `account.last.${userId}`;

export function accountIdentity(baseUrl: string, apiKey: string): string {
  return `${baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`;
}

/** The server of an account (an identity made before accounts had fingerprints is its URL alone). */
export function accountBaseUrl(account: string): string {
  return account.split('#')[0] ?? account;
}

/** The account a user is (or was last) connected to, or null when there has never been one. */
export function previousAccount(ctx: Ctx, userId: number): string | null {
  const row = ctx.sqlite.prepare('select account, base_url as baseUrl from connections where user_id = ?').get(userId) as
    { account: string | null; baseUrl: string } | undefined;
  if (row) return row.account ?? row.baseUrl;
  const last = ctx.sqlite.prepare('select value from meta where key = ?').pluck().get(LAST_ACCOUNT(userId)) as string | undefined;
  return last ?? null;
}

/** On disconnect: remembered, so connecting another account later is still seen as a switch. */
export function rememberAccount(ctx: Ctx, userId: number, account: string): void {
  ctx.sqlite
    .prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(LAST_ACCOUNT(userId), account);
}

/**
 * Links made before accounts had fingerprints are known by their URL: the first connect with that URL
 * adopts them (it is the account they were made in, as far as anyone can tell).
 */
export function adoptLegacy(ctx: Ctx, userId: number, previous: string | null, account: string): string | null {
  if (previous === null || previous.includes('#') || previous !== accountBaseUrl(account)) return previous;
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('update rf_links set account = ? where account = ?').run(account, previous);
    ctx.sqlite.prepare('update rf_job_assignments set account = ? where account = ?').run(account, previous);
    ctx.sqlite.prepare('update enrollments set rf_account = ? where rf_account = ?').run(account, previous);
    ctx.sqlite.prepare('update connections set account = ? where user_id = ?').run(account, userId);
  })();
  return account;
}

/** What a switch from `from` to `to` does to this user's work, before it is done. */
export function planSwitch(ctx: Ctx, userId: number, from: string, to: string): AccountSwitch {
  const n = (sql: string, ...params: unknown[]) =>
    ctx.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  return {
    from: accountBaseUrl(from),
    to: accountBaseUrl(to),
    queuedHeld: n(
      "select count(*) from sync_queue q join enrollments e on e.id = q.enrollment_id where e.user_id = ? and q.state in ('pending', 'backoff')",
      userId,
    ),
    linksKept: n('select count(*) from rf_links where account = ?', from),
    syncedElsewhere: n("select count(*) from enrollments where user_id = ? and state = 'synced' and rf_account is not ?", userId, to),
    restored: n('select count(*) from enrollments where user_id = ? and error_code = ? and rf_account = ?', userId, OTHER_ACCOUNT_CODE, to),
    flagsRechecked: n(
      "select count(*) from enrollments where user_id = ? and state = 'flagged' and error_code in ('exists_in_recruiterflow', 'exists_as_contact', 'exists_as_candidate', 'possible_match')",
      userId,
    ),
  };
}

/** Nothing to lose or to say: no queued work, no links, nothing synced in the old account. */
export function switchMatters(s: AccountSwitch): boolean {
  return s.queuedHeld > 0 || s.linksKept > 0 || s.syncedElsewhere > 0 || s.restored > 0 || s.flagsRechecked > 0;
}

export function describeSwitch(s: AccountSwitch): string {
  return [
    `This is a different Recruiterflow account (${s.from} → ${s.to}).`,
    `${s.queuedHeld} queued ${s.queuedHeld === 1 ? 'item waits' : 'items wait'} for your review in the Queue before anything is sent to it;`,
    `${s.linksKept} ${s.linksKept === 1 ? 'link' : 'links'} to records of the old account ${s.linksKept === 1 ? 'is' : 'are'} kept but not reused;`,
    `${s.syncedElsewhere} ${s.syncedElsewhere === 1 ? 'contact' : 'contacts'} synced in the old account will show as not synced here (Resync sends them).`,
    s.flagsRechecked > 0
      ? `${s.flagsRechecked} flagged ${s.flagsRechecked === 1 ? 'contact is' : 'contacts are'} held, to be checked again in the new account.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The switch itself, in one transaction: live queue items are held for review, enrollments synced in
 * another account are not synced here (their record id kept for a switch back), and those synced in the
 * account now connected are synced again.
 */
export function applySwitch(ctx: Ctx, userId: number, from: string, to: string): AccountSwitch {
  const plan = planSwitch(ctx, userId, from, to);
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `update sync_queue set state = 'review', last_error = 'The Recruiterflow account changed: review before it is sent', updated_at = ?
         where state in ('pending', 'backoff') and enrollment_id in (select id from enrollments where user_id = ?)`,
      )
      .run(now, userId);
    ctx.sqlite
      .prepare(
        `update enrollments set state = 'not_synced', error_code = @code,
           error = 'Synced to another Recruiterflow account (' ||
             case when instr(rf_account, '#') > 0 then substr(rf_account, 1, instr(rf_account, '#') - 1) else coalesce(rf_account, @from) end ||
             '), not to this one'
         where user_id = @userId and state = 'synced' and rf_account is not @to`,
      )
      .run({ code: OTHER_ACCOUNT_CODE, from: plan.from, userId, to });
    ctx.sqlite
      .prepare(
        "update enrollments set state = 'synced', error = null, error_code = null where user_id = ? and error_code = ? and rf_account = ?",
      )
      .run(userId, OTHER_ACCOUNT_CODE, to);
    followDeletedMarks(ctx.sqlite, userId, to);
    // A flag's evidence names records of the old account: checked again in the new one, once reviewed.
    const reflag = ctx.sqlite
      .prepare(
        `select id from enrollments where user_id = ? and state = 'flagged'
           and error_code in ('exists_in_recruiterflow', 'exists_as_contact', 'exists_as_candidate', 'possible_match')`,
      )
      .pluck()
      .all(userId) as number[];
    const recheck = ctx.sqlite.prepare(
      "update enrollments set state = 'queued', error = null, error_code = null, evidence = null, dedup_checked = 0, dedup_cleared = 0 where id = ?",
    );
    const hold = ctx.sqlite.prepare(
      `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, last_error, created_at, updated_at)
       values (?, 'review', 0, ?, 'The Recruiterflow account changed: its flag is checked again in the new account once you release it', ?, ?)
       on conflict do nothing`,
    );
    for (const id of reflag) {
      recheck.run(id);
      hold.run(id, now, now, now);
    }
    logEvent(ctx, 'warn', 'account.switched', describeSwitch(plan));
  })();
  return plan;
}
