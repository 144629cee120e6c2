// What the recruiter decides for a flagged enrollment, from the evidence stored with the flag:
// - link: this email is that Recruiterflow record. When the record is of the other type (a Contact for a
//   Candidate enrollment), the enrollment now asks for that record as it is: a Contact is never put on a
//   job, so "Link to the Contact without the job" drops the job, and says so by showing Contact, no job.
// - create: make a record of the enrollment's own type too (one person can have a candidate and a contact
//   profile). Refused when Recruiterflow already has a record of that type with this email: it allows one.
// - skip: don't sync it. It stays "not synced" with that reason, and Resync leaves it alone.
import type { ResolveResult } from '../../src-shared/contract';
import { FLAG_CODES, type FlagMatch, type Resolution, type SyncAs, type SyncMode } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { enqueue } from '../store/queue';
import { activeConnection } from './connection';
import { contactByEmail } from './contacts';
import { parseEvidence } from './enrollmentQueries';
import { placeEnrollment } from '../store/enrollments';
import { sequenceRow } from './sequences';
import { settingsRow } from './settings';

export const SKIPPED_CODE = 'skipped';
const SKIPPED_MESSAGE = 'You chose not to sync this contact';

interface FlaggedRow {
  id: number;
  email: string;
  user_id: number;
  state: string;
  error_code: string | null;
  cap_mode: SyncMode;
  cap_sync_as: SyncAs;
  replied_at: number | null;
  evidence: string | null;
}

const label = (type: SyncAs) => (type === 'candidate' ? 'Candidate' : 'Contact');
const describe = (m: FlagMatch) => `${label(m.type)} #${m.id}${m.name ? ` (${m.name})` : ''}`;

function decide(ctx: Ctx, row: FlaggedRow, action: Resolution, rfId: number | undefined): string | null {
  if (row.state !== 'flagged' || !(FLAG_CODES as readonly string[]).includes(row.error_code ?? '')) {
    return 'not flagged as existing in Recruiterflow';
  }
  const matches = parseEvidence(row.evidence);
  if (action === 'skip') {
    ctx.sqlite
      .prepare('update enrollments set state = ?, error = ?, error_code = ?, awaiting_reply = 0 where id = ?')
      .run('not_synced', SKIPPED_MESSAGE, SKIPPED_CODE, row.id);
    return null;
  }
  const connection = activeConnection(ctx, row.user_id);
  if (!connection) return 'not connected to Recruiterflow';
  let syncAs = row.cap_sync_as;
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
    ctx.sqlite
      .prepare(
        `insert into rf_links (account, base_url, email, rf_id, rf_type, linked_at, created) values (?, ?, ?, ?, ?, ?, 0)
         on conflict (account, email, rf_type) do update set rf_id = excluded.rf_id`,
      )
      .run(connection.account, connection.baseUrl, row.email, match.id, match.type, ctx.clock.now());
    // A Contact is never put on a job; and an enrollment that asked for a Contact never asked for one.
    dropJob = match.type === 'contact' || row.cap_sync_as === 'contact';
    syncAs = match.type;
  } else {
    const same = matches.find((m) => m.type === row.cap_sync_as);
    if (same)
      return `Recruiterflow already has a ${label(same.type)} with this email (${describe(same)}) and allows one: link to it instead`;
  }
  const place = placeEnrollment({
    connected: true,
    mode: row.cap_mode,
    disabled: false,
    existsInRecruiterflow: false,
    replied: row.replied_at !== null,
  });
  ctx.sqlite
    .prepare(
      `update enrollments set dedup_cleared = 1, create_anyway = @createAnyway, cap_sync_as = @syncAs,
         cap_job_id = case when @dropJob = 1 then null else cap_job_id end,
         error = null, error_code = null, state = @state, awaiting_reply = @awaiting where id = @id`,
    )
    .run({
      id: row.id,
      createAnyway: action === 'create' ? 1 : 0,
      syncAs,
      dropJob: dropJob ? 1 : 0,
      state: place.queue ? 'not_synced' : place.state,
      awaiting: place.awaitingReply ? 1 : 0,
    });
  if (place.queue) enqueue(ctx, [row.id], { held: settingsRow(ctx, row.user_id).reviewBeforeSync });
  return null;
}

export function resolveFlags(ctx: Ctx, ids: number[], action: Resolution, rfId?: number): ResolveResult {
  const get = ctx.sqlite.prepare('select * from enrollments where id = ?');
  const result: ResolveResult = { resolved: 0, refused: [] };
  ctx.sqlite.transaction(() => {
    for (const id of ids) {
      const row = get.get(id) as FlaggedRow | undefined;
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
  const ids = (
    sequenceId !== undefined
      ? ctx.sqlite
          .prepare("select id from enrollments where contact_id = ? and sequence_id = ? and state = 'flagged'")
          .pluck()
          .all(contact.id, sequenceRow(ctx, sequenceId).id)
      : ctx.sqlite.prepare("select id from enrollments where contact_id = ? and state = 'flagged'").pluck().all(contact.id)
  ) as number[];
  if (ids.length === 0)
    throw new AppError('not_found', `${email} has no flagged enrollment${sequenceId !== undefined ? ` in sequence ${sequenceId}` : ''}`);
  return resolveFlags(ctx, ids, action, rfId);
}
