// What a flag says and shows: its message per code, and the evidence (the matched records) kept with it.
// Shared by the add-time dedup check (enroll.ts) and the engine's check before create.
import {
  EXISTS_IN_RECRUITERFLOW,
  existsAsMessage,
  POSSIBLE_MATCH,
  type FlagCode,
  type FlagMatch,
  type SyncAs,
} from '../../src-shared/domain';
import type { RfLink } from '../store/links';

/** The evidence of a flag, from a record read from Recruiterflow. */
export function matchOf(record: { id: number; type: SyncAs; name: string; emails: string[] }, email: string): FlagMatch {
  return { type: record.type, id: record.id, name: record.name, emails: record.emails, matchedEmail: email };
}

/** The evidence of a flag when only the local link is known (no record was read). */
export function matchOfLink(link: RfLink, email: string): FlagMatch {
  return { type: link.type, id: link.id, name: '', emails: [email], matchedEmail: email };
}

export function flagMessage(code: FlagCode): string {
  if (code === 'exists_as_contact') return existsAsMessage('contact');
  if (code === 'exists_as_candidate') return existsAsMessage('candidate');
  if (code === 'possible_match') return POSSIBLE_MATCH;
  return EXISTS_IN_RECRUITERFLOW;
}
