// The dry run: exactly the requests a queued item will send, without sending anything.
import type { PlannedRequest } from '../../src-shared/contract';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { connectionOf } from '../domain/connection';
import { cachedCustomFields } from '../domain/metadata';
import { settingsRow } from '../domain/settings';
import { effectiveRules, rulesFor } from '../domain/mapping';
import { planAddToJob, planCreate, planSearch } from '../recruiterflow';
import { plannedNotes } from '../mailbox/notes';
import { findLink } from './outcomes';
import { buildPayload, type ContactSource } from './payload';

export function previewQueueItem(ctx: Ctx, queueId: number): PlannedRequest[] {
  const row = ctx.sqlite
    .prepare(
      `select e.id as enrollmentId, e.user_id as userId, e.cap_sync_as as syncAs, e.cap_job_id as jobId, e.cap_mapping_version as version, c.*
       from sync_queue q join enrollments e on e.id = q.enrollment_id join contacts c on c.id = e.contact_id where q.id = ?`,
    )
    .get(queueId) as (ContactSource & { enrollmentId: number; userId: number; syncAs: 'candidate' | 'contact'; jobId: number | null; version: number }) | undefined;
  if (!row) throw new AppError('not_found', `No queue item ${queueId}`);
  const known = connectionOf(ctx, row.userId);
  const account = known ? (known.account ?? known.baseUrl) : null;
  const link = account ? findLink(ctx, account, row.email, row.syncAs) : null;
  const plan: PlannedRequest[] = [];
  if (link) {
    plan.push({ method: 'GET', path: '(none)', body: null, note: `Already linked to Recruiterflow ${link.type} #${link.id}: nothing is created` });
  } else {
    plan.push({ ...planSearch('candidate', [row.email]), note: 'Check before create: is this email a candidate already?' });
    plan.push({ ...planSearch('contact', [row.email]), note: 'Check before create: is this email a contact already?' });
    const { body, problems } = buildPayload(row, effectiveRules(rulesFor(ctx, row.userId, row.version)), row.syncAs, cachedCustomFields(ctx), {
      defaultCurrency: settingsRow(ctx, row.userId).defaultCurrency,
    });
    const create = planCreate(row.syncAs, body);
    plan.push({
      ...create,
      note: problems.length > 0 ? `Will not be sent: ${problems.join('; ')}` : `Only if neither search finds the email. ${create.note}`,
    });
  }
  // Contacts (the Recruiterflow object) are never assigned to jobs, also when the email links to one.
  const alreadyOnJob =
    link !== null &&
    row.jobId !== null &&
    ctx.sqlite.prepare('select 1 from rf_job_assignments where account = ? and rf_id = ? and job_id = ?').get(account, link.id, row.jobId) !== undefined;
  if (row.syncAs === 'candidate' && row.jobId !== null && (!link || link.type === 'candidate') && !alreadyOnJob) {
    plan.push({ ...planAddToJob(link?.id ?? '<new id>', row.jobId), note: `Assign to job #${row.jobId} (lands in Sourced)` });
  }
  plan.push(...plannedNotes(ctx, row.enrollmentId, account, row.syncAs));
  return plan;
}
