// Cached Recruiterflow metadata (jobs, custom-field definitions, users) so pickers and the mapping
// editor work offline. Refreshed when online by the scheduler and on demand.
import type { CustomFieldDef, Job } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { activeConnection } from './connection';
import { getMeta, setMeta } from '../store/meta';
import { customFieldsOf, jobsOf, replaceMetadata } from '../store/metadata';

/** The Recruiterflow account whose cache applies: the connection's, else the last one used. */
function cacheBaseUrl(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>): string | null {
  return activeConnection(ctx)?.baseUrl ?? getMeta(ctx, 'metadata.baseUrl');
}

export function cachedJobs(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>): Job[] {
  const baseUrl = cacheBaseUrl(ctx);
  if (!baseUrl) return [];
  return jobsOf(ctx, baseUrl);
}

export function cachedCustomFields(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  object?: 'candidate' | 'contact',
): CustomFieldDef[] {
  const baseUrl = cacheBaseUrl(ctx);
  if (!baseUrl) return [];
  return customFieldsOf(ctx, baseUrl, object).map((row) => ({
    object: row.object,
    id: row.id,
    name: row.name,
    type: row.type,
    choices: JSON.parse(row.choices) as CustomFieldDef['choices'],
  }));
}

/** Fetches everything first, then replaces the cache in one transaction: a failed refresh keeps the old cache. */
export async function refreshMetadata(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'fetch' | 'secrets'>,
): Promise<{ jobs: number; customFields: number; users: number } | null> {
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
  replaceMetadata(
    ctx,
    baseUrl,
    {
      jobs: jobs.map((job) => ({ id: job.id, name: job.name, isOpen: job.isOpen, client: job.client, location: job.location })),
      customFields: [...candidateFields, ...contactFields].map((field) => ({
        object: field.object,
        id: field.id,
        name: field.name,
        type: field.type,
        choices: JSON.stringify(field.choices),
      })),
      users: users.map((user) => ({ id: user.id, email: user.email, name: user.name })),
    },
    now,
  );
  setMeta(ctx, 'metadata.baseUrl', baseUrl);
  setMeta(ctx, 'metadata.refreshedAt', String(now));
  ctx.events.emit('data:changed', { what: 'jobs' });
  return { jobs: jobs.length, customFields: candidateFields.length + contactFields.length, users: users.length };
}
