// The account's required Recruiterflow fields: a column of `settings` (JSON array of mapping targets).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { settings } from '../db/schema';

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
