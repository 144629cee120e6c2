// The per-user Recruiterflow connection. The key goes to the secret store, never to the database.
import { eq } from 'drizzle-orm';
import type { Connection } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { connections } from '../db/schema';
import { createRecruiterflowClient, RecruiterflowError, type RecruiterflowClient } from '../recruiterflow';
import { currentUserRow } from './users';

type ConnectionRow = typeof connections.$inferSelect;

const secretName = (userId: number) => `recruiterflow-api-key:${userId}`;

export function connectionOf(ctx: Ctx, userId: number): ConnectionRow | null {
  return ctx.db.select().from(connections).where(eq(connections.userId, userId)).get() ?? null;
}

export function describeConnection(ctx: Ctx, userId = currentUserRow(ctx).id): Connection {
  const row = connectionOf(ctx, userId);
  if (!row) return { connected: false, baseUrl: null, status: 'not_connected', keySet: false, checkedAt: null, sandbox: false };
  return {
    connected: true,
    baseUrl: row.baseUrl,
    status: row.status,
    keySet: ctx.secrets.get(secretName(userId)) !== null,
    checkedAt: row.checkedAt,
    sandbox: row.sandbox,
  };
}

export interface ActiveConnection {
  userId: number;
  baseUrl: string;
  client: RecruiterflowClient;
}

export interface ClientOptions {
  timeoutMs?: number;
  /** The transport; the sync engine passes one that paces requests. */
  fetch?: typeof fetch;
}

function clientFor(ctx: Ctx, baseUrl: string, apiKey: string, options: ClientOptions = {}): RecruiterflowClient {
  return createRecruiterflowClient({ baseUrl, apiKey, fetch: options.fetch ?? ctx.fetch, clock: ctx.clock, timeoutMs: options.timeoutMs });
}

/** The user's (default: current user's) connection with a ready client, or null when not connected. */
export function activeConnection(ctx: Ctx, userId = currentUserRow(ctx).id, options: ClientOptions = {}): ActiveConnection | null {
  const row = connectionOf(ctx, userId);
  const apiKey = ctx.secrets.get(secretName(userId));
  if (!row || apiKey === null) return null;
  return { userId, baseUrl: row.baseUrl, client: clientFor(ctx, row.baseUrl, apiKey, options) };
}

export function requireConnection(ctx: Ctx): ActiveConnection {
  const active = activeConnection(ctx);
  if (!active) throw new AppError('not_connected', 'Not connected to Recruiterflow: connect first (Settings, or `connect --base-url URL --api-key KEY`)');
  return active;
}

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new AppError('invalid_input', `Not a valid URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('invalid_input', `Not an http(s) URL: ${baseUrl}`);
  return url.origin;
}

/** Verifies the key with one cheap authenticated call, then stores the connection. Nothing is stored on failure. */
export async function connect(ctx: Ctx, input: { baseUrl: string; apiKey: string; sandbox?: boolean }): Promise<Connection> {
  const baseUrl = normalizeBaseUrl(input.baseUrl);
  const apiKey = input.apiKey.trim();
  await verifyKey(ctx, baseUrl, apiKey);
  const user = currentUserRow(ctx);
  const now = ctx.clock.now();
  ctx.secrets.set(secretName(user.id), apiKey);
  ctx.db
    .insert(connections)
    .values({ userId: user.id, baseUrl, status: 'connected', sandbox: input.sandbox ?? false, connectedAt: now, checkedAt: now })
    .onConflictDoUpdate({
      target: connections.userId,
      set: { baseUrl, status: 'connected', sandbox: input.sandbox ?? false, connectedAt: now, checkedAt: now },
    })
    .run();
  return announce(ctx, user.id);
}

async function verifyKey(ctx: Ctx, baseUrl: string, apiKey: string): Promise<void> {
  try {
    await clientFor(ctx, baseUrl, apiKey, { timeoutMs: 10_000 }).ping();
  } catch (error) {
    throw toConnectionError(error, baseUrl);
  }
}

function toConnectionError(error: unknown, baseUrl: string): AppError {
  if (error instanceof RecruiterflowError && error.kind === 'unauthorized') {
    return new AppError('invalid_api_key', 'Recruiterflow refused the API key (invalid API key)');
  }
  if (error instanceof RecruiterflowError && error.kind !== 'network' && error.kind !== 'server' && error.kind !== 'bad_response') {
    return new AppError('unreachable', `Recruiterflow at ${baseUrl} answered unexpectedly: ${error.message}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('unreachable', `Cannot reach Recruiterflow at ${baseUrl}: ${detail}`);
}

export function disconnect(ctx: Ctx): Connection {
  const user = currentUserRow(ctx);
  ctx.db.delete(connections).where(eq(connections.userId, user.id)).run();
  ctx.secrets.delete(secretName(user.id));
  return announce(ctx, user.id);
}

/** Re-checks the stored key and records the outcome (connected / invalid key / unreachable). */
export async function testConnection(ctx: Ctx): Promise<Connection> {
  const user = currentUserRow(ctx);
  const active = activeConnection(ctx, user.id);
  if (!active) return describeConnection(ctx, user.id);
  let status: ConnectionRow['status'] = 'connected';
  try {
    await active.client.ping();
  } catch (error) {
    status = error instanceof RecruiterflowError && error.kind === 'unauthorized' ? 'invalid_key' : 'unreachable';
  }
  setConnectionStatus(ctx, user.id, status);
  return describeConnection(ctx, user.id);
}

export function setConnectionStatus(ctx: Ctx, userId: number, status: ConnectionRow['status']): void {
  const before = connectionOf(ctx, userId);
  ctx.db.update(connections).set({ status, checkedAt: ctx.clock.now() }).where(eq(connections.userId, userId)).run();
  if (before && before.status !== status) announce(ctx, userId);
}

export async function useSandbox(ctx: Ctx): Promise<Connection> {
  if (!ctx.launchSandbox) throw new AppError('forbidden', 'This host cannot start the built-in sandbox; run `npm run cli -- sandbox serve` and connect to it');
  const sandbox = await ctx.launchSandbox();
  return connect(ctx, { baseUrl: sandbox.url, apiKey: sandbox.apiKey, sandbox: true });
}

function announce(ctx: Ctx, userId: number): Connection {
  const connection = describeConnection(ctx, userId);
  ctx.events.emit('connection:changed', connection);
  ctx.events.emit('data:changed', { what: 'settings' });
  ctx.wake();
  return connection;
}
