// Small facts about the data folder kept in the `meta` table.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { meta } from '../db/schema';

export function getMeta(ctx: Ctx, key: string): string | null {
  return ctx.db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? null;
}

export function setMeta(ctx: Ctx, key: string, value: string | null): void {
  if (value === null) {
    ctx.db.delete(meta).where(eq(meta.key, key)).run();
    return;
  }
  ctx.db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
}
