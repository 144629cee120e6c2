// The dry run of the stage step (stageStep.ts): the record read and the move it may send, and the owner.
import type { PlannedRequest } from '../../src-shared/contract';
import type { SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { planGet, planJob, planMoveToStage } from '../recruiterflow';
import { cachedStages } from '../store/jobStages';
import { stagePlanOf } from '../store/enrollments';
import { wantedStages } from './stageStep';

export function plannedStageMove(
  ctx: Pick<Ctx, 'db' | 'sqlite'>,
  enrollmentId: number,
  baseUrl: string | null,
  rfId: number | '<new id>',
  syncAs: SyncAs,
  jobId: number | null,
): { requests: PlannedRequest[]; said: string[] } {
  const plan = stagePlanOf(ctx.sqlite, enrollmentId);
  if (!plan) return { requests: [], said: [] };
  const said: string[] = [];
  if (syncAs === 'candidate' && plan.capOwnerId !== null) said.push(`Owner: Recruiterflow user #${plan.capOwnerId}.`);
  const wanted = wantedStages(plan);
  if (syncAs !== 'candidate' || jobId === null || wanted.length === 0) return { requests: [], said };
  const stages = baseUrl === null ? [] : cachedStages(ctx.db, baseUrl, jobId);
  const known = wanted.map((name) => stages.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? { id: 0, name, rank: 0 });
  const target = known.reduce((a, b) => (b.rank > a.rank ? b : a));
  const why = plan.replyStageDueAt !== null && target.name === plan.capReplyStage ? 'the contact replied' : "the sequence's stage";
  return {
    said: [...said, `Moves to stage "${target.name}" (${why}) unless the candidate is there or further already.`],
    requests: [
      // Stages not read yet: the step reads the job first (its stage ids and ranks).
      ...(stages.length === 0 ? [{ ...planJob(jobId), note: `Read job ${jobId}'s stages (not known here yet)` }] : []),
      {
        ...(typeof rfId === 'number'
          ? planGet('candidate', rfId)
          : { ...planGet('candidate', 0), path: planGet('candidate', 0).path.replace('id=0', `id=${rfId}`) }),
        note: `Read the candidate's current stage on job ${jobId}`,
      },
      {
        ...planMoveToStage(rfId, jobId, target, plan.capOwnerId),
        conditional: true,
        note: `Only if the candidate is in an earlier stage. Move to "${target.name}" (${why})`,
      },
    ],
  };
}
