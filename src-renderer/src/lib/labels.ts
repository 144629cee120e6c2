// Human words for the domain's enums, in one place so every screen says the same thing.
import type { EnrollmentState, FollowUp, QueueState, SyncAs, SyncMode } from '../../../src-shared/domain';

export const STATE_LABELS: Record<EnrollmentState, string> = {
  not_synced: 'Not synced',
  awaiting_reply: 'Waiting for a reply',
  sync_disabled: 'Sync disabled',
  flagged: 'Flagged',
  queued: 'Queued',
  synced: 'Synced',
  failed: 'Failed',
  retrying: 'Retrying',
};

export const STATE_COLORS: Record<EnrollmentState, string> = {
  not_synced: 'gray',
  awaiting_reply: 'violet',
  sync_disabled: 'gray',
  flagged: 'orange',
  queued: 'blue',
  synced: 'teal',
  failed: 'red',
  retrying: 'yellow',
};

export const STATE_HELP: Record<EnrollmentState, string> = {
  not_synced:
    'Not sent to Recruiterflow: it was added while sync was off or not connected, or its sync was cancelled. Use Resync to queue it under the current settings.',
  awaiting_reply:
    'Its sequence syncs when the contact replies, and no reply is recorded yet. Mark it replied (or record the reply) to queue it; Resync does not.',
  sync_disabled: 'This sequence had Disable Sync on when the contact was added, so it is never sent to Recruiterflow.',
  flagged: 'Needs your review before it can continue.',
  queued: 'Waiting in the sync queue; it will be sent with the next sync.',
  synced: 'Created in or linked to Recruiterflow.',
  failed: 'Recruiterflow refused this contact; it will not be retried until you fix the cause.',
  retrying: 'A temporary problem (network, rate limit); Flowbridge will try again automatically.',
};

export const SYNC_MODE_LABELS: Record<SyncMode | 'inherit', string> = {
  inherit: 'Use account default',
  off: 'Off',
  'on-add': 'When added to the sequence',
  'on-reply': 'When the contact replies',
};

export const SYNC_MODE_SHORT: Record<SyncMode, string> = {
  off: 'Off',
  'on-add': 'On add',
  'on-reply': 'On reply',
};

export const SYNC_AS_LABELS: Record<SyncAs | 'inherit', string> = {
  inherit: 'Use account default',
  candidate: 'Candidate',
  contact: 'Contact',
};

export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  pending: 'Pending',
  review: 'Awaiting review',
  held: 'Held by you',
  in_flight: 'In flight',
  backoff: 'Backing off',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export const QUEUE_STATE_COLORS: Record<QueueState, string> = {
  pending: 'blue',
  review: 'grape',
  held: 'violet',
  in_flight: 'cyan',
  backoff: 'yellow',
  done: 'teal',
  cancelled: 'gray',
  failed: 'red',
};

/** What came of a finished queue item. */
/** What a finished follow-up of a synced contact did, after "Followed up" in the Queue screen. */
export const FOLLOW_UP_LABELS: Record<FollowUp, string> = {
  updated: 'Updated',
  moved: 'Moved to its stage',
  updated_moved: 'Updated, moved to its stage',
  unchanged: 'Nothing to change',
};

export const QUEUE_OUTCOME_LABELS: Record<string, string> = {
  synced: 'Synced',
  followed_up: 'Followed up',
  flagged: 'Flagged for review',
  failed: 'Failed',
  cancelled: 'Cancelled',
  not_synced: 'Not synced',
  sync_disabled: 'Sync disabled',
  queued: 'Queued again',
  retrying: 'Retrying',
};

export const CLONE_SKIP_REASONS: Record<'different_integration' | 'no_integration' | 'self', string> = {
  different_integration: 'uses a different integration than Recruiterflow',
  no_integration: 'has no integration set up',
  self: 'is you',
};

const FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  first_name: 'First name',
  last_name: 'Last name',
  title: 'Title',
  company: 'Company',
  phone: 'Phone',
  linkedin_url: 'LinkedIn URL',
  location: 'Location',
};

export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? name;
}

/** Why the sync queue is paused (SyncStatus.pausedReason), in words. */
export function pauseReasonText(reason: string | null | undefined): string {
  if (reason === 'invalid_key') return 'Recruiterflow refused the API key';
  if (reason === 'user') return 'paused by you';
  if (reason === 'redirect') return 'Recruiterflow answered with a redirect; check the base URL';
  return reason ?? '';
}
