// Records that change on Recruiterflow's side: every few hours (and on demand: `links verify`, the
// Verify button) the linked records are read back. It only reads Recruiterflow; locally it may relink,
// or mark a contact "Deleted in Recruiterflow". It never creates nor updates a record.
//
// How the records are read, cheapest first:
// 1. A batched search by email (the links are keyed by email): one request per 100 emails and record
//    type, with the `in` filter's canary check (recruiterflow/lookup.ts). A record found under its
//    link's email with the link's id is there. The `id` key of the search filter would be cheaper still
//    for records whose email changed, but it is not documented; the email filter is.
// 2. `candidate/get` or `contact/get` only for the links step 1 did not confirm (the email moved, the
//    record is gone), or whose search answer did not list its jobs. A 404 or an empty answer means
//    gone; an answer with another id is a merge's survivor. Anything else (a timeout, a 5xx) stops the
//    check with nothing marked: a record is never called deleted on a failed read.
// A gone record's emails were looked up in step 1: found on another record of the same type, the link
// moves to it (a merge) and the sync log says so; found nowhere, the contact is marked "Deleted in
// Recruiterflow" and Resync creates a new record.
import type { LinkedRecord, LinksVerifyResult, RecordJob } from '../../src-shared/contract';
import type { SyncAs } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { activeConnection, connectionOf, requireConnection } from '../domain/connection';
import { currentUserRow } from '../domain/users';
import { getMeta, setMeta } from '../store/meta';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError, type Prospect } from '../recruiterflow';
import { asInt, asRecord, asText } from '../recruiterflow/values';
import { linksOf } from '../store/links';
import { linkedRecordsOf, saveRecord } from '../store/rfRecords';
import { markDeleted, relink } from './linkChanges';
import { deletedMessage } from '../store/enrollments';
import type { SchedulerCompanion } from './scheduler';

/** The jobs and stages a record read lists, or null when the answer left them out (a search may). */
function jobsOf(p: Prospect): RecordJob[] | null {
  if (!Array.isArray(p.raw.jobs)) return null;
  return p.raw.jobs.flatMap((j) => {
    const r = asRecord(j);
    const jobId = r ? (asInt(r.job_id) ?? asInt(r.id)) : null;
    if (!r || jobId === null) return [];
    return [{ jobId, name: asText(r.name) || asText(r.job_name), stage: asText(r.stage_name) || asText(asRecord(r.stage)?.name) }];
  });
}

type Read = { state: 'present'; record: Prospect } | { state: 'gone'; survivor: number | null };

/** The check on demand: a failed read is said plainly, with nothing marked (see checkLinks). */
export async function verifyLinks(ctx: Ctx): Promise<LinksVerifyResult> {
  try {
    return await checkLinks(ctx);
  } catch (error) {
    if (!(error instanceof RecruiterflowError)) throw error;
    const code = error.kind === 'unauthorized' ? 'invalid_api_key' : 'unreachable';
    throw new AppError(code, `Could not read the linked records back; nothing was changed: ${error.message}`);
  }
}

async function checkLinks(ctx: Ctx): Promise<LinksVerifyResult> {
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests += 1;
    return ctx.fetch(input, init);
  };
  const { client, account } = requireConnection(ctx, { fetch: counting });
  const links = linksOf(ctx, account);
  const result: LinksVerifyResult = { checked: 0, present: 0, relinked: [], deleted: [], requests: 0 };
  const byType = (t: SyncAs) => links.filter((l) => l.rfType === t);

  // 1. One batched email search per type: which links' records still hold their emails.
  const found = new Map<SyncAs, Map<string, Prospect>>();
  for (const type of ['candidate', 'contact'] as const) {
    const emails = byType(type).map((l) => l.email);
    found.set(type, emails.length > 0 ? await client.findByEmails(emails, [type]) : new Map());
  }
  const reads = new Map<string, Read>();
  const key = (type: SyncAs, id: number) => `${type}:${id}`;
  for (const l of links) {
    const p = found.get(l.rfType)?.get(l.email);
    if (p && p.id === l.rfId && jobsOf(p) !== null) reads.set(key(l.rfType, l.rfId), { state: 'present', record: p });
  }

  // 2. One read by id for each record the search did not confirm.
  for (const l of links) {
    const k = key(l.rfType, l.rfId);
    if (reads.has(k)) continue;
    try {
      const p = l.rfType === 'candidate' ? await client.getCandidate(l.rfId) : await client.getContact(l.rfId);
      reads.set(k, p.id === l.rfId ? { state: 'present', record: p } : { state: 'gone', survivor: p.id });
    } catch (error) {
      if (error instanceof RecruiterflowError && error.kind === 'not_found') reads.set(k, { state: 'gone', survivor: null });
      else throw error;
    }
  }

  // 3. Record what was read; move or drop the links of gone records.
  const now = ctx.clock.now();
  const seen = new Set<string>();
  for (const l of links) {
    const k = key(l.rfType, l.rfId);
    const read = reads.get(k)!;
    if (!seen.has(k)) {
      seen.add(k);
      result.checked += 1;
      if (read.state === 'present') result.present += 1;
      saveRecord(
        ctx.sqlite,
        account,
        { id: l.rfId, type: l.rfType, state: read.state, jobs: read.state === 'present' ? (jobsOf(read.record) ?? []) : [] },
        now,
      );
    }
    if (read.state === 'present') continue;
    const again = found.get(l.rfType)?.get(l.email);
    if (again && again.id !== l.rfId) {
      relink(ctx.sqlite, account, l.email, l.rfType, l.rfId, again.id);
      saveRecord(ctx.sqlite, account, { id: again.id, type: again.type, state: 'present', jobs: jobsOf(again) ?? [] }, now);
      result.relinked.push({ email: l.email, type: l.rfType, from: l.rfId, to: again.id });
      const how = read.survivor === again.id ? 'merged into' : 'gone; its email is on';
      logEvent(
        ctx,
        'info',
        'links.relinked',
        `${label(l.rfType)} #${l.rfId} ${how} #${again.id}: ${l.email} is linked to #${again.id} now`,
        {
          email: l.email,
        },
      );
    } else {
      const message = deletedMessage(l.rfType, l.rfId, l.email);
      markDeleted(ctx.sqlite, account, l.email, l.rfType, l.rfId, message);
      result.deleted.push({ email: l.email, type: l.rfType, id: l.rfId });
      logEvent(ctx, 'warn', 'links.deleted', `${message}; Resync creates a new record`, { email: l.email });
    }
  }
  result.requests = requests;
  if (result.relinked.length > 0 || result.deleted.length > 0) ctx.events.emit('data:changed', { what: 'sequences' });
  return result;
}

const label = (t: SyncAs) => (t === 'candidate' ? 'Candidate' : 'Contact');

/** Default period of the background check. */
const DEFAULT_EVERY_MS = 6 * 60 * 60_000;
const LAST_CHECK_KEY = 'links.checkedAt';

/**
 * The periodic check, a companion of the scheduler (it lives in the desktop app and browser mode). It
 * runs when the last check is older than the period, looking every few minutes, so a restart neither
 * skips a check nor repeats one.
 */
export class LinkChecker implements SchedulerCompanion {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly everyMs = DEFAULT_EVERY_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), Math.min(this.everyMs, 5 * 60_000));
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs the check when it is due (and connected). */
  async tick(): Promise<void> {
    if (this.running) return;
    const last = Number(getMeta(this.ctx, LAST_CHECK_KEY) ?? 0);
    if (this.ctx.clock.now() - last < this.everyMs || !activeConnection(this.ctx)) return;
    this.running = (async () => {
      try {
        setMeta(this.ctx, LAST_CHECK_KEY, String(this.ctx.clock.now()));
        const r = await verifyLinks(this.ctx);
        if (r.relinked.length + r.deleted.length > 0)
          logEvent(this.ctx, 'info', 'links.checked', `Links checked: ${r.present} of ${r.checked} records there`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logEvent(this.ctx, 'warn', 'links.check', `Could not check the links to Recruiterflow: ${message}`);
      } finally {
        this.running = null;
      }
    })();
    await this.running;
  }
}

/** A contact's records in the account connected now, with what the last check read (the drawer). */
export function linkedRecordsFor(ctx: Pick<Ctx, 'db'>, email: string): LinkedRecord[] {
  const row = connectionOf(ctx, currentUserRow(ctx).id);
  if (!row) return [];
  return linkedRecordsOf(ctx, row.account ?? row.baseUrl, email.trim().toLowerCase());
}
