// Connecting, re-testing and disconnecting the mailbox. The login is checked before anything is
// saved; plain IMAP is refused for anything but this machine.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLoopbackHost, type MailboxSecurity, type MailboxStatus } from '../../src-shared/mailbox';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { currentUserRow } from '../domain/users';
import { deleteMailbox, saveMailbox } from '../store/mailboxes';
import { DEFAULT_PORTS, openImap, toMailboxError, type MailboxSettings } from './imap';
import { deleteMailboxPassword, setMailboxPassword } from './password';
import { authOf, describeMailbox, mailboxRow, setMailboxState, settingsOf } from './store';

export interface ConnectInput {
  host: string;
  port?: number;
  user: string;
  password: string;
  security?: MailboxSecurity;
  caFile?: string | null;
  folder?: string;
}

function settingsFrom(input: ConnectInput): MailboxSettings {
  const security = input.security ?? 'tls';
  const host = input.host.trim();
  if (security === 'none' && !isLoopbackHost(host)) {
    throw new AppError(
      'invalid_input',
      `Plain IMAP without TLS is only allowed to this machine (localhost), not ${host}: use --security tls or starttls`,
    );
  }
  const caFile = input.caFile ? resolve(input.caFile) : null;
  if (caFile !== null && !existsSync(caFile)) throw new AppError('unreadable_file', `The CA file ${caFile} does not exist`);
  return {
    host,
    port: input.port ?? DEFAULT_PORTS[security],
    security,
    user: input.user.trim(),
    folder: input.folder?.trim() || 'INBOX',
    caFile,
  };
}

/** Logs in and opens the folder, then logs out; throws auth_failed, tls_failed, unreachable or not_found. */
async function checkLogin(settings: MailboxSettings, password: string): Promise<void> {
  const client = await openImap(settings, { kind: 'password', password });
  try {
    await client.status(settings.folder, { messages: true }).catch((error: unknown) => {
      throw new AppError(
        'not_found',
        `The mail server has no folder "${settings.folder}" (${error instanceof Error ? error.message : String(error)})`,
      );
    });
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function connectMailbox(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'secrets' | 'sqlite'>,
  input: ConnectInput,
  live = false,
): Promise<MailboxStatus> {
  const settings = settingsFrom(input);
  await checkLogin(settings, input.password);
  const user = currentUserRow(ctx);
  const before = mailboxRow(ctx, user.id);
  const sameFolder =
    before !== null && before.host === settings.host && before.username === settings.user && before.folder === settings.folder;
  const now = ctx.clock.now();
  setMailboxPassword(ctx, user.id, input.password);
  const values = {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.user,
    folder: settings.folder,
    caFile: settings.caFile,
    state: 'idle' as const,
    stateMessage: null,
    connectedAt: now,
  };
  saveMailbox(ctx, user.id, values, sameFolder);
  const status = describeMailbox(ctx, live);
  ctx.events.emit('mailbox:changed', status);
  return status;
}

/** Re-checks the saved login and records the outcome for the status bar. */
export async function testMailbox(ctx: Pick<Ctx, 'db' | 'events' | 'secrets' | 'sqlite'>, live = false): Promise<MailboxStatus> {
  const row = mailboxRow(ctx);
  if (!row) return describeMailbox(ctx, live);
  const auth = authOf(ctx, row);
  try {
    if (!auth) throw new AppError('auth_failed', 'The mailbox password is missing from the secret store: connect the mailbox again');
    await checkLogin(settingsOf(row), auth.password);
    setMailboxState(ctx, row.userId, 'idle', null, live);
  } catch (error) {
    const typed = error instanceof AppError ? error : toMailboxError(error, row);
    setMailboxState(ctx, row.userId, typed.code === 'auth_failed' ? 'auth_failed' : 'unreachable', typed.message, live);
  }
  return describeMailbox(ctx, live);
}

export function disconnectMailbox(ctx: Pick<Ctx, 'db' | 'events' | 'secrets' | 'sqlite'>): MailboxStatus {
  const user = currentUserRow(ctx);
  deleteMailbox(ctx, user.id);
  deleteMailboxPassword(ctx, user.id);
  const status = describeMailbox(ctx);
  ctx.events.emit('mailbox:changed', status);
  return status;
}
