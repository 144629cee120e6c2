// The saved mailbox of the current user, its state for the status bar and `mailbox status`, and
// the notes setting. The password is in the secret store (password.ts), never here.
import type { MailboxState, MailboxStatus } from '../../src-shared/mailbox';
import type { Ctx } from '../backend/context';
import type { mailboxes } from '../db/schema';
import { mailboxOf, updateMailboxState } from '../store/mailboxes';
import { mailboxReplyCounts, notesEnabled, setNotesEnabled } from '../store/replies';
import { currentUserRow } from '../domain/users';
import type { MailboxAuth, MailboxSettings } from './imap';
import { getMailboxPassword } from './password';

export type MailboxRow = typeof mailboxes.$inferSelect;

export function mailboxRow(ctx: Pick<Ctx, 'db'>, userId = currentUserRow(ctx).id): MailboxRow | null {
  return mailboxOf(ctx, userId);
}

export function settingsOf(row: MailboxRow): MailboxSettings {
  return { host: row.host, port: row.port, security: row.security, user: row.username, folder: row.folder, caFile: row.caFile };
}

export function authOf(ctx: Pick<Ctx, 'secrets'>, row: MailboxRow): MailboxAuth | null {
  const password = getMailboxPassword(ctx, row.userId);
  return password === null ? null : { kind: 'password', password };
}

function counts(ctx: Pick<Ctx, 'db'>): MailboxStatus['counts'] {
  const rows = mailboxReplyCounts(ctx);
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { replies: n('reply'), autoReplies: n('auto_reply'), bounces: n('bounce') };
}

export function describeMailbox(ctx: Pick<Ctx, 'db' | 'sqlite'>, live = false): MailboxStatus {
  const row = mailboxRow(ctx);
  const base = { counts: counts(ctx), notes: notesEnabled(ctx), live: row !== null && live };
  if (!row)
    return {
      connected: false,
      host: null,
      port: null,
      security: null,
      user: null,
      folder: null,
      caFile: null,
      state: null,
      message: null,
      lastScanAt: null,
      ...base,
    };
  return {
    connected: true,
    host: row.host,
    port: row.port,
    security: row.security,
    user: row.username,
    folder: row.folder,
    caFile: row.caFile,
    state: row.state,
    message: row.stateMessage,
    lastScanAt: row.lastScanAt,
    ...base,
  };
}

/** Records the state; tells the UI when it changed. */
export function setMailboxState(
  ctx: Pick<Ctx, 'db' | 'events' | 'sqlite'>,
  userId: number,
  state: MailboxState,
  message: string | null,
  live = false,
): void {
  const before = mailboxRow(ctx, userId);
  if (!before) return;
  updateMailboxState(ctx, userId, state, message);
  if (before.state !== state || before.stateMessage !== message) ctx.events.emit('mailbox:changed', describeMailbox(ctx, live));
}

/** Reply notes on or off: the status bar and the Settings screen hear of it at once. */
export function setReplyNotes(ctx: Pick<Ctx, 'db' | 'events' | 'sqlite'>, enabled: boolean, live: boolean): MailboxStatus {
  setNotesEnabled(ctx, enabled);
  const status = describeMailbox(ctx, live);
  ctx.events.emit('mailbox:changed', status);
  return status;
}
