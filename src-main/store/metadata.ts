// The cache of Recruiterflow metadata per account server (`rf_jobs`, `rf_custom_fields`, `rf_users`): the
// only module that writes it. A refresh replaces one server's cache in one transaction.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { rfCustomFields, rfJobs, rfUsers } from '../db/schema';

type Fresh<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'baseUrl' | 'fetchedAt'>;

export function jobsOf(ctx: Pick<Ctx, 'db'>, baseUrl: string) {
  return ctx.db
    .select({ id: rfJobs.id, name: rfJobs.name, isOpen: rfJobs.isOpen, client: rfJobs.client, location: rfJobs.location })
    .from(rfJobs)
    .where(eq(rfJobs.baseUrl, baseUrl))
    .orderBy(desc(rfJobs.isOpen), rfJobs.name)
    .all();
}

export function customFieldsOf(
  ctx: Pick<Ctx, 'db'>,
  baseUrl: string,
  object?: 'candidate' | 'contact',
): (typeof rfCustomFields.$inferSelect)[] {
  const where = object ? and(eq(rfCustomFields.baseUrl, baseUrl), eq(rfCustomFields.object, object)) : eq(rfCustomFields.baseUrl, baseUrl);
  return ctx.db.select().from(rfCustomFields).where(where).orderBy(rfCustomFields.object, rfCustomFields.name).all();
}

/** One cached job (its name and where it is), if the cache has it. */
export function cachedJob(
  ctx: Pick<Ctx, 'db'>,
  baseUrl: string,
  id: number,
): Pick<typeof rfJobs.$inferSelect, 'name' | 'client' | 'location'> | undefined {
  return ctx.db
    .select({ name: rfJobs.name, client: rfJobs.client, location: rfJobs.location })
    .from(rfJobs)
    .where(and(eq(rfJobs.baseUrl, baseUrl), eq(rfJobs.id, id)))
    .get();
}

/** Replaces the server's cache with what was just fetched, in one transaction. */
export function replaceMetadata(
  ctx: Pick<Ctx, 'db'>,
  baseUrl: string,
  fresh: { jobs: Fresh<typeof rfJobs>[]; customFields: Fresh<typeof rfCustomFields>[]; users: Fresh<typeof rfUsers>[] },
  now: number,
): void {
  ctx.db.transaction((tx) => {
    tx.delete(rfJobs).where(eq(rfJobs.baseUrl, baseUrl)).run();
    for (const job of fresh.jobs)
      tx.insert(rfJobs)
        .values({ ...job, baseUrl, fetchedAt: now })
        .run();
    tx.delete(rfCustomFields).where(eq(rfCustomFields.baseUrl, baseUrl)).run();
    for (const field of fresh.customFields)
      tx.insert(rfCustomFields)
        .values({ ...field, baseUrl, fetchedAt: now })
        .run();
    tx.delete(rfUsers).where(eq(rfUsers.baseUrl, baseUrl)).run();
    for (const user of fresh.users)
      tx.insert(rfUsers)
        .values({ ...user, baseUrl, fetchedAt: now })
        .run();
  });
}
