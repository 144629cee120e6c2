// Connecting changes what the sync may do: demo work bound for a real account is cancelled, a pause that
// a refused key caused is lifted, and the metadata cache (jobs, custom fields, users) is refreshed.
import type { Ctx } from '../backend/context';
import { connect, testConnection, useSandbox } from '../domain/connection';
import { cancelDemoWork } from '../domain/demoGuard';
import { refreshMetadata } from '../domain/metadata';
import { queueDueReplyStages } from '../domain/stages';
import { currentUserRow } from '../domain/users';
import { getMeta, setMeta } from '../store/meta';
import { isKeyPause, PAUSE_KEY } from './connectivity';

/** A fresh connection lifts a pause that a refused key caused. */
function liftKeyPause(ctx: Pick<Ctx, 'db' | 'sqlite'>): void {
  if (isKeyPause(getMeta(ctx, PAUSE_KEY))) setMeta(ctx, PAUSE_KEY, null);
}

export async function connectAndResume(ctx: Ctx, input: Parameters<typeof connect>[1]) {
  const connection = await connect(ctx, input);
  cancelDemoWork(ctx, currentUserRow(ctx).id);
  liftKeyPause(ctx);
  await refreshMetadata(ctx).catch(() => null);
  // Replies recorded while disconnected: their stage moves are queued now that the account is back.
  queueDueReplyStages(ctx);
  return connection;
}

export async function useSandboxAndResume(ctx: Ctx, confirmSwitch: Parameters<typeof useSandbox>[1]) {
  const connection = await useSandbox(ctx, confirmSwitch);
  liftKeyPause(ctx);
  await refreshMetadata(ctx).catch(() => null);
  return connection;
}

export async function testAndResume(ctx: Ctx) {
  const connection = await testConnection(ctx);
  if (connection.status === 'connected') liftKeyPause(ctx);
  return connection;
}
