// SQL of the enrollment columns that carry the owner and the pipeline stages: cap_owner_id, cap_stage,
// cap_reply_stage, reply_stage_due_at and stage_move_planned.
import type { Sqlite } from '../db/open';
import { statement } from '../db/statements';
import type { enrollments } from '../db/schema';

type EnrollmentRow = typeof enrollments.$inferSelect;
export type StagePlan = Pick<
  EnrollmentRow,
  'capOwnerId' | 'capStage' | 'capReplyStage' | 'replyStageDueAt' | 'stageMovePlanned' | 'capJobId' | 'capSyncAs' | 'userId'
>;

export function stagePlanOf(sqlite: Sqlite, enrollmentId: number): StagePlan | null {
  const row = statement(
    sqlite,
    `select cap_owner_id as capOwnerId, cap_stage as capStage, cap_reply_stage as capReplyStage, reply_stage_due_at as replyStageDueAt,
            stage_move_planned as stageMovePlanned, cap_job_id as capJobId, cap_sync_as as capSyncAs, user_id as userId
     from enrollments where id = ?`,
  ).get(enrollmentId) as StagePlan | undefined;
  return row ?? null;
}

export function ownerOf(sqlite: Sqlite, enrollmentId: number): number | null {
  const v = statement(sqlite, 'select cap_owner_id from enrollments where id = ?').pluck().get(enrollmentId) as number | null | undefined;
  return v ?? null;
}

/** Marks a reply as due to move the candidate (in the reply's transaction). True if it has a reply stage and a job. */
export function markReplyStageDue(sqlite: Sqlite, enrollmentId: number, at: number): boolean {
  return (
    statement(
      sqlite,
      `update enrollments set reply_stage_due_at = ?
     where id = ? and cap_reply_stage is not null and cap_sync_as = 'candidate' and cap_job_id is not null`,
    ).run(at, enrollmentId).changes > 0
  );
}

/** The reply's move is done (or was found done): cleared only if no later reply asked again meanwhile. */
export function clearReplyStageDue(sqlite: Sqlite, enrollmentId: number, dueAt: number): void {
  statement(sqlite, 'update enrollments set reply_stage_due_at = null where id = ? and reply_stage_due_at = ?').run(enrollmentId, dueAt);
}

/** Synced enrollments of this user and account with a reply's stage move still due (the reply came while offline). */
export function dueReplyStageIds(sqlite: Sqlite, userId: number, account: string): number[] {
  return statement(
    sqlite,
    "select id from enrollments where user_id = ? and rf_account = ? and state = 'synced' and reply_stage_due_at is not null",
  )
    .pluck()
    .all(userId, account) as number[];
}

/** The stage a move is about to be sent to (before the request), or null once it is logged or found not made. */
export function setStageMovePlanned(sqlite: Sqlite, enrollmentId: number, stage: string | null): void {
  statement(sqlite, 'update enrollments set stage_move_planned = ? where id = ?').run(stage, enrollmentId);
}
