// Sorts an enrollment's error into the kinds the UI explains and fixes differently.
import { EXISTS_IN_RECRUITERFLOW, type EnrollmentState, type FlagMatch, type SyncAs } from '../../../src-shared/domain';

/**
 * `exists_as`: Recruiterflow has this email only as a record of the other type (a Contact for a Candidate).
 * `possible`: a record has the contact's LinkedIn URL or phone, not its email.
 */
export type ErrorKind = 'exists' | 'exists_as' | 'possible' | 'custom_field' | 'unauthorized' | 'retrying' | 'failed' | 'flagged' | 'none';

export interface BadgeSubject {
  id: number;
  email: string;
  state: EnrollmentState;
  error: string | null;
  errorCode: string | null;
  nextAttemptAt: number | null;
  attempts?: number;
  /** The evidence of a flag: the record(s) that matched. */
  matches?: FlagMatch[];
  /** The mapping target whose value was refused: "Sync without this field" is offered. */
  errorField?: string | null;
  syncAs?: SyncAs;
}

const AUTH_CODES = new Set(['unauthorized', 'invalid_api_key', 'not_connected', 'forbidden']);
const FIELD_CODES = new Set(['custom_field', 'invalid_data', 'invalid_field', 'field_error']);

export function errorKind(s: Pick<BadgeSubject, 'state' | 'error' | 'errorCode'>): ErrorKind {
  const code = s.errorCode ?? '';
  const message = s.error ?? '';
  if (code === 'exists_as_contact' || code === 'exists_as_candidate') return 'exists_as';
  if (code === 'possible_match') return 'possible';
  if (code === 'exists_in_recruiterflow' || message.includes(EXISTS_IN_RECRUITERFLOW)) return 'exists';
  if (
    s.state === 'synced' ||
    s.state === 'queued' ||
    s.state === 'not_synced' ||
    s.state === 'awaiting_reply' ||
    s.state === 'sync_disabled'
  )
    return 'none';
  if (AUTH_CODES.has(code) || /\b(401|unauthori[sz]ed|api key)\b/i.test(message)) return 'unauthorized';
  if (FIELD_CODES.has(code) || /custom field|field\b/i.test(message)) return 'custom_field';
  if (s.state === 'retrying') return 'retrying';
  if (s.state === 'failed') return 'failed';
  if (s.state === 'flagged') return 'flagged';
  return 'none';
}
