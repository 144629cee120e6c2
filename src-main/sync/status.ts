import { ENROLLMENT_STATES, emptyCounts, type StateCounts } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';

/** Enrollments per state, every state listed (zeros included). */
export function stateCounts(ctx: Pick<Ctx, 'sqlite'>): StateCounts {
  const counts = emptyCounts();
  const rows = ctx.sqlite.prepare('select state, sum(n) as n from enrollment_counts group by state').all() as {
    state: string;
    n: number;
  }[];
  for (const row of rows) if ((ENROLLMENT_STATES as readonly string[]).includes(row.state)) counts[row.state as keyof StateCounts] = row.n;
  return counts;
}
