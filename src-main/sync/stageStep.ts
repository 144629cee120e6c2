// The engine's pipeline-stage step, run once per item after its job assignment: moves the candidate to
// the enrollment's captured stage, and to its reply stage when a reply asked for it. It never moves a
// candidate backwards (by the job's stage ranks), so it is idempotent by reading the record first: a
// retry, a crash after the move, or a lost answer finds the candidate already there and sends nothing.
// The log stays true: the stage is noted before the move is sent, and a retry that finds the candidate
// there logs the move the killed attempt made, once.
import type { SyncAs } from '../../src-shared/domain';
import type { JobStage } from '../../src-shared/ownerStages';
import type { Ctx } from '../backend/context';
import { connectionOf } from '../domain/connection';
import { stagesOf } from '../domain/stages';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError, type Prospect, type RecruiterflowClient } from '../recruiterflow';
import { clearReplyStageDue, setStageMovePlanned, stagePlanOf, type StagePlan } from '../store/enrollments';

interface StageItem {
  enrollmentId: number;
  email: string;
  userId: number;
  jobId: number | null;
}

export interface StageStepDeps {
  /** Renews the item's claim before a write; false when another claim holds the item now. */
  keep(): boolean;
  /** Runs a request with the engine's in-place 429 retries. */
  send<T>(call: () => Promise<T>): Promise<T>;
}

/** The stage names this plan asks for (the captured stage, and the reply stage when a reply is due). */
export function wantedStages(plan: StagePlan): string[] {
  return [plan.capStage, plan.replyStageDueAt !== null ? plan.capReplyStage : null].filter((s): s is string => s !== null);
}

/** The rank of the stage the record shows on the job, 0 when it shows none we know; null when not on the job. */
function currentRank(record: Prospect, jobId: number, stages: JobStage[]): number | null {
  const jobs = Array.isArray(record.raw.jobs) ? record.raw.jobs : [];
  const link = jobs.find(
    (j): j is Record<string, unknown> => !!j && typeof j === 'object' && Number((j as Record<string, unknown>).job_id) === jobId,
  );
  if (!link) return null;
  const byId = stages.find((s) => s.id === Number(link.stage_id));
  const byName =
    typeof link.stage_name === 'string' ? stages.find((s) => s.name.toLowerCase() === String(link.stage_name).toLowerCase()) : undefined;
  return (byId ?? byName)?.rank ?? 0;
}

/**
 * Moves the candidate forward to the stage its enrollment asks for. Returns 'moved' when it sent the move,
 * 'done' when nothing was to move, 'released' when the item's claim was lost before the move (the new
 * holder finishes it). Throws what Recruiterflow answered.
 */
export async function applyStage(
  ctx: Pick<Ctx, 'clock' | 'db' | 'sqlite'>,
  client: RecruiterflowClient,
  item: StageItem,
  rfId: number,
  rfType: SyncAs,
  deps: StageStepDeps,
): Promise<'moved' | 'done' | 'released'> {
  const plan = stagePlanOf(ctx.sqlite, item.enrollmentId);
  if (!plan) return 'done';
  const done = () => {
    if (plan.replyStageDueAt !== null) clearReplyStageDue(ctx.sqlite, item.enrollmentId, plan.replyStageDueAt);
  };
  const wanted = wantedStages(plan);
  // Contacts have no pipeline, and a candidate without a job has no stage: a reply has nothing to move.
  if (rfType !== 'candidate' || item.jobId === null || wanted.length === 0) {
    done();
    return 'done';
  }
  const jobId = item.jobId;
  const baseUrl = connectionOf(ctx, item.userId)?.baseUrl ?? '';
  let stages = await deps.send(() => stagesOf(ctx, client, baseUrl, jobId));
  // A stage renamed or added in Recruiterflow since the cache was filled: read the job again once.
  if (wanted.some((name) => !stages.some((s) => s.name.toLowerCase() === name.toLowerCase())))
    stages = await deps.send(() => stagesOf(ctx, client, baseUrl, jobId, true));
  // A name the job does not have (renamed in Recruiterflow, or a default stage another job lacks) moves
  // nothing: the candidate stays where it is, and the activity log says why.
  const known = wanted.flatMap((name) => {
    const found = stages.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found)
      logEvent(
        ctx,
        'warn',
        'sync.stage_missing',
        `Job #${jobId} has no stage "${name}" (its stages: ${stages.map((s) => s.name).join(', ') || 'none'}); not moved`,
        item,
      );
    return found ? [found] : [];
  });
  if (known.length === 0) {
    done();
    return 'done';
  }
  const target = known.reduce((a, b) => (b.rank > a.rank ? b : a));
  const record = await deps.send(() => client.getCandidate(rfId));
  const rank = currentRank(record, jobId, stages);
  if (rank === null)
    throw new RecruiterflowError(
      'server',
      `Candidate #${rfId} is not on job #${jobId} yet in Recruiterflow; moving it to "${target.name}" later`,
    );
  // A move an attempt noted and then died before logging: made if the candidate is there (or past it).
  const planned =
    plan.stageMovePlanned === null ? undefined : stages.find((s) => s.name.toLowerCase() === plan.stageMovePlanned?.toLowerCase());
  const recovered = planned !== undefined && rank >= planned.rank;
  if (recovered) logMoved(ctx, item, rfId, jobId, planned);
  else if (plan.stageMovePlanned !== null) setStageMovePlanned(ctx.sqlite, item.enrollmentId, null);
  if (rank >= target.rank) {
    done();
    return recovered ? 'moved' : 'done';
  }
  if (!deps.keep()) return 'released';
  setStageMovePlanned(ctx.sqlite, item.enrollmentId, target.name);
  await deps.send(() => client.moveToStage(rfId, jobId, target, plan.capOwnerId));
  done();
  logMoved(ctx, item, rfId, jobId, target);
  return 'moved';
}

/** The move's log line, and its note gone, in one transaction. */
function logMoved(ctx: Pick<Ctx, 'clock' | 'sqlite'>, item: StageItem, rfId: number, jobId: number, stage: JobStage): void {
  ctx.sqlite.transaction(() => {
    logEvent(ctx, 'info', 'sync.stage', `Moved candidate #${rfId} to "${stage.name}" on job #${jobId}`, item);
    setStageMovePlanned(ctx.sqlite, item.enrollmentId, null);
  })();
}
