// The queue's filters by state, and the count shown beside each.
import type { QueueState } from '../../../../src-shared/domain';
import { formatNumber } from '../../lib/format';

export const FILTERS: Record<string, { label: string; states: QueueState[] }> = {
  active: { label: 'All waiting', states: ['pending', 'in_flight', 'backoff', 'review', 'held'] },
  pending: { label: 'Pending', states: ['pending'] },
  in_flight: { label: 'In flight', states: ['in_flight'] },
  backoff: { label: 'Backing off', states: ['backoff'] },
  review: { label: 'Awaiting review', states: ['review'] },
  held: { label: 'Held by you', states: ['held'] },
  finished: { label: 'Finished', states: ['done', 'failed', 'cancelled'] },
};

export function countLabel(filter: string, q: { due: number; backoff: number; review: number; held: number; inFlight: number }): string {
  const counts: Record<string, number> = {
    active: q.due + q.backoff + q.review + q.held + q.inFlight,
    review: q.review,
    held: q.held,
    backoff: q.backoff,
    in_flight: q.inFlight,
    pending: q.due,
  };
  const n = counts[filter] ?? null;
  return n === null ? '' : ` (${formatNumber(n)})`;
}
