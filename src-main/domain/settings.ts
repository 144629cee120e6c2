// Per-user integration settings and the effective settings a sequence gives a contact added now.
import { eq } from 'drizzle-orm';
import type { Settings, SyncAs, SyncMode } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { settings, type sequences } from '../db/schema';
import { connectionOf } from './connection';
import { currentUserRow } from './users';

export type SettingsRow = typeof settings.$inferSelect;
type SequenceRow = typeof sequences.$inferSelect;

export function settingsRow(ctx: Ctx, userId: number): SettingsRow {
  const row = ctx.db.select().from(settings).where(eq(settings.userId, userId)).get();
  if (row) return row;
  ctx.db.insert(settings).values({ userId }).run();
  return ctx.db.select().from(settings).where(eq(settings.userId, userId)).get()!;
}

export function getSettings(ctx: Ctx): Settings {
  const user = currentUserRow(ctx);
  const row = settingsRow(ctx, user.id);
  return {
    syncMode: row.syncMode,
    syncAs: row.syncAs,
    dedup: row.dedup,
    defaultJobId: row.defaultJobId,
    reviewBeforeSync: row.reviewBeforeSync,
    defaultCurrency: row.defaultCurrency,
    connected: connectionOf(ctx, user.id) !== null,
  };
}

export function setSettings(
  ctx: Ctx,
  patch: { syncMode?: SyncMode; syncAs?: SyncAs; dedup?: boolean; defaultJobId?: number | null; reviewBeforeSync?: boolean; defaultCurrency?: string },
): Settings {
  const user = currentUserRow(ctx);
  settingsRow(ctx, user.id);
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(values).length > 0) ctx.db.update(settings).set(values).where(eq(settings.userId, user.id)).run();
  ctx.events.emit('data:changed', { what: 'settings' });
  return getSettings(ctx);
}

export interface EffectiveSettings {
  syncMode: SyncMode;
  syncAs: SyncAs;
  jobId: number | null;
  disabled: boolean;
  dedup: boolean;
  mappingVersion: number;
  reviewBeforeSync: boolean;
  inherited: { syncMode: boolean; syncAs: boolean; jobId: boolean };
}

/** What a contact added to this sequence right now would be captured with. */
export function effectiveSettings(seq: SequenceRow, owner: SettingsRow): EffectiveSettings {
  return {
    syncMode: seq.syncMode ?? owner.syncMode,
    syncAs: seq.syncAs ?? owner.syncAs,
    jobId: seq.jobId ?? owner.defaultJobId,
    disabled: seq.disableSync,
    dedup: owner.dedup,
    mappingVersion: owner.mappingVersion,
    reviewBeforeSync: owner.reviewBeforeSync,
    inherited: { syncMode: seq.syncMode === null, syncAs: seq.syncAs === null, jobId: seq.jobId === null },
  };
}
