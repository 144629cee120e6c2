// The only module that reads or writes `connections` by itself (one row per user; the key is in the secret
// store, never here): the row saved on connect, its status, its removal, and the account identity the
// account switch (domain/account.ts) reads and renames.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { connections } from '../db/schema';

type ConnectionRow = typeof connections.$inferSelect;

export function connectionRow(ctx: Pick<Ctx, 'db'>, userId: number): ConnectionRow | null {
  return ctx.db.select().from(connections).where(eq(connections.userId, userId)).get() ?? null;
}

/** The user's connection, made or replaced (a new connect starts connected and checked now). */
export function saveConnection(
  ctx: Pick<Ctx, 'db'>,
  c: Pick<ConnectionRow, 'userId' | 'baseUrl' | 'account' | 'sandbox'>,
  now: number,
): void {
  const values = {
    baseUrl: c.baseUrl,
    account: c.account,
    status: 'connected' as const,
    sandbox: c.sandbox,
    connectedAt: now,
    checkedAt: now,
  };
  ctx.db
    .insert(connections)
    .values({ userId: c.userId, ...values })
    .onConflictDoUpdate({ target: connections.userId, set: values })
    .run();
}

export function deleteConnection(ctx: Pick<Ctx, 'db'>, userId: number): void {
  ctx.db.delete(connections).where(eq(connections.userId, userId)).run();
}

export function updateConnectionStatus(ctx: Pick<Ctx, 'db'>, userId: number, status: ConnectionRow['status'], at: number): void {
  ctx.db.update(connections).set({ status, checkedAt: at }).where(eq(connections.userId, userId)).run();
}

/** The account a user is connected to (its base URL for a connection made before accounts had fingerprints). */
export function connectedAccount(sqlite: Sqlite, userId: number): string | null {
  const row = sqlite.prepare('select coalesce(account, base_url) from connections where user_id = ?').pluck().get(userId);
  return typeof row === 'string' ? row : null;
}

export function setConnectedAccount(sqlite: Sqlite, userId: number, account: string): void {
  sqlite.prepare('update connections set account = ? where user_id = ?').run(account, userId);
}
