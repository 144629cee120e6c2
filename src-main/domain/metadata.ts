// Cached Recruiterflow metadata (jobs, custom-field definitions, users) so pickers and the mapping
// editor work offline. Refreshed when online by the scheduler and on demand.
import { and, desc, eq } from 'drizzle-orm';
import type { CustomFieldDef, Job } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { rfCustomFields, rfJobs, rfUsers } from '../db/schema';
import { activeConnection } from './connection';
import { getMeta, setMeta } from '../store/meta';

/** The Recruiterflow account whose cache applies: the connection's, else the last one used. */
function cacheBaseUrl(ctx: Ctx): string | null {
  return activeConnection(ctx)?.baseUrl ?? getMeta(ctx, 'metadata.baseUrl');
}

export function cachedJobs(ctx: Ctx): Job[] {
  const baseUrl = cacheBaseUrl(ctx);
  if (!baseUrl) return [];
  return ctx.db
    .select({ id: rfJobs.id, name: rfJobs.name, isOpen: rfJobs.isOpen, client: rfJobs.client, location: rfJobs.location })
    .from(rfJobs)
    .where(eq(rfJobs.baseUrl, baseUrl))
    .orderBy(desc(rfJobs.isOpen), rfJobs.name)
    .all();
}

export function cachedCustomFields(ctx: Ctx, object?: 'candidate' | 'contact'): CustomFieldDef[] {
  const baseUrl = cacheBaseUrl(ctx);
  if (!baseUrl) return [];
  const where = object ? and(eq(rfCustomFields.baseUrl, baseUrl), eq(rfCustomFields.object, object)) : eq(rfCustomFields.baseUrl, baseUrl);
  return ctx.db
    .select()
    .from(rfCustomFields)
    .where(where)
    .orderBy(rfCustomFields.object, rfCustomFields.name)
    .all()
    .map((row) => ({
      object: row.object,
      id: row.id,
      name: row.name,
      type: row.type,
      choices: JSON.parse(row.choices) as CustomFieldDef['choices'],
    }));
}

/** Fetches everything first, then replaces the cache in one transaction: a failed refresh keeps the old cache. */
export async function refreshMetadata(ctx: Ctx): Promise<{ jobs: number; customFields: number; users: number } | null> {
  const active = activeConnection(ctx);
  if (!active) return null;
  const { client, baseUrl } = active;
  const [jobs, candidateFields, contactFields, users] = await Promise.all([
    client.listJobs(),
    client.listCustomFields('candidate'),
    client.listCustomFields('contact'),
    client.listUsers(),
  ]);
  const now = ctx.clock.now();
  ctx.db.transaction((tx) => {
    tx.delete(rfJobs).where(eq(rfJobs.baseUrl, baseUrl)).run();
    for (const job of jobs)
      tx.insert(rfJobs)
        .values({ baseUrl, id: job.id, name: job.name, isOpen: job.isOpen, client: job.client, location: job.location, fetchedAt: now })
        .run();
    tx.delete(rfCustomFields).where(eq(rfCustomFields.baseUrl, baseUrl)).run();
    for (const field of [...candidateFields, ...contactFields]) {
      tx.insert(rfCustomFields)
        .values({
          baseUrl,
          object: field.object,
          id: field.id,
          name: field.name,
          type: field.type,
          choices: JSON.stringify(field.choices),
          fetchedAt: now,
        })
        .run();
    }
    tx.delete(rfUsers).where(eq(rfUsers.baseUrl, baseUrl)).run();
    for (const user of users) tx.insert(rfUsers).values({ baseUrl, id: user.id, email: user.email, name: user.name, fetchedAt: now }).run();
  });
  setMeta(ctx, 'metadata.baseUrl', baseUrl);
  setMeta(ctx, 'metadata.refreshedAt', String(now));
  ctx.events.emit('data:changed', { what: 'jobs' });
  return { jobs: jobs.length, customFields: candidateFields.length + contactFields.length, users: users.length };
}
