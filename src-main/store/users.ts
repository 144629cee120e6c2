// The teammates of this data folder (`users`): the only module that reads or writes the table by itself.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { users } from '../db/schema';

type UserRow = typeof users.$inferSelect;

export function anyUser(ctx: Pick<Ctx, 'db'>): boolean {
  return ctx.db.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

/** The user acting now (exactly one is current). */
export function currentUser(ctx: Pick<Ctx, 'db'>): UserRow | undefined {
  return ctx.db.select().from(users).where(eq(users.isCurrent, true)).get();
}

export function userById(ctx: Pick<Ctx, 'db'>, id: number): UserRow | undefined {
  return ctx.db.select().from(users).where(eq(users.id, id)).get();
}

/** The user with this (normalized) email. */
export function userWithEmail(ctx: Pick<Ctx, 'db'>, email: string): UserRow | undefined {
  return ctx.db.select().from(users).where(eq(users.email, email)).get();
}

export function allUsers(ctx: Pick<Ctx, 'db'>): UserRow[] {
  return ctx.db.select().from(users).orderBy(users.id).all();
}

export function insertUser(ctx: Pick<Ctx, 'db'>, values: typeof users.$inferInsert): UserRow {
  return ctx.db.insert(users).values(values).returning().get();
}

export function renameUser(ctx: Pick<Ctx, 'db'>, id: number, to: { email: string; name: string }): void {
  ctx.db.update(users).set(to).where(eq(users.id, id)).run();
}

/** Makes this user the current one (in one transaction: exactly one is current). */
export function makeCurrent(ctx: Pick<Ctx, 'db'>, id: number): void {
  ctx.db.transaction((tx) => {
    tx.update(users).set({ isCurrent: false }).where(eq(users.isCurrent, true)).run();
    tx.update(users).set({ isCurrent: true }).where(eq(users.id, id)).run();
  });
}
