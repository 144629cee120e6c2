// The dry run: exactly the requests a queued item will send, without sending anything.
import type { PlannedRequest, QueuePreview } from '../../src-shared/contract';
import type { MappingRule, SyncAs } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { connectionOf } from '../domain/connection';
import { cachedCustomFields } from '../domain/metadata';
import { getSettings, settingsRow } from '../domain/settings';
import { effectiveRules, getMapping, rulesFor, sampleContactEmail, validateRules } from '../domain/mapping';
import { contactByEmail } from '../store/contacts';
import { planAddToJob, planCreate, planSearch } from '../recruiterflow';
import { plannedNotes } from '../domain/replyNotes';
import { findLink, isJobAssigned } from '../store/links';
import { previewSourceRow } from '../store/queue';
import { planIdentityLookups } from '../recruiterflow/identity';
import { buildPayload, type ContactSource } from './payload';
import { withOwner } from './ownerStep';
import { plannedStageMove } from './stagePreview';
import { plannedUpdate } from './updatePreview';
import { cachedJob } from '../store/metadata';

/** What the conditional requests wait for, in the order they would be sent. */
function maybeWhat(requests: PlannedRequest[]): string {
  const create = requests.some((r) => r.conditional && r.path.endsWith('/add'));
  const identity = requests.some((r) => r.conditional && r.path.endsWith('/search'));
  const move = requests.some((r) => r.conditional && r.path.endsWith('/move-to-stage'));
  const update = requests.some((r) => r.conditional && r.path.endsWith('/update'));
  const read = requests.some((r) => r.conditional && r.method === 'GET');
  return [
    identity ? 'the LinkedIn and phone lookups only when no lookup finds the email' : '',
    create ? (identity ? 'the create only when no lookup finds the person' : 'the create only when neither lookup finds the email') : '',
    read ? 'the read only when a lookup finds the record' : '',
    update ? 'the update only when a field its write rules allow differs' : '',
    move ? 'the move only when the candidate is in an earlier stage' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The job's name and where it is, from the cached job list: "#101 Senior Backend Engineer (Acme Corp, Berlin)". */
function describeJob(ctx: Pick<Ctx, 'db'>, baseUrl: string | null, jobId: number): string {
  const job = baseUrl ? cachedJob(ctx, baseUrl, jobId) : undefined;
  if (!job) return `job #${jobId}`;
  const where = [job.client, job.location].filter(Boolean).join(', ');
  return `job #${jobId} ${job.name}${where ? ` (${where})` : ''}`;
}

/**
 * The requests an item will send, in order, and a one-line summary that counts them as they will go:
 * the create only happens when neither lookup finds the email, so it is counted as "up to".
 */
export function previewQueueItem(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>, queueId: number): QueuePreview {
  const row = previewSourceRow(ctx.sqlite, queueId) as
    | (ContactSource & { enrollmentId: number; userId: number; syncAs: 'candidate' | 'contact'; jobId: number | null; version: number })
    | undefined;
  if (!row) throw new AppError('not_found', `No queue item ${queueId}`);
  const known = connectionOf(ctx, row.userId);
  const baseUrl = known?.baseUrl ?? null;
  const account = known ? (known.account ?? known.baseUrl) : null;
  const link = account ? findLink(ctx, account, row.email, row.syncAs) : null;
  const requests: PlannedRequest[] = [];
  const said: string[] = [];
  let blocked = false;
  if (link) {
    said.push(`Already linked to Recruiterflow ${link.type} #${link.id}: nothing is looked up or created.`);
  } else {
    requests.push({ ...planSearch('candidate', [row.email]), note: 'Check before create: is this email a candidate already?' });
    requests.push({ ...planSearch('contact', [row.email]), note: 'Check before create: is this email a contact already?' });
    // Matching as Recruiterflow matches (sync/possibleMatch.ts): only when no record has the email.
    for (const r of planIdentityLookups(row.syncAs, row.linkedin_url, row.phone))
      requests.push({
        ...r,
        note: `Only if no record has the email: is this ${r.note.includes('LinkedIn') ? 'LinkedIn URL' : 'phone'} on a ${row.syncAs} already? ${r.note}`,
      });
    const { body, problems } = buildPayload(
      row,
      effectiveRules(rulesFor(ctx, row.userId, row.version)),
      row.syncAs,
      cachedCustomFields(ctx),
      {
        defaultCurrency: settingsRow(ctx, row.userId).defaultCurrency,
      },
    );
    const create = planCreate(row.syncAs, withOwner(ctx.sqlite, row.enrollmentId, row.syncAs, body));
    blocked = problems.length > 0;
    requests.push({
      ...create,
      conditional: true,
      note: blocked ? `Will not be sent: ${problems.join('; ')}` : `Only if neither lookup finds the email. ${create.note}`,
    });
  }
  // Contacts (the Recruiterflow object) are never assigned to jobs, also when the email links to one.
  const alreadyOnJob = link !== null && account !== null && row.jobId !== null && isJobAssigned(ctx.sqlite, account, link.id, row.jobId);
  if (row.jobId !== null && !blocked) {
    const job = describeJob(ctx, baseUrl, row.jobId);
    if (row.syncAs === 'candidate' && (!link || link.type === 'candidate') && !alreadyOnJob) {
      requests.push({ ...planAddToJob(link?.id ?? '<new id>', row.jobId), note: `Assign to ${job}; it lands in Sourced` });
    } else if (alreadyOnJob) said.push(`Already on ${job}.`);
    else said.push(`Not assigned to ${job}: Recruiterflow contacts cannot be added to jobs.`);
  }
  // The update step: an existing record gets what its write rules allow (sync/updatePreview.ts).
  const update = blocked ? { requests: [], said: '' } : plannedUpdate(ctx, row, link);
  requests.push(...update.requests);
  if (update.said) said.push(update.said);
  const stage = plannedStageMove(ctx, row.enrollmentId, baseUrl, link?.id ?? '<new id>', link?.type ?? row.syncAs, row.jobId);
  if (!blocked) requests.push(...stage.requests);
  said.push(...stage.said);
  requests.push(...plannedNotes(ctx, row.enrollmentId, account, row.syncAs));
  const sure = requests.filter((r) => !r.conditional && !(blocked && r.method === 'POST' && r.path.endsWith('/add'))).length;
  const maybe = blocked ? 0 : requests.filter((r) => r.conditional).length;
  const count =
    sure + maybe === 0
      ? 'No request will be sent.'
      : maybe > 0
        ? `${sure + maybe} requests at most: ${sure} always, ${maybeWhat(requests)}.`
        : `${sure} ${sure === 1 ? 'request' : 'requests'}.`;
  return {
    summary: [...said, blocked ? 'The create cannot be sent until its field problems are fixed.' : '', count].filter(Boolean).join(' '),
    requests,
  };
}

/** The payload a contact would be sent with, under these rules (the mapping editor's preview). */
export function previewMapping(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  input: { email?: string; syncAs?: SyncAs; rules?: MappingRule[] },
): { email: string | null; syncAs: SyncAs; payload: Record<string, unknown> | null; problems: string[] } {
  const email = input.email ?? sampleContactEmail(ctx);
  const syncAs = input.syncAs ?? getSettings(ctx).syncAs;
  const rules = input.rules ?? getMapping(ctx).rules;
  validateRules(rules);
  const contact = email ? contactByEmail(ctx, email) : null;
  if (email && !contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
  // No contact to build a payload from: an empty preview, not a problem (the screen shows its empty state).
  if (!contact) return { email: null, syncAs, payload: null, problems: [] };
  const built = buildPayload(contact, effectiveRules(rules), syncAs, cachedCustomFields(ctx), {
    defaultCurrency: getSettings(ctx).defaultCurrency,
  });
  return { email: contact.email, syncAs, payload: built.body, problems: built.problems };
}
