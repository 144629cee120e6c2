// The only module that reads or writes `sequences` by itself (list queries join it for names): a
// sequence's row, its settings' columns, the name check, and the demo workspace's marks.
import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { sequences } from '../db/schema';

type SequenceRow = typeof sequences.$inferSelect;
type SequenceColumns = Partial<Omit<typeof sequences.$inferInsert, 'id'>>;

export function sequenceById(ctx: Pick<Ctx, 'db'>, id: number): SequenceRow | undefined {
  return ctx.db.select().from(sequences).where(eq(sequences.id, id)).get();
}

export function allSequences(ctx: Pick<Ctx, 'db'>): SequenceRow[] {
  return ctx.db.select().from(sequences).orderBy(sequences.id).all();
}

export function insertSequence(ctx: Pick<Ctx, 'db'>, values: typeof sequences.$inferInsert): SequenceRow {
  return ctx.db.insert(sequences).values(values).returning().get();
}

/** Changes these columns of a sequence (an empty patch changes nothing). */
export function updateSequenceColumns(ctx: Pick<Ctx, 'db'>, id: number, columns: SequenceColumns): void {
  if (Object.keys(columns).length === 0) return;
  ctx.db.update(sequences).set(columns).where(eq(sequences.id, id)).run();
}

/** Is this name (ignoring case and surrounding spaces) used by a sequence other than `exceptId`? */
export function sequenceNameTaken(ctx: Pick<Ctx, 'sqlite'>, name: string, exceptId: number | null): boolean {
  return (
    ctx.sqlite.prepare('select 1 from sequences where lower(trim(name)) = lower(?) and id is not ?').pluck().get(name.trim(), exceptId) !==
    undefined
  );
}

/** The demo workspace's sequences are marked as demo data. */
export function markDemoSequences(ctx: Pick<Ctx, 'db'>, ids: number[]): void {
  ctx.db.update(sequences).set({ demo: true }).where(inArray(sequences.id, ids)).run();
}

/** Removes the demo sequences (their enrollments and queue items cascade). */
export function deleteDemoSequences(ctx: Pick<Ctx, 'db'>): number {
  return ctx.db.delete(sequences).where(eq(sequences.demo, true)).run().changes;
}
