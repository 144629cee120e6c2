// The only module that reads or writes `mailboxes` (the saved mailbox of each user; the password is in the
// secret store, never here) and `mailbox_checkpoints` (where the scan of a folder got to).
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { mailboxCheckpoints, mailboxes } from '../db/schema';
import { statement } from '../db/statements';

type MailboxRow = typeof mailboxes.$inferSelect;
type MailboxValues = Omit<typeof mailboxes.$inferInsert, 'userId'>;
export type Checkpoint = Pick<typeof mailboxCheckpoints.$inferSelect, 'uidValidity' | 'lastUid'>;

export function mailboxOf(ctx: Pick<Ctx, 'db'>, userId: number): MailboxRow | null {
  return ctx.db.select().from(mailboxes).where(eq(mailboxes.userId, userId)).get() ?? null;
}

/**
 * The user's mailbox, made or replaced. Another mailbox (or folder) drops the checkpoints: they mean
 * nothing there (recorded replies stay, keyed by Message-ID).
 */
export function saveMailbox(ctx: Pick<Ctx, 'db' | 'sqlite'>, userId: number, values: MailboxValues, sameFolder: boolean): void {
  ctx.sqlite.transaction(() => {
    if (!sameFolder) ctx.db.delete(mailboxCheckpoints).where(eq(mailboxCheckpoints.userId, userId)).run();
    ctx.db
      .insert(mailboxes)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: mailboxes.userId, set: values })
      .run();
  })();
}

/** The mailbox and its checkpoints go. */
export function deleteMailbox(ctx: Pick<Ctx, 'db' | 'sqlite'>, userId: number): void {
  ctx.sqlite.transaction(() => {
    ctx.db.delete(mailboxes).where(eq(mailboxes.userId, userId)).run();
    ctx.db.delete(mailboxCheckpoints).where(eq(mailboxCheckpoints.userId, userId)).run();
  })();
}

export function updateMailboxState(ctx: Pick<Ctx, 'db'>, userId: number, state: MailboxRow['state'], message: string | null): void {
  ctx.db.update(mailboxes).set({ state, stateMessage: message }).where(eq(mailboxes.userId, userId)).run();
}

export function setLastScanAt(ctx: Pick<Ctx, 'sqlite'>, userId: number, at: number): void {
  ctx.sqlite.prepare('update mailboxes set last_scan_at = ? where user_id = ?').run(at, userId);
}

export function checkpointOf(ctx: Pick<Ctx, 'db'>, userId: number, folder: string): Checkpoint | undefined {
  return ctx.db
    .select({ uidValidity: mailboxCheckpoints.uidValidity, lastUid: mailboxCheckpoints.lastUid })
    .from(mailboxCheckpoints)
    .where(and(eq(mailboxCheckpoints.userId, userId), eq(mailboxCheckpoints.folder, folder)))
    .get();
}

/** Records where the scan of a folder got to; within one UIDVALIDITY it never goes back. */
export function checkpointSaver(
  ctx: Pick<Ctx, 'sqlite'>,
): (c: { user: number; folder: string; validity: string; uid: number; now: number }) => void {
  const save = statement(
    ctx.sqlite,
    `insert into mailbox_checkpoints (user_id, folder, uid_validity, last_uid, updated_at) values (@user, @folder, @validity, @uid, @now)
       on conflict (user_id, folder) do update set
         last_uid = case when uid_validity = excluded.uid_validity then max(last_uid, excluded.last_uid) else excluded.last_uid end,
         uid_validity = excluded.uid_validity, updated_at = excluded.updated_at`,
  );
  return (c) => {
    save.run(c);
  };
}
