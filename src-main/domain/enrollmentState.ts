// Where a new or re-triggered enrollment goes, from the settings captured for it. Pure rules.
import type { EnrollmentState, SyncMode } from '../../src-shared/domain';

export interface Trigger {
  connected: boolean;
  mode: SyncMode;
  disabled: boolean;
  existsInRecruiterflow: boolean;
  replied: boolean;
}

export interface Placement {
  state: EnrollmentState;
  awaitingReply: boolean;
  queue: boolean;
}

/** Rule order matters: no connection, then Disable Sync, then mode off, then the dedup flag, then the trigger. */
export function placeEnrollment(t: Trigger): Placement {
  if (!t.connected) return { state: 'not_synced', awaitingReply: false, queue: false };
  if (t.disabled) return { state: 'sync_disabled', awaitingReply: false, queue: false };
  if (t.mode === 'off') return { state: 'not_synced', awaitingReply: false, queue: false };
  if (t.existsInRecruiterflow) return { state: 'flagged', awaitingReply: t.mode === 'on-reply', queue: false };
  if (t.mode === 'on-reply' && !t.replied) return { state: 'awaiting_reply', awaitingReply: true, queue: false };
  return { state: 'queued', awaitingReply: false, queue: true };
}
