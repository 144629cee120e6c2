// The sync engine: claims due queue items, checks Recruiterflow before every create, creates or links,
// assigns jobs, and records each outcome. HTTP never runs inside a transaction.
//
// What happens to each kind of failure:
// - unauthorized (401, or no key received): the whole queue pauses (meta sync.pausedReason =
//   invalid_key); the item is given back untouched and stays queued until the recruiter reconnects.
// - redirect (any 3xx): never followed, as it would carry the key to another host; the queue pauses
//   (sync.pausedReason = redirect) with a message naming the Location, the item is given back untouched.
//   A 403 on the connection check or the metadata (scheduler) pauses it too, naming the permission.
// - network (refused, reset, dropped, timed out): one shared probe asks whether Recruiterflow is
//   reachable at all. If not, we are offline: the item is given back untouched (no attempt counted),
//   the connection shows unreachable and the drain waits (with --wait) or stops; nothing is lost and
//   the queue drains when it is back. If the probe answers, the failure was this request's: as below.
// - rate_limited (429): retried in place a few times behind the pacer, which slows down (sync/pacer.ts);
//   the refused request waits its Retry-After when that is short (see inPlaceLimit). Then, or at once
//   for a longer one, the item backs off like a server error. A Retry-After over 10 minutes is not
//   obeyed at all: the client reports it as a server error retried in 10 minutes.
//
// Bounds: stop() (pause, quit, SIGTERM) aborts every wait and request under way within a second, and
// the items are given back untouched. With `waitMs`, no wait runs past that deadline, and a network
// failure after it gives its items back without the reachability probe (another request timeout).
// - server (5xx, 408, a 409 whose record is not searchable yet), bad_response (HTML or garbage on a
//   200: a maintenance page; the create may have happened) and unexpected errors: exponential backoff
//   with jitter, Retry-After honoured, `retrying`; after maxAttempts `failed` with the last message.
// - invalid_data, not_found and other 4xx: `failed` at once with Recruiterflow's message (a custom
//   field's name and value included). Values the cached field definitions reject fail before sending.
//   A 409 on create that is not about the email (a phone another profile holds) fails at once too.
//
// One create per email, whatever the server does: a create whose outcome is unknown (a crash, a timeout,
// a 5xx) holds back any other create for that email until createSettleMs has passed and the lookup still
// cannot find it, since the search may lag and a duplicate may not be refused with a 409 (claimCreate).
import type { CustomFieldDef, FlagMatch, MappingRule, SyncAs, SyncCounts } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { accountBaseUrl } from '../domain/account';
import { connectionOf, requireConnection } from '../domain/connection';
import { cancelDemoItem, demoBlocked } from '../domain/demoGuard';
import { currentUserRow } from '../domain/users';
import { cachedCustomFields } from '../domain/metadata';
import { effectiveRules, rulesFor } from '../domain/mapping';
import { getMeta } from '../store/meta';
import { settingsRow } from '../domain/settings';
import { logEvent } from '../store/syncLog';
import {
  DEFAULT_SEARCH_BATCH,
  InFilterCheck,
  RecruiterflowError,
  type Prospect,
  type ProspectInput,
  type RecruiterflowClient,
} from '../recruiterflow';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import {
  claimCreate,
  clearCreateStarted,
  findLink,
  matchOf,
  matchOfLink,
  recordFailed,
  recordFlagged,
  recordJobAssigned,
  recordDeferred,
  recordLink,
  recordTransient,
  type WorkItem,
} from './outcomes';
import { Connectivity, PAUSE_KEY } from './connectivity';
import { Pacer } from './pacer';
import { pacedFetch } from './transport';
import { findPossibleMatches } from './possibleMatch';
import { buildPayload, type ContactSource } from './payload';
import { syncSourceRow } from '../store/enrollments';
import { isJobAssigned } from '../store/links';
import {
  claimDue,
  dropClaimed,
  leaseOwnerId,
  nextDueAt,
  queueCounts,
  reclaimOrphans,
  releaseClaims,
  renewClaim,
  type ClaimedItem,
} from '../store/queue';
import { sleep } from './sleep';
import { stateCounts } from './status';
import { withOwner } from './ownerStep';
import { applyStage } from './stageStep';
import { failMissingRequired } from './requiredCheck';
import { runUpdateStep } from './updateStep';
import { finishItem } from './followUp';

export interface EngineOptions {
  concurrency?: number;
  batchSize?: number;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  /** In-process retries of a 429 before the item itself backs off. */
  rateLimitRetries?: number;
  /** While offline, how often a draining engine asks whether Recruiterflow is back. */
  offlineProbeMs?: number;
  /** Batches in progress at once (the pacer's concurrency and rate still hold for all of them). */
  pipelines?: number;
  /**
   * How long a create whose outcome is unknown (a crash, a timeout, a 5xx) keeps another create for the
   * same email back while the search does not show its record: Recruiterflow's search index may lag its
   * writes by seconds, and a duplicate create may not be refused with a 409.
   */
  createSettleMs?: number;
}

export interface RunProgress {
  done: number;
  total: number;
  counts: SyncCounts;
}

export { PAUSE_KEY } from './connectivity';

/** The client's own timeout: only a backstop, the engine times each request from when it is sent. */
const CLIENT_BACKSTOP_MS = 24 * 60 * 60_000;
/** See EngineOptions.createSettleMs. */
const DEFAULT_CREATE_SETTLE_MS = 5_000;
/** Tries of the batched lookup (a read, safe to repeat) before its items back off. */
const LOOKUP_TRIES = 3;
/** Without a deadline (one pass), the longest Retry-After a refused request waits in place. */
const IN_PLACE_RETRY_AFTER_MS = 10_000;
/** With a deadline, a Retry-After may run this far past it (the recruiter's --wait is not to the ms). */
const DEADLINE_GRACE_MS = 1_000;

interface LoadedItem extends WorkItem {
  contact: ContactSource;
  mappingVersion: number;
  capDedup: boolean;
  dedupChecked: boolean;
  dedupCleared: boolean;
  createStarted: boolean;
  /** Synced before: queued again for follow-up work (an update), not a create whose outcome was lost. */
  syncedBefore: boolean;
  /** "Create a <type> profile too": a record of the other type is no reason to stop. */
  createAnyway: boolean;
  /** Mapping targets left out for this enrollment ("Sync without this field"). */
  skipFields: string[];
  leaseUntil: number;
}

/** The custom field a Recruiterflow refusal names ('… custom field "Hiring Budget" …'), as a mapping target. */
function refusedField(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>, item: LoadedItem, message: string): string | null {
  const name = /custom field "([^"]+)"/i.exec(message)?.[1];
  if (!name) return null;
  const def = cachedCustomFields(ctx).find((f) => f.object === item.syncAs && f.name.toLowerCase() === name.toLowerCase());
  return def ? `custom:${def.id}` : null;
}

type Outcome = 'created' | 'linked' | 'followed_up' | 'failed' | 'retrying' | 'flagged' | 'released';

export class SyncEngine {
  readonly owner: string;
  private readonly options: Required<EngineOptions>;
  private readonly pacer: Pacer;
  private stopping = false;
  /** Aborted by stop(): ends every wait and every request of the drain under way. */
  private halt = new AbortController();
  /** The drain's --wait deadline, or null for one pass. */
  private deadline: number | null = null;
  /** Past the deadline a request failed on the network: give the rest back and end the drain. */
  private windingDown = false;
  private readonly link: Connectivity;
  /** What each server's `in` filter was seen to do, kept from one drain to the next (see recruiterflow/lookup.ts). */
  private readonly inFilters = new Map<string, InFilterCheck>();

  constructor(
    private readonly ctx: Ctx,
    options: EngineOptions = {},
  ) {
    this.owner = leaseOwnerId(ctx.random);
    this.options = {
      concurrency: options.concurrency ?? 4,
      // One claim is what one batched lookup covers: a smaller batch spends more lookup requests.
      batchSize: options.batchSize ?? DEFAULT_SEARCH_BATCH,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      timeoutMs: options.timeoutMs ?? 15_000,
      rateLimitRetries: options.rateLimitRetries ?? 3,
      offlineProbeMs: options.offlineProbeMs ?? 5_000,
      pipelines: Math.max(1, options.pipelines ?? 2),
      createSettleMs: Math.max(0, options.createSettleMs ?? DEFAULT_CREATE_SETTLE_MS),
    };
    this.pacer = new Pacer({ concurrency: this.options.concurrency, clock: ctx.clock });
    this.link = new Connectivity(ctx);
  }

  pausedReason(): string | null {
    return getMeta(this.ctx, PAUSE_KEY);
  }

  /** Stops at once: waits and requests under way end, and their items are given back untouched. */
  stop(): void {
    this.stopping = true;
    this.halt.abort(new Error('aborted: the sync is stopping'));
  }

  pacerStats() {
    return this.pacer.snapshot();
  }

  /**
   * Processes due items until none is due (or stop()). With `waitMs`, also waits for items in backoff
   * that come due within that time, and for Recruiterflow to come back when it is unreachable.
   * Throws not_connected without a connection.
   */
  async drain(
    opts: { waitMs?: number; onProgress?: (p: RunProgress) => void; sleep?: (ms: number) => Promise<void> } = {},
  ): Promise<SyncCounts> {
    const ctx = this.ctx;
    // The per-request timeout runs in pacedFetch once the pacer lets the request go: time spent waiting
    // for a slot (or behind a Retry-After) must never count. The client's own clock is only a backstop.
    this.halt = new AbortController();
    const halt = this.halt.signal;
    const base = connectionOf(ctx, currentUserRow(ctx).id)?.baseUrl ?? '';
    if (!this.inFilters.has(base)) this.inFilters.set(base, new InFilterCheck());
    const connection = requireConnection(ctx, {
      fetch: this.pacedFetch(halt),
      timeoutMs: CLIENT_BACKSTOP_MS,
      inFilter: this.inFilters.get(base),
    });
    this.stopping = false;
    this.windingDown = false;
    this.link.reset();
    reclaimOrphans(ctx);
    const client = connection.client;
    const counts: SyncCounts = { created: 0, linked: 0, jobsAssigned: 0, updated: 0, moved: 0, failed: 0, retrying: 0, pending: 0 };
    const deadline = ctx.clock.now() + (opts.waitMs ?? 0);
    this.deadline = opts.waitMs === undefined ? null : deadline;
    const wait = opts.sleep ?? ((ms: number) => sleep(ms, halt));
    let done = 0;
    const startTotal = queueCounts(ctx);
    const total = startTotal.due + startTotal.backoff;
    // Batch loops side by side: while one waits for the slowest item of its batch (a timeout, a
    // Retry-After), the other keeps the pacer busy. Leases keep their claims apart.
    const loop = async () => {
      while (!this.stopping && !this.windingDown && this.pausedReason() === null) {
        if (this.link.offline) {
          const left = deadline - ctx.clock.now();
          if (left <= 0) break;
          await wait(Math.min(this.options.offlineProbeMs, left));
          if (this.stopping) break;
          await this.link.recheck(client, connection.userId);
          continue;
        }
        const batch = claimDue(ctx, this.owner, this.options.batchSize, this.options.leaseMs);
        if (batch.length === 0) {
          const next = this.nextDueAt();
          if (next === null || next > deadline) break;
          await wait(Math.max(10, next - ctx.clock.now()));
          continue;
        }
        const outcomes = await this.processBatch(client, connection.account, batch, counts);
        for (const outcome of outcomes) {
          if (outcome === 'created') counts.created += 1;
          else if (outcome === 'linked') counts.linked += 1;
          else if (outcome === 'failed') counts.failed += 1;
        }
        if (outcomes.some((o) => o === 'created' || o === 'linked' || o === 'followed_up' || o === 'flagged'))
          this.link.markReachable(connection.userId);
        done += outcomes.filter((o) => o !== 'released').length;
        ctx.events.emit('queue:changed', { reason: 'sync' });
        ctx.events.emit('data:changed', { what: 'sequences' });
        opts.onProgress?.({ done, total: Math.max(total, done), counts: { ...counts } });
      }
    };
    await Promise.all(Array.from({ length: this.options.pipelines }, loop));
    // What is left, as the recruiter sees it: enrollments backing off, and enrollments still queued.
    const states = stateCounts(ctx);
    counts.retrying = states.retrying;
    counts.pending = states.queued;
    return counts;
  }

  private nextDueAt(): number | null {
    return nextDueAt(this.ctx.sqlite);
  }

  /** The owner's default currency, read once per batch (a settings read per contact was a tenth of the drain's CPU). */
  private readonly currencies = new Map<number, string>();
  private currencyOf(userId: number): string {
    let currency = this.currencies.get(userId);
    if (currency === undefined) this.currencies.set(userId, (currency = settingsRow(this.ctx, userId).defaultCurrency));
    return currency;
  }

  private pacedFetch(halt: AbortSignal): typeof fetch {
    return pacedFetch(this.pacer, this.ctx.fetch, this.options.timeoutMs, halt);
  }

  private pastDeadline(): boolean {
    return this.deadline !== null && this.ctx.clock.now() >= this.deadline;
  }

  /** The longest wait in place this drain allows now: up to its deadline, or a short one for one pass. */
  private inPlaceLimit(): number {
    if (this.deadline === null) return IN_PLACE_RETRY_AFTER_MS;
    return Math.max(0, this.deadline - this.ctx.clock.now()) + DEADLINE_GRACE_MS;
  }

  private load(items: ClaimedItem[]): LoadedItem[] {
    return items.flatMap((item) => {
      const row = syncSourceRow(this.ctx.sqlite, item.enrollmentId) as (ContactSource & Record<string, unknown>) | undefined;
      if (!row) return [];
      return [
        {
          queueId: item.id,
          enrollmentId: item.enrollmentId,
          attempts: item.attempts,
          leaseUntil: item.leaseUntil,
          email: String(row.email),
          syncAs: row.syncAs as SyncAs,
          jobId: (row.jobId as number | null) ?? null,
          userId: row.userId as number,
          contact: row,
          mappingVersion: row.mappingVersion as number,
          capDedup: row.capDedup === 1,
          dedupChecked: row.dedupChecked === 1,
          dedupCleared: row.dedupCleared === 1,
          createStarted: row.createStartedAt !== null,
          syncedBefore: row.syncedAt !== null,
          createAnyway: row.createAnyway === 1,
          skipFields: JSON.parse(String(row.skipFields ?? '[]')) as string[],
        },
      ];
    });
  }

  private async processBatch(client: RecruiterflowClient, account: string, claimed: ClaimedItem[], counts: SyncCounts): Promise<Outcome[]> {
    const ctx = this.ctx;
    const loaded = this.load(claimed);
    // Items the loader could not find (removed meanwhile) leave the queue.
    const loadedIds = new Set(loaded.map((i) => i.queueId));
    for (const c of claimed) if (!loadedIds.has(c.id)) dropClaimed(ctx.sqlite, c.id);
    const customFields = cachedCustomFields(ctx);
    this.currencies.clear();
    const rulesCache = new Map<string, MappingRule[]>();
    const rules = (item: LoadedItem) => {
      const key = `${item.userId}:${item.mappingVersion}`;
      if (!rulesCache.has(key)) rulesCache.set(key, effectiveRules(rulesFor(ctx, item.userId, item.mappingVersion)));
      const all = rulesCache.get(key)!;
      return item.skipFields.length === 0 ? all : all.filter((r) => !item.skipFields.includes(r.target));
    };
    // A contact missing a field the account requires fails here, before any request (sync/requiredCheck.ts).
    const missingRequired = failMissingRequired(ctx, account, loaded, rules, customFields);
    const items = loaded.filter((i) => !missingRequired.has(i.queueId));
    const requiredFailed = [...missingRequired].map((): Outcome => 'failed');

    // Check before create: one batched lookup (candidates and contacts) for every email without a local link
    // of the type its enrollment asks for.
    const unlinked = [...new Set(items.filter((i) => !findLink(this.ctx, account, i.email, i.syncAs)).map((i) => i.email))];
    let found = new Map<string, Prospect>();
    if (unlinked.length > 0) {
      try {
        found = await this.lookup(client, unlinked);
      } catch (error) {
        return [...requiredFailed, ...(await this.failBatch(client, items, error, account))];
      }
    }
    // Matching as Recruiterflow matches: the LinkedIn URLs and phones of what no email found (sync/possibleMatch.ts).
    let possible = new Map<number, FlagMatch[]>();
    try {
      const open = items.filter((i) => !findLink(ctx, account, i.email));
      possible = await findPossibleMatches(
        client,
        open,
        (i) => found.has(i.email),
        (call) => this.read(client, call),
      );
    } catch (error) {
      return this.failBatch(client, items, error, account);
    }

    // Items of one email run one after another (the second reuses the first's link); emails run in parallel.
    const byEmail = new Map<string, LoadedItem[]>();
    for (const item of items) byEmail.set(item.email, [...(byEmail.get(item.email) ?? []), item]);
    const outcomes: Outcome[] = [...requiredFailed];
    const groups = [...byEmail.values()];
    let cursor = 0;
    const worker = async () => {
      while (cursor < groups.length) {
        const group = groups[cursor++]!;
        for (const item of group) {
          if (this.stopping || this.windingDown || this.link.offline || this.pausedReason() !== null) {
            releaseClaims(ctx, this.owner, [item.queueId]);
            outcomes.push('released');
            continue;
          }
          // The lease may have lapsed while the item waited its turn, and someone else may hold it now.
          if (!this.keep(item)) {
            outcomes.push('released');
            continue;
          }
          if (demoBlocked(ctx, item.enrollmentId)) {
            cancelDemoItem(ctx, item.queueId, item.enrollmentId);
            outcomes.push('released');
            continue;
          }
          const maybe = possible.get(item.enrollmentId);
          if (maybe) {
            recordFlagged(ctx, item, maybe, 'possible_match');
            outcomes.push('flagged');
            continue;
          }
          outcomes.push(await this.processItem(client, account, item, found.get(item.email) ?? null, rules(item), customFields, counts));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, groups.length) }, worker));
    return outcomes;
  }

  private async processItem(
    client: RecruiterflowClient,
    account: string,
    item: LoadedItem,
    found: Prospect | null,
    rules: MappingRule[],
    customFields: CustomFieldDef[],
    counts: SyncCounts,
  ): Promise<Outcome> {
    const ctx = this.ctx;
    // Dedup on and the add-time check could not run: a record that existed before us waits for the recruiter.
    const needsReview = item.capDedup && !item.dedupChecked && !item.dedupCleared && !item.createStarted;
    try {
      const own = findLink(this.ctx, account, item.email, item.syncAs);
      // "Synced" means what the enrollment asked for happened: the record type included. A record of the
      // other type is not that record (one person can have both profiles).
      let sameType = found && found.type === item.syncAs ? found : null;
      const otherType = found && found.type !== item.syncAs ? found : null;
      if (!own && otherType && item.syncAs === 'contact') {
        // The lookup stops at a candidate profile: ask whether the person has a contact profile too.
        sameType = (await this.withRateLimitRetries(() => client.findByEmails([item.email], ['contact']))).get(item.email) ?? null;
      }
      let rfId: number;
      let rfType: SyncAs;
      let how: 'created' | 'linked';
      // The jobs the record is on, when this attempt has read or made it; null: not known here.
      let jobsOnRecord: number[] | null = null;
      if (own) {
        if (needsReview && own.created === 0) {
          recordFlagged(ctx, item, [matchOfLink(own, item.email)], 'exists_in_recruiterflow');
          return 'flagged';
        }
        rfId = own.id;
        rfType = own.type;
        // Our create went through on an earlier attempt that ended before the outcome was recorded.
        how = own.created === 1 && item.createStarted && !item.syncedBefore ? 'created' : 'linked';
      } else if (sameType) {
        if (needsReview) {
          recordFlagged(
            ctx,
            item,
            [sameType, otherType].flatMap((p) => (p ? [matchOf(p, item.email)] : [])),
            'exists_in_recruiterflow',
          );
          return 'flagged';
        }
        rfId = sameType.id;
        rfType = sameType.type;
        jobsOnRecord = jobsOf(sameType);
        how = item.createStarted ? 'created' : 'linked';
        recordLink(ctx, account, item, rfId, rfType, item.createStarted);
      } else {
        const otherLink = otherType ? null : findLink(this.ctx, account, item.email);
        const other = otherType
          ? matchOf(otherType, item.email)
          : otherLink && otherLink.type !== item.syncAs
            ? matchOfLink(otherLink, item.email)
            : null;
        if (other && !item.createAnyway) {
          recordFlagged(ctx, item, [other], other.type === 'contact' ? 'exists_as_contact' : 'exists_as_candidate');
          return 'flagged';
        }
        const payload = buildPayload(item.contact, rules, item.syncAs, customFields, {
          defaultCurrency: this.currencyOf(item.userId),
        });
        if (payload.problems.length > 0) {
          recordFailed(ctx, item, 'invalid_data', payload.problems.join('; '), payload.problemTargets[0] ?? null);
          return 'failed';
        }
        const body = withOwner(ctx.sqlite, item.enrollmentId, item.syncAs, payload.body);
        const made = await this.create(client, account, item, body, needsReview);
        if (made === 'flagged') return 'flagged';
        if (made === 'deferred') return 'retrying';
        ({ rfId, rfType, how, jobsOnRecord } = made);
      }
      if (item.jobId !== null && rfType === 'candidate') {
        const assigned = isJobAssigned(ctx.sqlite, account, rfId, item.jobId);
        if (!assigned) {
          // The create may have taken long (Retry-After waits): make sure the item is still ours.
          if (!this.keep(item)) return 'released';
          // A repeated add-to-job may answer 200 and put the candidate back in the first stage, undoing
          // the recruiter's work: add only a record that is not on the job yet (read it when unknown).
          const jobs = jobsOnRecord ?? (await this.withRateLimitRetries(() => client.getCandidate(rfId))).jobIds;
          if (!jobs.includes(item.jobId)) await this.withRateLimitRetries(() => client.addToJob(rfId, item.jobId!));
          recordJobAssigned(ctx, account, rfId, item.jobId);
          counts.jobsAssigned += 1;
        }
      }
      // The steps after the record and its job: the fields its write rules allow, then its stage.
      const step = { item, rfId, rfType, existed: how === 'linked' || own !== null, rules, customFields };
      const io = { send: <T>(call: () => Promise<T>) => this.withRateLimitRetries(call), keep: () => this.keep(item) };
      const updated = await runUpdateStep(ctx, client, step, io);
      if (updated === 'released') return 'released';
      const moved = await applyStage(ctx, client, item, rfId, rfType, io);
      if (moved === 'released') return 'released';
      return finishItem(ctx, item, rfId, how, own !== null, { updated, moved }, counts);
    } catch (error) {
      return this.recordError(client, item, error, account);
    }
  }

  /**
   * Renews the item's claim before it starts and before its job assignment. False when the lease lapsed
   * (a slow batch, long Retry-After waits) and another claim holds the item now: the holder finishes it,
   * and finds in the link table whatever this one already created.
   */
  private keep(item: LoadedItem): boolean {
    // Nobody can claim an item while its lease runs; with half of it left it also covers the next request
    // (a timeout is seconds), so the common case costs no write.
    if (item.leaseUntil - this.ctx.clock.now() > this.options.leaseMs / 2) return true;
    const renewed = renewClaim(this.ctx, this.owner, item.queueId, item.leaseUntil, this.options.leaseMs);
    if (renewed === null) return false;
    item.leaseUntil = renewed;
    return true;
  }

  /** Creates the record; a 409 means it exists after all (e.g. a lagging search index): look up and link. */
  private async create(
    client: RecruiterflowClient,
    account: string,
    item: LoadedItem,
    body: ProspectInput,
    needsReview: boolean,
  ): Promise<{ rfId: number; rfType: SyncAs; how: 'created' | 'linked'; jobsOnRecord: number[] | null } | 'flagged' | 'deferred'> {
    // Never two creates for one email while the first one's record may still be on its way to the search.
    const claim = claimCreate(this.ctx, item, this.options.createSettleMs);
    if (!claim.ok) {
      recordDeferred(
        this.ctx,
        item,
        claim.waitMs,
        `A create for ${item.email} was sent at ${new Date(claim.since).toISOString()} and Recruiterflow's search does not show its record yet; looking again before creating`,
      );
      return 'deferred';
    }
    try {
      const rfId = await this.withRateLimitRetries(() =>
        item.syncAs === 'candidate' ? client.addCandidate(body) : client.addContact(body),
      );
      recordLink(this.ctx, account, item, rfId, item.syncAs, true);
      return { rfId, rfType: item.syncAs, how: 'created', jobsOnRecord: [] };
    } catch (error) {
      // A 4xx answer (a 429 too) means this create did not happen; with no earlier attempt, no record is ours.
      const refused =
        error instanceof RecruiterflowError && (error.kind === 'rate_limited' || (!error.retryable && error.kind !== 'bad_response'));
      if (refused && !item.createStarted) clearCreateStarted(this.ctx, item);
      if (!(error instanceof RecruiterflowError) || error.kind !== 'conflict') throw error;
      // Recruiterflow refuses a second record of the same type: look among that type only.
      const again = await this.withRateLimitRetries(() => client.findByEmails([item.email], [item.syncAs]));
      const existing = again.get(item.email);
      if (!existing) {
        // Not about the email (a phone another profile holds): no retry can help, say why at once.
        if (!conflictIsAboutEmail(error, body)) {
          throw new RecruiterflowError(
            'conflict',
            `Recruiterflow refused to create ${item.email}: ${error.serverMessage ?? error.message}`,
            {
              status: 409,
              serverMessage: error.serverMessage,
            },
          );
        }
        // The index has not caught up with the record that holds the email: retry later, never create twice.
        throw new RecruiterflowError('server', `Recruiterflow reports a conflict (${error.message}) but the record is not found yet`, {
          status: 409,
        });
      }
      if (needsReview) {
        recordFlagged(this.ctx, item, [matchOf(existing, item.email)], 'exists_in_recruiterflow');
        return 'flagged';
      }
      recordLink(this.ctx, account, item, existing.id, existing.type, item.createStarted);
      return { rfId: existing.id, rfType: existing.type, how: item.createStarted ? 'created' : 'linked', jobsOnRecord: jobsOf(existing) };
    }
  }

  /**
   * The batched check-before-create. It is a read, so a transient failure is retried here a couple of
   * times before every item of the batch has to back off (which would spend an attempt of each).
   */
  private lookup(client: RecruiterflowClient, emails: string[]): Promise<Map<string, Prospect>> {
    return this.read(client, () => client.findByEmails(emails));
  }

  /** A read before create (the email lookup, the LinkedIn URL and phone lookups), retried as the lookup is. */
  private async read<T>(client: RecruiterflowClient, call: () => Promise<T>): Promise<T> {
    for (let tried = 1; ; tried += 1) {
      try {
        return await this.withRateLimitRetries(call);
      } catch (error) {
        const transient = error instanceof RecruiterflowError && (error.retryable || error.kind === 'bad_response');
        if (!transient || tried >= LOOKUP_TRIES || this.stopping || this.pastDeadline()) throw error;
        if (error.kind === 'network' && (await this.link.unreachable(client))) throw error;
        const delay = Math.min(backoffDelay(this.options.backoff, tried, this.ctx.random, error.retryAfterMs), 5_000);
        if (delay > this.inPlaceLimit()) throw error;
        await sleep(delay, this.halt.signal);
      }
    }
  }

  private async withRateLimitRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof RecruiterflowError) || error.kind !== 'rate_limited' || attempt >= this.options.rateLimitRetries)
          throw error;
        if (this.stopping) throw error;
        // A long wait is not sat out in place: the item backs off until then, and the drain goes on.
        if (error.retryAfterMs !== null && error.retryAfterMs > this.inPlaceLimit()) throw error;
        if (error.retryAfterMs !== null) await this.pacer.honourRetryAfter(error.retryAfterMs, this.halt.signal);
      }
    }
  }

  private async recordError(client: RecruiterflowClient, item: LoadedItem, error: unknown, account: string): Promise<Outcome> {
    const ctx = this.ctx;
    // Stopped (pause, quit): whatever failed was cut short by us, not by Recruiterflow.
    if (this.stopping) {
      releaseClaims(ctx, this.owner, [item.queueId]);
      return 'released';
    }
    if (error instanceof RecruiterflowError) {
      if (error.kind === 'unauthorized') {
        this.link.pauseForKey(item.userId, error);
        releaseClaims(ctx, this.owner, [item.queueId]);
        return 'released';
      }
      if (error.kind === 'redirect') {
        this.link.pauseForRedirect(error.message);
        releaseClaims(ctx, this.owner, [item.queueId]);
        return 'released';
      }
      if (error.kind === 'network' && this.pastDeadline() && !this.link.offline) {
        // Past --wait's deadline, probing reachability would cost another request timeout: give the
        // item back untouched (no attempt spent) for the next run, and end this one.
        this.windingDown = true;
        releaseClaims(ctx, this.owner, [item.queueId]);
        return 'released';
      }
      if (error.kind === 'network' && (this.link.offline || (await this.link.unreachable(client)))) {
        this.link.goOffline(item.userId, error.message);
        releaseClaims(ctx, this.owner, [item.queueId]);
        return 'released';
      }
      if (error.retryable || error.kind === 'bad_response') {
        return recordTransient(ctx, item, this.options.backoff, error.kind, error.message, error.retryAfterMs);
      }
      recordFailed(ctx, item, error.kind, error.message, refusedField(ctx, item, error.message));
      return 'failed';
    }
    const message = error instanceof Error ? error.message : String(error);
    logEvent(ctx, 'error', 'sync.internal', `Unexpected error at ${accountBaseUrl(account)}: ${message}`, item);
    return recordTransient(ctx, item, this.options.backoff, 'internal', message, null);
  }

  private async failBatch(client: RecruiterflowClient, items: LoadedItem[], error: unknown, account: string): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(await this.recordError(client, item, error, account));
    return outcomes;
  }
}

/**
 * Whether a 409 on create is about the email (the record exists, the search has not caught up) rather
 * than another unique value such as a phone number. "…this Email/Phone Number already exists" names
 * both: it is the email only when no phone was sent. A 409 without a message is taken as the email.
 */
function conflictIsAboutEmail(error: RecruiterflowError, body: ProspectInput): boolean {
  const said = error.serverMessage ?? '';
  if (said === '') return true;
  const email = /e-?mail/i.test(said);
  const other = /phone|linkedin|profile url/i.test(said);
  if (email && !other) return true;
  if (email && other) return !(body.phone_number && body.phone_number.length > 0);
  return false;
}

/** A looked-up record's jobs, or null when the answer did not list them (a search may leave them out). */
function jobsOf(p: Prospect): number[] | null {
  return Array.isArray(p.raw.jobs) ? p.jobIds : null;
}
