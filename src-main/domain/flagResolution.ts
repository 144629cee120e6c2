// What the recruiter decides for a flagged enrollment, from the evidence stored with the flag:
// - link: this email is that Recruiterflow record. When the record is of the other type (a Contact for a
//   Candidate enrollment), the enrollment now asks for that record as it is: a Contact is never put on a
//   job, so "Link to the Contact without the job" drops the job, and says so by showing Contact, no job.
// - create: make a record of the enrollment's own type too (one person can have a candidate and a contact
//   profile). Refused when Recruiterflow already has a record of that type with this email: it allows one.
// - skip: don't sync it. It stays "not synced" with that reason, and Resync leaves it alone.
import type { ResolveResult } from '../../src-shared/contract';
import { FLAG_CODES, type FlagMatch, type Resolution, type SyncAs } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { enqueue } from '../store/queue';
import { activeConnection } from './connection';
import { contactByEmail } from '../store/contacts';
import { parseEvidence } from '../store/enrollmentPages';
import {
  clearFlag,
  enrollmentById,
  enrollmentsOfContact,
  markNotSynced,
  placeEnrollment,
  skipFieldOnCreate,
  type Enrollment,
} from '../store/enrollments';
import { saveLink } from '../store/links';
import { sequenceRow } from './sequences';
import { settingsRow } from './settings';

export const SKIPPED_CODE = 'skipped';
const SKIPPED_MESSAGE = 'You chose not to sync this contact';

const label = (type: SyncAs) => (type === 'candidate' ? 'Candidate' : 'Contact');
const describe = (m: FlagMatch) => `${label(m.type)} #${m.id}${m.name ? ` (${m.name})` : ''}`;

function decide(ctx: Ctx, row: Enrollment, action: Resolution, rfId: number | undefined): string | null {
  if (row.state !== 'flagged' || !(FLAG_CODES as readonly string[]).includes(row.errorCode ?? '')) {
    return 'not flagged as existing in Recruiterflow';
  }
  const matches = parseEvidence(row.evidence);
  if (action === 'skip') {
    markNotSynced(ctx.sqlite, row.id, SKIPPED_MESSAGE, SKIPPED_CODE);
    return null;
  }
  const connection = activeConnection(ctx, row.userId);
  if (!connection) return 'not connected to Recruiterflow';
  let syncAs = row.capSyncAs;
  let dropJob = false;
  if (action === 'link') {
    const match = rfId !== undefined ? matches.find((m) => m.id === rfId) : matches.length === 1 ? matches[0] : undefined;
    if (!match) {
      if (matches.length === 0) return 'no matched record is known for this flag: clear it, or wait for the next check';
      const listed = matches.map(describe).join(', ');
      return rfId !== undefined
        ? `#${rfId} is not a record that matched (matched: ${listed})`
        : `several records matched (${listed}): name the one to link`;
    }
    saveLink(ctx.sqlite, connection.account, row.email, match.id, match.type, false, ctx.clock.now());
    // A Contact is never put on a job; and an enrollment that asked for a Contact never asked for one.
    dropJob = match.type === 'contact' || row.capSyncAs === 'contact';
    syncAs = match.type;
  } else if (row.errorCode !== 'possible_match') {
    // A possible match shares a LinkedIn URL or phone, not the email: a new record is the recruiter's call.
    const same = matches.find((m) => m.type === row.capSyncAs);
    if (same)
      return `Recruiterflow already has a ${label(same.type)} with this email (${describe(same)}) and allows one: link to it instead`;
  }
  const place = placeEnrollment({
    connected: true,
    mode: row.capMode,
    disabled: false,
    existsInRecruiterflow: false,
    replied: row.repliedAt !== null,
  });
  clearFlag(
    ctx.sqlite,
    row.id,
    { state: place.queue ? 'not_synced' : place.state, awaitingReply: place.awaitingReply },
    { createAnyway: action === 'create', syncAs, dropJob },
  );
  if (action === 'create' && row.errorCode === 'possible_match') createBesidePossibleMatch(ctx, row.id, matches);
  if (place.queue) enqueue(ctx, [row.id], { held: settingsRow(ctx, row.userId).reviewBeforeSync });
  return null;
}

/**
 * "Create a new record" beside a record that holds the contact's phone: Recruiterflow allows one profile
 * per phone number and would refuse the create, so the new record is created without the phone.
 */
function createBesidePossibleMatch(ctx: Pick<Ctx, 'sqlite'>, id: number, matches: FlagMatch[]): void {
  if (matches.some((m) => m.matchedOn === 'phone')) skipFieldOnCreate(ctx.sqlite, id, 'phone_number');
}

export function resolveFlags(ctx: Ctx, ids: number[], action: Resolution, rfId?: number): ResolveResult {
  const result: ResolveResult = { resolved: 0, refused: [] };
  ctx.sqlite.transaction(() => {
    for (const id of ids) {
      const row = enrollmentById(ctx.db, id);
      if (!row) {
        result.refused.push({ id, email: '', reason: 'no such enrollment' });
        continue;
      }
      const refused = decide(ctx, row, action, rfId);
      if (refused) result.refused.push({ id, email: row.email, reason: refused });
      else result.resolved += 1;
    }
  })();
  if (result.resolved > 0) {
    ctx.events.emit('data:changed', { what: 'sequences' });
    ctx.events.emit('queue:changed', { reason: 'resolved' });
    ctx.wake();
  }
  return result;
}

/** The command line's form: by email (and sequence); every flagged enrollment of that contact. */
export function resolveByEmail(ctx: Ctx, email: string, sequenceId: string | undefined, action: Resolution, rfId?: number): ResolveResult {
  const contact = contactByEmail(ctx, email);
  if (!contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
  const seq = sequenceId !== undefined ? sequenceRow(ctx, sequenceId).id : undefined;
  const ids = enrollmentsOfContact(ctx.db, contact.id, seq, 'flagged').map((row) => row.id);
  if (ids.length === 0)
    throw new AppError('not_found', `${email} has no flagged enrollment${sequenceId !== undefined ? ` in sequence ${sequenceId}` : ''}`);
  return resolveFlags(ctx, ids, action, rfId);
}
