// The record owner on a create: the Recruiterflow user captured on the enrollment (cap_owner_id).
// Only candidate/add takes `lead_owner_id` in the published spec; contact/add has no such key.
import type { SyncAs } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';
import type { ProspectInput } from '../recruiterflow';
import { ownerOf } from '../store/enrollments';

export function withOwner(sqlite: Sqlite, enrollmentId: number, syncAs: SyncAs, body: ProspectInput): ProspectInput {
  const owner = syncAs === 'candidate' ? ownerOf(sqlite, enrollmentId) : null;
  return owner === null ? body : { ...body, lead_owner_id: owner };
}
