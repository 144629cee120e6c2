// The per-user Recruiterflow connection. The key goes to the secret store, never to the database.
import type { ConnectResult } from '../../src-shared/contract';
import type { Connection } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { connections } from '../db/schema';
import { createRecruiterflowClient, RecruiterflowError, type InFilterCheck, type RecruiterflowClient } from '../recruiterflow';
import { unreadableMessage, type SecretLookup } from '../secrets/secretStore';
import {
  accountIdentity,
  adoptLegacy,
  applySwitch,
  describeSwitch,
  planSwitch,
  previousAccount,
  rememberAccount,
  switchMatters,
} from './account';
import { currentUserRow } from './users';
import { connectionRow, deleteConnection, saveConnection, updateConnectionStatus } from '../store/connections';

type ConnectionRow = typeof connections.$inferSelect;

const secretName = (userId: number) => `recruiterflow-api-key:${userId}`;

/** The user's stored key, as this host can read it (never thrown: an unreadable key is a state). */
function storedKey(ctx: Pick<Ctx, 'secrets'>, userId: number): SecretLookup {
  return ctx.secrets.lookup(secretName(userId));
}

/** One line for a key this host cannot read, with the way out for this host. */
function keyProblem(ctx: Pick<Ctx, 'host'>, key: SecretLookup): string | null {
  if (key.state !== 'unreadable') return null;
  const fix =
    ctx.host === 'cli' ? 'connect again here (`connect --base-url URL --api-key-stdin`).' : 'enter the key again in Settings → Connection.';
  return unreadableMessage('the Recruiterflow API key', key, fix);
}

export function connectionOf(ctx: Pick<Ctx, 'db'>, userId: number): ConnectionRow | null {
  return connectionRow(ctx, userId);
}

export function describeConnection(ctx: Pick<Ctx, 'db' | 'host' | 'secrets'>, userId = currentUserRow(ctx).id): Connection {
  const row = connectionOf(ctx, userId);
  if (!row)
    return { connected: false, baseUrl: null, status: 'not_connected', keySet: false, keyProblem: null, checkedAt: null, sandbox: false };
  const key = storedKey(ctx, userId);
  return {
    connected: true,
    baseUrl: row.baseUrl,
    status: row.status,
    keySet: key.state !== 'missing',
    keyProblem: keyProblem(ctx, key),
    checkedAt: row.checkedAt,
    sandbox: row.sandbox,
  };
}

export interface ActiveConnection {
  userId: number;
  baseUrl: string;
  /** The account identity (domain/account.ts): links and job assignments are kept per account. */
  account: string;
  /** The built-in sandbox (demo data may go there), not a real account. */
  sandbox: boolean;
  client: RecruiterflowClient;
}

export interface ClientOptions {
  timeoutMs?: number;
  /** The transport; the sync engine passes one that paces requests. */
  fetch?: typeof fetch;
  /** What is known of the server's search filter (the sync engine keeps it from one drain to the next). */
  inFilter?: InFilterCheck;
}

function clientFor(ctx: Pick<Ctx, 'clock' | 'fetch'>, baseUrl: string, apiKey: string, options: ClientOptions = {}): RecruiterflowClient {
  return createRecruiterflowClient({
    baseUrl,
    apiKey,
    fetch: options.fetch ?? ctx.fetch,
    clock: ctx.clock,
    timeoutMs: options.timeoutMs,
    inFilter: options.inFilter,
  });
}

/**
 * The user's (default: current user's) connection with a ready client, or null when not connected or
 * when this host cannot read the stored key. An unreadable key is never sent: what it would earn (a
 * 401) would pause the shared queue for the hosts that can read it.
 */
export function activeConnection(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets'>,
  userId = currentUserRow(ctx).id,
  options: ClientOptions = {},
): ActiveConnection | null {
  const row = connectionOf(ctx, userId);
  if (!row) return null;
  const key = storedKey(ctx, userId);
  if (key.state !== 'present') return null;
  return {
    userId,
    baseUrl: row.baseUrl,
    account: row.account ?? row.baseUrl,
    sandbox: row.sandbox,
    client: clientFor(ctx, row.baseUrl, key.value, options),
  };
}

/** activeConnection, or the reason there is none (not connected, or a key this host cannot read). */
export function requireConnection(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'host' | 'secrets'>,
  options: ClientOptions = {},
): ActiveConnection {
  const userId = currentUserRow(ctx).id;
  const active = activeConnection(ctx, userId, options);
  if (active) return active;
  const problem = connectionOf(ctx, userId) ? keyProblem(ctx, storedKey(ctx, userId)) : null;
  if (problem) throw new AppError('secret_unreadable', problem);
  throw new AppError(
    'not_connected',
    'Not connected to Recruiterflow: connect first (Settings, or `connect --base-url URL --api-key-stdin`)',
  );
}

/** Hosts on this computer, where plain http:// cannot be read by anyone else (the sandbox, tests). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The origin the key will be sent to. A bare host (`api.recruiterflow.com`) means https. Plain http://
 * only for loopback hosts: anywhere else the key would cross the network readable by anyone on the way.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  const given = baseUrl.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError('invalid_input', `Not a valid URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('invalid_input', `Not an http(s) URL: ${baseUrl}`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new AppError(
      'invalid_input',
      `Recruiterflow must be reached over https:// (the API key would travel unencrypted): use https://${url.host}; http:// is accepted only for this computer (localhost, 127.0.0.1)`,
    );
  }
  if (url.username || url.password) throw new AppError('invalid_input', 'The base URL must not contain a user name or password');
  return url.origin;
}

/**
 * Verifies the key with one cheap authenticated call, then stores the connection. Nothing is stored on
 * failure. Another account than before is a switch: when it matters (queued work, links, synced
 * contacts) it is refused with confirm_required and what it would do, unless `confirmSwitch`.
 */
export async function connect(
  ctx: Ctx,
  input: { baseUrl: string; apiKey: string; sandbox?: boolean; confirmSwitch?: boolean },
): Promise<ConnectResult> {
  const baseUrl = normalizeBaseUrl(input.baseUrl);
  const apiKey = input.apiKey.trim();
  await verifyKey(ctx, baseUrl, apiKey);
  const user = currentUserRow(ctx);
  const account = accountIdentity(baseUrl, apiKey);
  const previous = adoptLegacy(ctx, user.id, previousAccount(ctx, user.id), account);
  const switching = previous !== null && previous !== account;
  if (switching && input.confirmSwitch !== true) {
    const plan = planSwitch(ctx, user.id, previous, account);
    if (switchMatters(plan)) throw new AppError('confirm_required', `${describeSwitch(plan)} Confirm to change account.`);
  }
  const now = ctx.clock.now();
  ctx.secrets.set(secretName(user.id), apiKey);
  saveConnection(ctx, { userId: user.id, baseUrl, account, sandbox: input.sandbox ?? false }, now);
  const switched = switching ? applySwitch(ctx, user.id, previous, account) : null;
  if (switched) ctx.events.emit('queue:changed', { reason: 'account changed' });
  return { ...announce(ctx, user.id), switched };
}

async function verifyKey(ctx: Pick<Ctx, 'clock' | 'fetch'>, baseUrl: string, apiKey: string): Promise<void> {
  try {
    await clientFor(ctx, baseUrl, apiKey, { timeoutMs: 10_000 }).ping();
  } catch (error) {
    throw toConnectionError(error, baseUrl);
  }
}

function toConnectionError(error: unknown, baseUrl: string): AppError {
  if (error instanceof RecruiterflowError && error.kind === 'unauthorized') {
    // A 403 on the check: the key is valid but lacks a permission; say which.
    if (error.status === 403) return new AppError('invalid_api_key', error.message);
    return new AppError('invalid_api_key', 'Recruiterflow refused the API key (invalid API key)');
  }
  if (error instanceof RecruiterflowError && error.kind !== 'network' && error.kind !== 'server' && error.kind !== 'bad_response') {
    return new AppError('unreachable', `Recruiterflow at ${baseUrl} answered unexpectedly: ${error.message}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('unreachable', `Cannot reach Recruiterflow at ${baseUrl}: ${detail}`);
}

export function disconnect(ctx: Pick<Ctx, 'db' | 'events' | 'host' | 'secrets' | 'wake'>): Connection {
  const user = currentUserRow(ctx);
  const before = connectionOf(ctx, user.id);
  if (before) rememberAccount(ctx, user.id, before.account ?? before.baseUrl);
  deleteConnection(ctx, user.id);
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

export function setConnectionStatus(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'host' | 'secrets' | 'wake'>,
  userId: number,
  status: ConnectionRow['status'],
): void {
  const before = connectionOf(ctx, userId);
  updateConnectionStatus(ctx, userId, status, ctx.clock.now());
  if (before && before.status !== status) announce(ctx, userId);
}

export async function useSandbox(ctx: Ctx, confirmSwitch?: boolean): Promise<ConnectResult> {
  if (!ctx.launchSandbox)
    throw new AppError('forbidden', 'This host cannot start the built-in sandbox; run `npm run cli -- sandbox serve` and connect to it');
  const sandbox = await ctx.launchSandbox();
  return connect(ctx, { baseUrl: sandbox.url, apiKey: sandbox.apiKey, sandbox: true, confirmSwitch });
}

function announce(ctx: Pick<Ctx, 'db' | 'events' | 'host' | 'secrets' | 'wake'>, userId: number): Connection {
  const connection = describeConnection(ctx, userId);
  ctx.events.emit('connection:changed', connection);
  ctx.events.emit('data:changed', { what: 'settings' });
  ctx.wake();
  return connection;
}
