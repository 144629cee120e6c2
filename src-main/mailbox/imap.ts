// Opening an IMAP connection (imapflow) to the recruiter's mailbox, and telling its failures apart:
// a refused login, a certificate or TLS problem, or a server that cannot be reached.
import { readFileSync } from 'node:fs';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { MailboxSecurity } from '../../src-shared/mailbox';
import { AppError } from '../../src-shared/result';

export interface MailboxSettings {
  host: string;
  port: number;
  security: MailboxSecurity;
  user: string;
  folder: string;
  caFile: string | null;
}

/**
 * How the client proves who it is. Only a password today; an OAuth2 access token (XOAUTH2, which
 * Outlook.com requires) fits here later as `{ kind: 'xoauth2', accessToken }` → imapflow's `accessToken`.
 */
export type MailboxAuth = { kind: 'password'; password: string };

export type MailboxFailure = 'auth_failed' | 'tls_failed' | 'unreachable';

export const DEFAULT_PORTS: Record<MailboxSecurity, number> = { tls: 993, starttls: 143, none: 143 };

function readCa(caFile: string | null): Buffer | undefined {
  if (caFile === null) return undefined;
  try {
    return readFileSync(caFile);
  } catch (error) {
    throw new AppError(
      'unreadable_file',
      `Cannot read the CA file ${caFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

export interface ImapOptions {
  timeoutMs?: number;
  /** How soon an unbusy connection starts IDLE (imapflow's default is 15 s; the live watcher wants it at once). */
  autoIdleDelayMs?: number;
}

function createImapClient(settings: MailboxSettings, auth: MailboxAuth, options: ImapOptions = {}): ImapFlow {
  const ca = readCa(settings.caFile);
  const timeout = options.timeoutMs ?? 15_000;
  const config: ImapFlowOptions = {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    // STARTTLS is required when asked for, and never attempted on a plain (loopback-only) connection.
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    auth: { user: settings.user, pass: auth.password },
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(ca ? { ca } : {}) },
    logger: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 5 * 60_000,
    emitLogs: false,
    ...(options.autoIdleDelayMs !== undefined ? { autoIdleDelay: options.autoIdleDelayMs } : {}),
  };
  return new ImapFlow(config);
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|CERT_|EPROTO$|HOSTNAME_MISMATCH)/;
const TLS_WORDS = /certificate|ssl|tls|starttls/i;

export function failureKind(error: unknown): MailboxFailure {
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string; serverResponseCode?: string } | null;
  if (e?.authenticationFailed === true || e?.serverResponseCode === 'AUTHENTICATIONFAILED') return 'auth_failed';
  if (typeof e?.code === 'string' && TLS_CODES.test(e.code)) return 'tls_failed';
  if (e?.code === undefined && typeof e?.message === 'string' && TLS_WORDS.test(e.message)) return 'tls_failed';
  return 'unreachable';
}

/** A typed, one-line error that names the server but never the password. */
export function toMailboxError(error: unknown, settings: Pick<MailboxSettings, 'host' | 'port'>): AppError {
  if (error instanceof AppError) return error;
  const kind = failureKind(error);
  const detail =
    error instanceof Error
      ? `${(error as { code?: string }).code ? `${(error as { code?: string }).code}: ` : ''}${error.message}`
      : String(error);
  const where = `${settings.host}:${settings.port}`;
  if (kind === 'auth_failed')
    return new AppError(
      'auth_failed',
      `The mail server at ${where} refused the user name or password (for Gmail, iCloud and Fastmail, use an app password)`,
    );
  if (kind === 'tls_failed')
    return new AppError('tls_failed', `TLS with ${where} failed (${detail}); a self-hosted server may need its CA file (--ca FILE)`);
  return new AppError('unreachable', `Cannot reach the mail server at ${where}: ${detail}`);
}

/** Connects and logs in, or throws a typed AppError (auth_failed, tls_failed, unreachable). */
export async function openImap(settings: MailboxSettings, auth: MailboxAuth, options: ImapOptions = {}): Promise<ImapFlow> {
  const client = createImapClient(settings, auth, options);
  // imapflow also reports socket errors as events; without a listener they would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw toMailboxError(error, settings);
  }
}
