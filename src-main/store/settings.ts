// The only module that writes `settings` (one row per user): the row made with its user, the patches of
// the settings screens, the mapping's version, and the account's required Recruiterflow fields (a JSON
// array of mapping targets).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { settings } from '../db/schema';

type SettingsRow = typeof settings.$inferSelect;
type SettingsPatch = Partial<Omit<typeof settings.$inferInsert, 'userId'>>;

/** A user's settings (the defaults, made on first read for a user who has none yet). */
export function ensureSettings(ctx: Pick<Ctx, 'db'>, userId: number): SettingsRow {
  const row = ctx.db.select().from(settings).where(eq(settings.userId, userId)).get();
  if (row) return row;
  createSettings(ctx, userId);
  return ctx.db.select().from(settings).where(eq(settings.userId, userId)).get()!;
}

/** A new user's settings row, with the defaults (in the user's transaction). */
export function createSettings(ctx: Pick<Ctx, 'db'>, userId: number): void {
  ctx.db.insert(settings).values({ userId }).run();
}

/** Changes these columns of a user's settings (an empty patch changes nothing). */
export function updateSettings(ctx: Pick<Ctx, 'db'>, userId: number, patch: SettingsPatch): void {
  if (Object.keys(patch).length === 0) return;
  ctx.db.update(settings).set(patch).where(eq(settings.userId, userId)).run();
}

function parseList(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function readRequiredFields(ctx: Pick<Ctx, 'db'>, userId: number): string[] {
  const row = ctx.db.select({ required: settings.requiredFields }).from(settings).where(eq(settings.userId, userId)).get();
  return parseList(row?.required);
}

export function writeRequiredFields(ctx: Pick<Ctx, 'db'>, userId: number, fields: string[]): void {
  ctx.db
    .update(settings)
    .set({ requiredFields: JSON.stringify([...new Set(fields)]) })
    .where(eq(settings.userId, userId))
    .run();
}
