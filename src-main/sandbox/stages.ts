// candidate/move-to-stage and the record owner (`lead_owner_id`): the sandbox's rules for both.
import { failure, fill, success, type Reply } from './reply';
import type { SandboxState } from './state';
import type { WriteContext } from './writeContext';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$/;

function whole(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

/** Users who may own or move records: any user but a client login (role 7 "Contact"). */
function recruiter(state: SandboxState, id: number) {
  const user = state.users.find((u) => u.id === id);
  return user && !user.roles.every((r) => r.id === 7) ? user : undefined;
}

/** `lead_owner_id`, when sent, must be a recruiter of the account: null when it is fine, else the refusal. */
export function checkLeadOwner(ctx: WriteContext, body: Record<string, unknown>): Reply | null {
  if (!('lead_owner_id' in body)) return null;
  const id = whole(body.lead_owner_id);
  if (id === null || !recruiter(ctx.state, id))
    return failure(400, fill(ctx.messages.unknownUser, { id: JSON.stringify(body.lead_owner_id) }));
  return null;
}

/** The owner as a record shows it: the one written, else the account's admin (as the seed's records have). */
export function leadOwnerOf(state: SandboxState, fields: Record<string, unknown>): { id: number; img_link: null; name: string } {
  const id = whole(fields.lead_owner_id);
  const user = id === null ? undefined : state.users.find((u) => u.id === id);
  return user
    ? { id: user.id, img_link: null, name: `${user.first_name} ${user.last_name}` }
    : { id: 40201, img_link: null, name: 'Alex Admin' };
}

/**
 * `{id, job_id, stage: {id} | {name}, user_id, added_time?}` (job_id required with a stage name). Strict:
 * an unknown candidate, job, stage or user, or a candidate not on the job, is a 400 FAILURE.
 */
export function moveToStage(ctx: WriteContext, body: Record<string, unknown>): Reply {
  const id = whole(body.id);
  const p = id === null ? undefined : ctx.state.prospects.get(id);
  if (!p || p.type !== 'candidate') return failure(400, fill(ctx.messages.unknownProspect, { object: 'candidate' }));
  const stage = body.stage && typeof body.stage === 'object' && !Array.isArray(body.stage) ? (body.stage as Record<string, unknown>) : null;
  const stageId = stage ? whole(stage.id) : null;
  const stageName = stage && typeof stage.name === 'string' && stage.name.trim() !== '' ? stage.name.trim() : null;
  if (!stage || (stageId === null && stageName === null)) return failure(400, 'stage must be {"id": <stage id>} or {"name": <stage name>}');
  if ('job_id' in body && whole(body.job_id) === null) return failure(400, ctx.messages.unknownJob);
  const jobId = whole(body.job_id);
  if (stageId === null && jobId === null) return failure(400, 'job_id is required when the stage is given by name');
  const job = jobId !== null ? ctx.state.job(jobId) : ctx.state.jobs.find((j) => j.stages.some((s) => s.id === stageId));
  if (!job) return failure(400, jobId !== null ? ctx.messages.unknownJob : ctx.messages.unknownStage);
  const target = job.stages.find((s) => (stageId !== null ? s.id === stageId : s.name.toLowerCase() === stageName!.toLowerCase()));
  if (!target) return failure(400, ctx.messages.unknownStage);
  if ('user_id' in body) {
    const user = whole(body.user_id);
    if (user === null || !recruiter(ctx.state, user))
      return failure(400, fill(ctx.messages.unknownUser, { id: JSON.stringify(body.user_id) }));
  }
  if ('added_time' in body && !(typeof body.added_time === 'string' && DATETIME.test(body.added_time))) {
    return failure(400, 'added_time must look like 2021-01-12T10:16:16+0000');
  }
  const moved = typeof body.added_time === 'string' ? body.added_time : new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, '+0000');
  let link = p.jobs.find((j) => j.job_id === job.id);
  if (!link) {
    if (ctx.faults.moveToStageAddsToJob !== true) return failure(400, ctx.messages.notOnJob);
    link = { job_id: job.id, stage_id: target.id, stage_name: target.name, stage_moved: moved };
    p.jobs.push(link);
  }
  link.stage_id = target.id;
  link.stage_name = target.name;
  link.stage_moved = moved;
  ctx.state.stageMoves.push({
    id: p.id,
    jobId: job.id,
    stageId: target.id,
    stageName: target.name,
    userId: whole(body.user_id),
    at: ctx.now,
  });
  return success();
}
