// Teammates. Exactly one owner; the first user (created with the data folder) is the owner and current.
import { eq } from 'drizzle-orm';
import type { Integration, Role, User } from '../../src-shared/domain';
import { normalizeEmail, isValidEmail } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { users } from '../db/schema';
import { connectionRow } from '../store/connections';
import { createSettings } from '../store/settings';

type UserRow = typeof users.$inferSelect;

export function ensureOwner(ctx: Pick<Ctx, 'clock' | 'db'>): void {
  const existing = ctx.db.select({ id: users.id }).from(users).limit(1).get();
  if (existing) return;
  ctx.db.transaction((tx) => {
    const owner = tx
      .insert(users)
      .values({ email: PLACEHOLDER_OWNER_EMAIL, name: 'Owner', role: 'owner', isCurrent: true, createdAt: ctx.clock.now() })
      .returning({ id: users.id })
      .get();
    createSettings(ctx, owner.id);
  });
}

export function currentUserRow(ctx: Pick<Ctx, 'db'>): UserRow {
  const row = ctx.db.select().from(users).where(eq(users.isCurrent, true)).get();
  if (!row) throw new AppError('internal', 'No current user in this data folder');
  return row;
}

function userByEmail(ctx: Pick<Ctx, 'db'>, email: string): UserRow {
  const row = ctx.db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
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
  return ctx.db.select({ id: users.id }).from(users).where(eq(users.email, PLACEHOLDER_OWNER_EMAIL)).get() !== undefined;
}

/** The recruiter's own name and email (asked on first start): renames the current user. */
export function updateMe(ctx: Ctx, input: { name: string; email: string }): User {
  const me = currentUserRow(ctx);
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email) || email === PLACEHOLDER_OWNER_EMAIL)
    throw new AppError('invalid_input', `Not a valid email: ${input.email}`, { field: 'email' });
  const clash = ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (clash && clash.id !== me.id) throw new AppError('conflict', `A teammate with email ${email} already exists`, { field: 'email' });
  ctx.db.update(users).set({ email, name: input.name.trim() }).where(eq(users.id, me.id)).run();
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, { ...me, email, name: input.name.trim() });
}

function toUser(ctx: Ctx, row: UserRow): User {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    group: row.groupName,
    integration: integrationOf(ctx, row),
    current: row.isCurrent,
  };
}

export function listUsers(ctx: Ctx): User[] {
  return ctx.db
    .select()
    .from(users)
    .orderBy(users.id)
    .all()
    .map((row) => toUser(ctx, row));
}

export function addUser(
  ctx: Ctx,
  input: { email: string; name: string; role: Role; group?: string | null; integration?: Integration },
): User {
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) throw new AppError('invalid_input', `Not a valid email: ${input.email}`);
  if (input.role === 'owner') throw new AppError('conflict', 'There is exactly one owner; add the teammate as manager or member');
  const clash = ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (clash) throw new AppError('conflict', `A teammate with email ${email} already exists`);
  const row = ctx.db.transaction((tx) => {
    const created = tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        groupName: input.group ?? null,
        integration: input.integration ?? 'none',
        createdAt: ctx.clock.now(),
      })
      .returning()
      .get();
    createSettings(ctx, created.id);
    return created;
  });
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, row);
}

export function useUser(ctx: Ctx, email: string): User {
  const target = userByEmail(ctx, email);
  ctx.db.transaction((tx) => {
    tx.update(users).set({ isCurrent: false }).where(eq(users.isCurrent, true)).run();
    tx.update(users).set({ isCurrent: true }).where(eq(users.id, target.id)).run();
  });
  ctx.events.emit('data:changed', { what: 'users' });
  return toUser(ctx, { ...target, isCurrent: true });
}
