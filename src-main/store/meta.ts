// Small facts about the data folder kept in the `meta` table: the only module that reads or writes it.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { meta } from '../db/schema';
import { statement } from '../db/statements';

/** A cached statement, not a drizzle query: the sync engine asks for its pause flag before every item. */
export function getMeta(ctx: Pick<Ctx, 'sqlite'>, key: string): string | null {
  const row = statement<[string], Pick<typeof meta.$inferSelect, 'value'>>(ctx.sqlite, 'select value from meta where key = ?').get(key);
  return row?.value ?? null;
}

export function setMeta(ctx: Pick<Ctx, 'db'>, key: string, value: string | null): void {
  if (value === null) {
    ctx.db.delete(meta).where(eq(meta.key, key)).run();
    return;
  }
  ctx.db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
}

/** setMeta on the raw connection, for a caller inside a transaction of its own (the search index's mark). */
export function putMeta(sqlite: Sqlite, key: string, value: string): void {
  statement(sqlite, 'insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, value);
}
