// Pipeline stages: a default stage (settings), and a stage and a reply stage per sequence, all picked by
// name from the job's stages (`job?job_id=&include_stages=1`). A sequence without a job uses the default
// job's stages. Captured on each enrollment at add time (cap_stage, cap_reply_stage); null is the first
// stage, which is what Recruiterflow's add-to-job does by itself.
import type { JobStage, StageSettings } from '../../src-shared/ownerStages';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import type { sequences } from '../db/schema';
import { updateSequenceColumns } from '../store/sequences';
import { updateSettings } from '../store/settings';
import type { RecruiterflowClient } from '../recruiterflow';
import { dueReplyStageIds } from '../store/enrollments';
import { cachedStages, writeStages } from '../store/jobStages';
import { enqueue } from '../store/queue';
import { activeConnection, connectionOf } from './connection';
import { getMeta } from '../store/meta';
import { sequenceRow, type SequenceRow } from './sequences';
import { settingsRow, type SettingsRow } from './settings';
import { currentUserRow } from './users';

function stageBaseUrl(ctx: Pick<Ctx, 'db' | 'sqlite'>, userId: number): string | null {
  return connectionOf(ctx, userId)?.baseUrl ?? getMeta(ctx, 'metadata.baseUrl');
}

/** The job's stages from the cache, read (and cached) from Recruiterflow when not known yet or when asked. */
export async function stagesOf(
  ctx: Pick<Ctx, 'clock' | 'db'>,
  client: RecruiterflowClient | null,
  baseUrl: string,
  jobId: number,
  refresh = false,
): Promise<JobStage[]> {
  const cached = cachedStages(ctx.db, baseUrl, jobId);
  if (client === null || (cached.length > 0 && !refresh)) return cached.map(({ id, name, rank }) => ({ id, name, rank }));
  const job = await client.getJob(jobId);
  writeStages(ctx.db, baseUrl, jobId, job.stages, ctx.clock.now());
  return job.stages;
}

async function stagesForUser(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  userId: number,
  jobId: number | null,
  refresh = false,
): Promise<JobStage[]> {
  const baseUrl = stageBaseUrl(ctx, userId);
  if (jobId === null || baseUrl === null) return [];
  return stagesOf(ctx, activeConnection(ctx, userId)?.client ?? null, baseUrl, jobId, refresh);
}

function jobOf(seq: SequenceRow | null, owner: SettingsRow): number | null {
  return seq?.jobId ?? owner.defaultJobId;
}

/** A stage name as the job spells it; the first stage becomes null (the default). */
function pick(stages: JobStage[], name: string | null, jobId: number | null, what: string): string | null {
  if (name === null || name.trim() === '') return null;
  if (jobId === null) throw new AppError('invalid_input', `Choose a job before a ${what}: stages belong to a job`, { field: 'stage' });
  if (stages.length === 0)
    throw new AppError('not_connected', `The stages of job #${jobId} are not known yet: connect to Recruiterflow first`, {
      field: 'stage',
    });
  const found = stages.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!found)
    throw new AppError(
      'invalid_input',
      `Job #${jobId} has no stage "${name.trim()}"; its stages: ${stages.map((s) => s.name).join(', ')}`,
      {
        field: 'stage',
      },
    );
  return found.name;
}

export async function getStageSettings(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  input: { sequenceId?: string; refresh?: boolean },
): Promise<StageSettings> {
  const seq = input.sequenceId === undefined ? null : sequenceRow(ctx, input.sequenceId);
  const userId = seq?.ownerUserId ?? currentUserRow(ctx).id;
  const owner = settingsRow(ctx, userId);
  const jobId = jobOf(seq, owner);
  let stages: JobStage[];
  try {
    stages = await stagesForUser(ctx, userId, jobId, input.refresh === true);
  } catch {
    // Offline or refused: the cache (maybe empty) is what there is; the picker says the stages are unknown.
    const baseUrl = stageBaseUrl(ctx, userId);
    stages = baseUrl && jobId !== null ? cachedStages(ctx.db, baseUrl, jobId).map(({ id, name, rank }) => ({ id, name, rank })) : [];
  }
  const stage = seq?.stage ?? null;
  return {
    jobId,
    stages,
    defaultStage: owner.defaultStage,
    stage,
    replyStage: seq?.replyStage ?? null,
    effectiveStage: effectiveStageName(stage, owner.defaultStage, stages),
  };
}

/** The sequence's stage, else the default stage when this job has it (another job's stage names may differ). */
function effectiveStageName(own: string | null, fallback: string | null, stages: JobStage[]): string | null {
  if (own !== null) return own;
  if (fallback === null) return null;
  return stages.find((s) => s.name.toLowerCase() === fallback.toLowerCase())?.name ?? null;
}

/** The default stage (`settings set --stage NAME`), picked from the default job's stages; null or '' = the first stage. */
export async function setDefaultStage(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'fetch' | 'secrets' | 'sqlite'>,
  input: { stage: string | null },
): Promise<StageSettings> {
  const me = currentUserRow(ctx);
  const owner = settingsRow(ctx, me.id);
  const stages = await stagesForUser(ctx, me.id, owner.defaultJobId);
  const name = pick(stages, input.stage, owner.defaultJobId, 'default stage');
  updateSettings(ctx, me.id, { defaultStage: stages[0]?.name === name ? null : name });
  ctx.events.emit('data:changed', { what: 'settings' });
  return getStageSettings(ctx, {});
}

/**
 * A sequence's stage and reply stage (`sequences set ID --stage NAME --reply-stage NAME`), picked from its
 * job's stages (the default job's without one). Applies to contacts added afterwards.
 */
export async function setSequenceStages(
  ctx: Pick<Ctx, 'clock' | 'db' | 'events' | 'fetch' | 'secrets' | 'sqlite'>,
  input: { id: string; stage?: string | null; replyStage?: string | null },
): Promise<StageSettings> {
  const seq = sequenceRow(ctx, input.id);
  const jobId = jobOf(seq, settingsRow(ctx, seq.ownerUserId));
  const needed = (input.stage ?? null) !== null || (input.replyStage ?? null) !== null;
  const stages = needed ? await stagesForUser(ctx, seq.ownerUserId, jobId) : [];
  const patch: Partial<typeof sequences.$inferInsert> = {};
  if (input.stage !== undefined) patch.stage = pick(stages, input.stage, jobId, 'stage');
  if (input.replyStage !== undefined) patch.replyStage = pick(stages, input.replyStage, jobId, 'reply stage');
  updateSequenceColumns(ctx, seq.id, patch);
  ctx.events.emit('data:changed', { what: 'sequences' });
  return getStageSettings(ctx, { sequenceId: input.id });
}

/**
 * What a contact added to `seq` now is captured with: its stage and reply stage (by name), from the cache.
 * A name the job's known stages lack (the sequence's job changed since it was chosen) is left out rather
 * than failing every contact at sync time: the candidate lands in the first stage, as without one.
 */
export function captureStages(
  ctx: Pick<Ctx, 'db' | 'sqlite'>,
  seq: SequenceRow,
  owner: SettingsRow,
): { stage: string | null; replyStage: string | null } {
  const jobId = jobOf(seq, owner);
  const baseUrl = stageBaseUrl(ctx, seq.ownerUserId);
  if (jobId === null) return { stage: null, replyStage: null };
  const stages = baseUrl === null ? [] : cachedStages(ctx.db, baseUrl, jobId);
  const keep = (name: string | null) =>
    name === null || stages.length === 0 ? name : (stages.find((s) => s.name.toLowerCase() === name.toLowerCase())?.name ?? null);
  return { stage: keep(seq.stage ?? owner.defaultStage), replyStage: keep(seq.replyStage) };
}

/**
 * Replies recorded while not connected leave their stage move due on a synced enrollment (nothing can be
 * queued then). On connecting to the account those enrollments were synced in, they are queued now; in
 * another account they stay as they are (they are not synced there).
 */
export function queueDueReplyStages(ctx: Ctx): number {
  const me = currentUserRow(ctx);
  const active = activeConnection(ctx, me.id);
  if (!active) return 0;
  const ids = dueReplyStageIds(ctx.sqlite, me.id, active.account);
  if (ids.length === 0) return 0;
  const queued = ctx.sqlite.transaction(() => enqueue(ctx, ids, { held: settingsRow(ctx, me.id).reviewBeforeSync }))();
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'enrollments' });
    ctx.wake();
  }
  return queued;
}
