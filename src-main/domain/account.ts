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
import { connectedAccount, setConnectedAccount } from '../store/connections';
import { accountSwitchCounts, applyAccountSwitch, followDeletedMarks, renameRfAccount } from '../store/enrollments';
import { accountBaseUrl, countLinks, renameAccountLinks } from '../store/links';
import { getMeta, setMeta } from '../store/meta';
import { countDueOfUser, enqueueRecheck, holdUserForReview } from '../store/queue';
import { logEvent } from '../store/syncLog';

const OTHER_ACCOUNT_CODE = 'other_account';
const LAST_ACCOUNT = (userId: number) => `account.last.${userId}`;

export function accountIdentity(baseUrl: string, apiKey: string): string {
  return `${baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`;
}

// The server of an account: stored with every link, so the links' store derives it.
export { accountBaseUrl } from '../store/links';

/** The account a user is (or was last) connected to, or null when there has never been one. */
export function previousAccount(ctx: Pick<Ctx, 'sqlite'>, userId: number): string | null {
  return connectedAccount(ctx.sqlite, userId) ?? getMeta(ctx, LAST_ACCOUNT(userId));
}

/** On disconnect: remembered, so connecting another account later is still seen as a switch. */
export function rememberAccount(ctx: Pick<Ctx, 'db'>, userId: number, account: string): void {
  setMeta(ctx, LAST_ACCOUNT(userId), account);
}

/**
 * Links made before accounts had fingerprints are known by their URL: the first connect with that URL
 * adopts them (it is the account they were made in, as far as anyone can tell).
 */
export function adoptLegacy(ctx: Pick<Ctx, 'sqlite'>, userId: number, previous: string | null, account: string): string | null {
  if (previous === null || previous.includes('#') || previous !== accountBaseUrl(account)) return previous;
  ctx.sqlite.transaction(() => {
    renameAccountLinks(ctx.sqlite, previous, account);
    renameRfAccount(ctx.sqlite, previous, account);
    setConnectedAccount(ctx.sqlite, userId, account);
  })();
  return account;
}

/** What a switch from `from` to `to` does to this user's work, before it is done. */
export function planSwitch(ctx: Pick<Ctx, 'sqlite'>, userId: number, from: string, to: string): AccountSwitch {
  return {
    from: accountBaseUrl(from),
    to: accountBaseUrl(to),
    queuedHeld: countDueOfUser(ctx.sqlite, userId),
    linksKept: countLinks(ctx.sqlite, from),
    ...accountSwitchCounts(ctx.sqlite, userId, to, OTHER_ACCOUNT_CODE),
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
export function applySwitch(ctx: Pick<Ctx, 'clock' | 'sqlite'>, userId: number, from: string, to: string): AccountSwitch {
  const plan = planSwitch(ctx, userId, from, to);
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    holdUserForReview(ctx.sqlite, userId, now);
    const recheck = applyAccountSwitch(ctx.sqlite, userId, plan.from, to, OTHER_ACCOUNT_CODE);
    // A record deleted in one account says nothing of the other: the mark follows the account.
    followDeletedMarks(ctx.sqlite, userId, to);
    // A flag's evidence names records of the old account: checked again in the new one, once reviewed.
    for (const id of recheck) enqueueRecheck(ctx.sqlite, id, now);
    logEvent(ctx, 'warn', 'account.switched', describeSwitch(plan));
  })();
  return plan;
}
