// SQL of `rf_job_stages`: each job's pipeline stages as last read from Recruiterflow.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { rfJobStages } from '../db/schema';

export type JobStageRow = typeof rfJobStages.$inferSelect;

export function cachedStages(db: Db, baseUrl: string, jobId: number): JobStageRow[] {
  return db
    .select()
    .from(rfJobStages)
    .where(and(eq(rfJobStages.baseUrl, baseUrl), eq(rfJobStages.jobId, jobId)))
    .orderBy(asc(rfJobStages.rank))
    .all();
}

/** Replaces the job's cached stages in one transaction. */
export function writeStages(
  db: Db,
  baseUrl: string,
  jobId: number,
  stages: { id: number; name: string; rank: number }[],
  now: number,
): void {
  db.transaction((tx) => {
    tx.delete(rfJobStages)
      .where(and(eq(rfJobStages.baseUrl, baseUrl), eq(rfJobStages.jobId, jobId)))
      .run();
    for (const s of stages) tx.insert(rfJobStages).values({ baseUrl, jobId, id: s.id, name: s.name, rank: s.rank, fetchedAt: now }).run();
  });
}
