// Who owns the records a Flowbridge user's contacts create: each user is paired with a Recruiterflow
// user, by email unless chosen by hand (Settings → Team, `users set-owner`). The pairing is captured on
// each enrollment when the contact is added (cap_owner_id), like every other setting.
import type { OwnerPairing, OwnerPairings } from '../../src-shared/ownerStages';
import { normalizeEmail } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { users } from '../db/schema';
import { allUsers, userById, userWithEmail } from '../store/users';
import { cachedRfUsers, pairingOf, writePairing, type RfUserRow } from '../store/ownerPairings';
import { connectionOf } from './connection';
import { getMeta } from '../store/meta';
import { currentUserRow } from './users';

type UserRow = typeof users.$inferSelect;

/** The account server whose user list applies to this user: their connection's, else the last one cached. */
function ownerBaseUrl(ctx: Pick<Ctx, 'db' | 'sqlite'>, userId: number): string | null {
  return connectionOf(ctx, userId)?.baseUrl ?? getMeta(ctx, 'metadata.baseUrl');
}

function pairingFor(ctx: Pick<Ctx, 'db'>, user: UserRow, baseUrl: string | null, rfUsers: RfUserRow[]): OwnerPairing {
  const base = { email: user.email, name: user.name };
  if (baseUrl === null) return { ...base, rfUserId: null, rfUserName: null, how: 'none' };
  const chosen = pairingOf(ctx.db, user.id, baseUrl);
  if (chosen) {
    const rf = rfUsers.find((u) => u.id === chosen.rfUserId);
    return { ...base, rfUserId: chosen.rfUserId, rfUserName: rf?.name ?? null, how: 'chosen' };
  }
  const byEmail = rfUsers.find((u) => u.email === user.email);
  return byEmail
    ? { ...base, rfUserId: byEmail.id, rfUserName: byEmail.name, how: 'email' }
    : { ...base, rfUserId: null, rfUserName: null, how: 'none' };
}

/** The Recruiterflow user id a contact added now by this user is owned by, or null (Recruiterflow's default). */
export function ownerIdFor(ctx: Pick<Ctx, 'db' | 'sqlite'>, userId: number): number | null {
  const user = userById(ctx, userId);
  const baseUrl = ownerBaseUrl(ctx, userId);
  if (!user || baseUrl === null) return null;
  return pairingFor(ctx, user, baseUrl, cachedRfUsers(ctx.db, baseUrl)).rfUserId;
}

export function listOwnerPairings(ctx: Pick<Ctx, 'db' | 'sqlite'>): OwnerPairings {
  const baseUrl = ownerBaseUrl(ctx, currentUserRow(ctx).id);
  const rfUsers = baseUrl === null ? [] : cachedRfUsers(ctx.db, baseUrl);
  return {
    rfUsers: rfUsers.map((u) => ({ id: u.id, email: u.email, name: u.name })),
    users: allUsers(ctx).map((u) => pairingFor(ctx, u, baseUrl, rfUsers)),
  };
}

/**
 * Pairs a teammate (by email) with a Recruiterflow user of the connected account, or with null goes back
 * to pairing by email. Members may only choose their own; owners and managers anyone's.
 */
export function setOwnerPairing(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'sqlite'>,
  input: { email: string; rfUserId: number | null },
): OwnerPairing {
  const me = currentUserRow(ctx);
  const user = userWithEmail(ctx, normalizeEmail(input.email));
  if (!user) throw new AppError('not_found', `No teammate with email ${input.email}`);
  if (me.role === 'member' && user.id !== me.id) throw new AppError('forbidden', 'Members can only choose their own Recruiterflow owner');
  const baseUrl = ownerBaseUrl(ctx, me.id);
  if (baseUrl === null) throw new AppError('not_connected', 'Connect to Recruiterflow first: owners are Recruiterflow users');
  const rfUsers = cachedRfUsers(ctx.db, baseUrl);
  if (input.rfUserId !== null && !rfUsers.some((u) => u.id === input.rfUserId)) {
    const known = rfUsers.map((u) => `${u.id} ${u.name}`).join(', ');
    throw new AppError(
      'not_found',
      `No Recruiterflow user ${input.rfUserId} in this account${known ? ` (users: ${known})` : '; refresh the jobs and users first (`jobs list`)'}`,
      { field: 'rfUserId' },
    );
  }
  writePairing(ctx.db, user.id, baseUrl, input.rfUserId, ctx.clock.now());
  ctx.events.emit('data:changed', { what: 'users' });
  return pairingFor(ctx, user, baseUrl, rfUsers);
}
