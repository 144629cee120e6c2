// Teammates. Exactly one owner; the first user (created with the data folder) is the owner and current.
import type { Integration, Role, User } from '../../src-shared/domain';
import { normalizeEmail, isValidEmail } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { users } from '../db/schema';
import { connectionRow } from '../store/connections';
import { createSettings } from '../store/settings';
import { allUsers, anyUser, currentUser, insertUser, makeCurrent, renameUser, userWithEmail } from '../store/users';

type UserRow = typeof users.$inferSelect;

export function ensureOwner(ctx: Pick<Ctx, 'clock' | 'db'>): void {
  if (anyUser(ctx)) return;
  ctx.db.transaction(() => {
    const owner = insertUser(ctx, {
      email: PLACEHOLDER_OWNER_EMAIL,
      name: 'Owner',
      role: 'owner',
      isCurrent: true,
      createdAt: ctx.clock.now(),
    });
    createSettings(ctx, owner.id);
  });
}

export function currentUserRow(ctx: Pick<Ctx, 'db'>): UserRow {
  const row = currentUser(ctx);
  if (!row) throw new AppError('internal', 'No current user in this data folder');
  return row;
}

function userByEmail(ctx: Pick<Ctx, 'db'>, email: string): UserRow {
  const row = userWithEmail(ctx, normalizeEmail(email));
  if (!row) throw new AppError('not_found', `No teammate with email ${email}`);
  return row;
}

/**
 * A user with a Recruiterflow connection in this data folder is on Recruiterflow, whoever is acting now;
 * otherwise it is what was recorded for them (a teammate's own machine), or none.
 */
export function integrationOf(ctx: Pick<Ctx, 'db'>, row: UserRow): Integration {
  if (connectionRow(ctx, row.id)) return 'recruiterflow';
  return row.isCurrent ? 'none' : row.integration;
}

/** The owner a fresh data folder starts with, until the recruiter gives their own name and email. */
const PLACEHOLDER_OWNER_EMAIL = 'owner@flowbridge.local';

export function needsProfile(ctx: Pick<Ctx, 'db'>): boolean {
  return userWithEmail(ctx, PLACEHOLDER_OWNER_EMAIL) !== undefined;
}

/** The recruiter's own name and email (asked on first start): renames the current user. */
export function updateMe(ctx: Pick<Ctx, 'db' | 'events'>, input: { name: string; email: string }): User {
  const me = currentUserRow(ctx);
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email) || email === PLACEHOLDER_OWNER_EMAIL)
    throw new AppError('invalid_input', `Not a valid email: ${input.email}`, { field: 'email' });
  const clash = userWithEmail(ctx, email);
  if (clash && clash.id !== me.id) throw new AppError('conflict', `A teammate with email ${email} already exists`, { field: 'email' });
  renameUser(ctx, me.id, { email, name: input.name.trim() });
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, { ...me, email, name: input.name.trim() });
}

function toUser(ctx: Pick<Ctx, 'db'>, row: UserRow): User {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    group: row.groupName,
    integration: integrationOf(ctx, row),
    current: row.isCurrent,
  };
}

export function listUsers(ctx: Pick<Ctx, 'db'>): User[] {
  return allUsers(ctx).map((row) => toUser(ctx, row));
}

export function addUser(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events'>,
  input: { email: string; name: string; role: Role; group?: string | null; integration?: Integration },
): User {
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) throw new AppError('invalid_input', `Not a valid email: ${input.email}`);
  if (input.role === 'owner') throw new AppError('conflict', 'There is exactly one owner; add the teammate as manager or member');
  const clash = userWithEmail(ctx, email);
  if (clash) throw new AppError('conflict', `A teammate with email ${email} already exists`);
  const row = ctx.db.transaction(() => {
    const created = insertUser(ctx, {
      email,
      name: input.name.trim(),
      role: input.role,
      groupName: input.group ?? null,
      integration: input.integration ?? 'none',
      createdAt: ctx.clock.now(),
    });
    createSettings(ctx, created.id);
    return created;
  });
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, row);
}

export function useUser(ctx: Pick<Ctx, 'db' | 'events'>, email: string): User {
  const target = userByEmail(ctx, email);
  makeCurrent(ctx, target.id);
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, { ...target, isCurrent: true });
}
