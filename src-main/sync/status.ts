import { ENROLLMENT_STATES, emptyCounts, type StateCounts } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { countsPerState } from '../store/enrollmentCounts';

/** Enrollments per state, every state listed (zeros included). */
export function stateCounts(ctx: Pick<Ctx, 'sqlite'>): StateCounts {
  const counts = emptyCounts();
  for (const row of countsPerState(ctx.sqlite))
    if ((ENROLLMENT_STATES as readonly string[]).includes(row.state)) counts[row.state as keyof StateCounts] = row.n;
  return counts;
}
