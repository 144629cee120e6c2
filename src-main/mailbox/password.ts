// The mailbox password (an app password) is kept where the Recruiterflow API key is: the secret
// store, never the database, the logs, exports or events. This adapter is the one place that names
// the secret, so the store behind it can change without touching the mailbox code.
import type { Ctx } from '../backend/context';

const secretName = (userId: number) => `mailbox-password:${userId}`;

export function getMailboxPassword(ctx: Pick<Ctx, 'secrets'>, userId: number): string | null {
  return ctx.secrets.get(secretName(userId));
}

export function setMailboxPassword(ctx: Pick<Ctx, 'secrets'>, userId: number, password: string): void {
  ctx.secrets.set(secretName(userId), password);
}

export function deleteMailboxPassword(ctx: Pick<Ctx, 'secrets'>, userId: number): void {
  ctx.secrets.delete(secretName(userId));
}
