// The sync engine: claims due queue items, checks Recruiterflow before every create, creates or links,
// assigns jobs, and records each outcome. HTTP never runs inside a transaction.
//
// What happens to each kind of failure:
// - unauthorized (401, or no key received): the whole queue pauses (meta sync.pausedReason =
//   invalid_key); the item is given back untouched and stays queued until the recruiter reconnects.
// - network (refused, reset, dropped, timed out): one shared probe asks whether Recruiterflow is
//   reachable at all. If not, we are offline: the item is given back untouched (no attempt counted),
//   the connection shows unreachable and the drain waits (with --wait) or stops; nothing is lost and
//   the queue drains when it is back. If the probe answers, the failure was this request's: as below.
// - rate_limited (429): retried in place a few times behind the pacer, which slows down (sync/pacer.ts);
//   the refused request waits its Retry-After. Then the item backs off like a server error.
// - server (5xx, 408, a 409 whose record is not searchable yet), bad_response (HTML or garbage on a
//   200: a maintenance page; the create may have happened) and unexpected errors: exponential backoff
//   with jitter, Retry-After honoured, `retrying`; after maxAttempts `failed` with the last message.
// - invalid_data, not_found and other 4xx: `failed` at once with Recruiterflow's message (a custom
//   field's name and value included). Values the cached field definitions reject fail before sending.
import type { CustomFieldDef, MappingRule, SyncAs, SyncCounts } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { statement } from '../db/statements';
import { activeConnection } from '../domain/connection';
import { cachedCustomFields } from '../domain/metadata';
import { effectiveRules, rulesFor } from '../domain/mapping';
import { getMeta } from '../domain/meta';
import { logEvent } from '../domain/syncLog';
import { DEFAULT_SEARCH_BATCH, RecruiterflowError, type Prospect, type ProspectInput, type RecruiterflowClient } from '../recruiterflow';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { leaseOwnerId, reclaimOrphans } from './leases';
import {
  clearCreateStarted,
  findLink,
  markCreateStarted,
  recordFailed,
  recordFlagged,
  recordJobAssigned,
  recordLink,
  recordSynced,
  recordTransient,
  type WorkItem,
} from './outcomes';
import { Connectivity, PAUSE_KEY } from './connectivity';
import { Pacer } from './pacer';
import { pacedFetch } from './transport';
import { buildPayload, type ContactSource } from './payload';
import { claimDue, queueCounts, releaseClaims, renewClaim, type ClaimedItem } from './queue';
import { stateCounts } from './status';

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
}

export interface RunProgress {
  done: number;
  total: number;
  counts: SyncCounts;
}

export { PAUSE_KEY } from './connectivity';

/** The client's own timeout: only a backstop, the engine times each request from when it is sent. */
const CLIENT_BACKSTOP_MS = 24 * 60 * 60_000;
/** Tries of the batched lookup (a read, safe to repeat) before its items back off. */
const LOOKUP_TRIES = 3;

interface LoadedItem extends WorkItem {
  contact: ContactSource;
  mappingVersion: number;
  capDedup: boolean;
  dedupChecked: boolean;
  dedupCleared: boolean;
  createStarted: boolean;
  leaseUntil: number;
}

type Outcome = 'created' | 'linked' | 'failed' | 'retrying' | 'flagged' | 'released';

export class SyncEngine {
  readonly owner: string;
  private readonly options: Required<EngineOptions>;
  private readonly pacer: Pacer;
  private stopping = false;
  private readonly link: Connectivity;

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
    };
    this.pacer = new Pacer({ concurrency: this.options.concurrency, clock: ctx.clock });
    this.link = new Connectivity(ctx);
  }

  pausedReason(): string | null {
    return getMeta(this.ctx, PAUSE_KEY);
  }

  /** Stops claiming new work; items already claimed finish or are released. */
  stop(): void {
    this.stopping = true;
  }

  pacerStats() {
    return this.pacer.snapshot();
  }

  /**
   * Processes due items until none is due (or stop()). With `waitMs`, also waits for items in backoff
   * that come due within that time, and for Recruiterflow to come back when it is unreachable.
   * Throws not_connected without a connection.
   */
  async drain(opts: { waitMs?: number; onProgress?: (p: RunProgress) => void; sleep?: (ms: number) => Promise<void> } = {}): Promise<SyncCounts> {
    const ctx = this.ctx;
    // The per-request timeout runs in pacedFetch once the pacer lets the request go: time spent waiting
    // for a slot (or behind a Retry-After) must never count. The client's own clock is only a backstop.
    const connection = activeConnection(ctx, undefined, { fetch: this.pacedFetch(), timeoutMs: CLIENT_BACKSTOP_MS });
    if (!connection) throw new AppError('not_connected', 'Not connected to Recruiterflow: connect first (Settings, or `connect --base-url URL --api-key KEY`)');
    this.stopping = false;
    this.link.reset();
    reclaimOrphans(ctx);
    const client = connection.client;
    const counts: SyncCounts = { created: 0, linked: 0, jobsAssigned: 0, failed: 0, retrying: 0, pending: 0 };
    const deadline = ctx.clock.now() + (opts.waitMs ?? 0);
    const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    let done = 0;
    const startTotal = queueCounts(ctx);
    const total = startTotal.due + startTotal.backoff;
    // Batch loops side by side: while one waits for the slowest item of its batch (a timeout, a
    // Retry-After), the other keeps the pacer busy. Leases keep their claims apart.
    const loop = async () => {
      while (!this.stopping && this.pausedReason() === null) {
        if (this.link.offline) {
          const left = deadline - ctx.clock.now();
          if (left <= 0) break;
          await sleep(Math.min(this.options.offlineProbeMs, left));
          await this.link.recheck(client, connection.userId);
          continue;
        }
        const batch = claimDue(ctx, this.owner, this.options.batchSize, this.options.leaseMs);
        if (batch.length === 0) {
          const next = this.nextDueAt();
          if (next === null || next > deadline) break;
          await sleep(Math.max(10, next - ctx.clock.now()));
          continue;
        }
        const outcomes = await this.processBatch(client, connection.baseUrl, batch, counts);
        for (const outcome of outcomes) {
          if (outcome === 'created') counts.created += 1;
          else if (outcome === 'linked') counts.linked += 1;
          else if (outcome === 'failed') counts.failed += 1;
        }
        if (outcomes.some((o) => o === 'created' || o === 'linked' || o === 'flagged')) this.link.markReachable(connection.userId);
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
    const row = this.ctx.sqlite.prepare("select min(next_attempt_at) from sync_queue where state in ('pending', 'backoff')").pluck().get() as number | null;
    return row ?? null;
  }

  private pacedFetch(): typeof fetch {
    return pacedFetch(this.pacer, this.ctx.fetch, this.options.timeoutMs);
  }

  private load(items: ClaimedItem[]): LoadedItem[] {
    const stmt = statement(
      this.ctx.sqlite,
      `select e.email, e.cap_sync_as as syncAs, e.cap_job_id as jobId, e.user_id as userId, e.cap_mapping_version as mappingVersion,
              e.cap_dedup as capDedup, e.dedup_checked as dedupChecked, e.dedup_cleared as dedupCleared,
              e.create_started_at as createStartedAt, c.*
       from enrollments e join contacts c on c.id = e.contact_id where e.id = ?`,
    );
    return items.flatMap((item) => {
      const row = stmt.get(item.enrollmentId) as (ContactSource & Record<string, unknown>) | undefined;
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
        },
      ];
    });
  }

  private async processBatch(client: RecruiterflowClient, baseUrl: string, claimed: ClaimedItem[], counts: SyncCounts): Promise<Outcome[]> {
    const ctx = this.ctx;
    const items = this.load(claimed);
    // Items the loader could not find (removed meanwhile) leave the queue.
    const loadedIds = new Set(items.map((i) => i.queueId));
    for (const c of claimed) if (!loadedIds.has(c.id)) ctx.sqlite.prepare("update sync_queue set state = 'cancelled' where id = ?").run(c.id);
    const customFields = cachedCustomFields(ctx);
    const rulesCache = new Map<string, MappingRule[]>();
    const rules = (item: LoadedItem) => {
      const key = `${item.userId}:${item.mappingVersion}`;
      if (!rulesCache.has(key)) rulesCache.set(key, effectiveRules(rulesFor(ctx, item.userId, item.mappingVersion)));
      return rulesCache.get(key)!;
    };

    // Check before create: one batched lookup (candidates and contacts) for every email without a local link.
    const unlinked = [...new Set(items.filter((i) => !findLink(this.ctx, baseUrl, i.email)).map((i) => i.email))];
    let found = new Map<string, Prospect>();
    if (unlinked.length > 0) {
      try {
        found = await this.lookup(client, unlinked);
      } catch (error) {
        return this.failBatch(client, items, error, baseUrl);
      }
    }

    // Items of one email run one after another (the second reuses the first's link); emails run in parallel.
    const byEmail = new Map<string, LoadedItem[]>();
    for (const item of items) byEmail.set(item.email, [...(byEmail.get(item.email) ?? []), item]);
    const outcomes: Outcome[] = [];
    const groups = [...byEmail.values()];
    let cursor = 0;
    const worker = async () => {
      while (cursor < groups.length) {
        const group = groups[cursor++]!;
        for (const item of group) {
          if (this.stopping || this.link.offline || this.pausedReason() !== null) {
            releaseClaims(ctx, this.owner, [item.queueId]);
            outcomes.push('released');
            continue;
          }
          // The lease may have lapsed while the item waited its turn, and someone else may hold it now.
          if (!this.keep(item)) {
            outcomes.push('released');
            continue;
          }
          outcomes.push(await this.processItem(client, baseUrl, item, found.get(item.email) ?? null, rules(item), customFields, counts));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, groups.length) }, worker));
    return outcomes;
  }

  private async processItem(
    client: RecruiterflowClient,
    baseUrl: string,
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
      const local = findLink(this.ctx, baseUrl, item.email);
      let rfId: number;
      let rfType: SyncAs;
      let how: 'created' | 'linked';
      if (local) {
        if (needsReview && local.created === 0) {
          recordFlagged(ctx, item, local.id);
          return 'flagged';
        }
        rfId = local.id;
        rfType = local.type;
        // Our create went through on an earlier attempt that ended before the outcome was recorded.
        how = local.created === 1 && item.createStarted ? 'created' : 'linked';
      } else if (found) {
        if (needsReview) {
          recordFlagged(ctx, item, found.id);
          return 'flagged';
        }
        rfId = found.id;
        rfType = found.type;
        how = item.createStarted ? 'created' : 'linked';
        recordLink(ctx, baseUrl, item, rfId, rfType, item.createStarted);
      } else {
        const payload = buildPayload(item.contact, rules, item.syncAs, customFields);
        if (payload.problems.length > 0) {
          recordFailed(ctx, item, 'invalid_data', payload.problems.join('; '));
          return 'failed';
        }
        const made = await this.create(client, baseUrl, item, payload.body, needsReview);
        if (made === 'flagged') return 'flagged';
        ({ rfId, rfType, how } = made);
      }
      if (item.jobId !== null && rfType === 'candidate') {
        const assigned = statement(ctx.sqlite, 'select 1 from rf_job_assignments where base_url = ? and rf_id = ? and job_id = ?').get(baseUrl, rfId, item.jobId);
        if (!assigned) {
          // The create may have taken long (Retry-After waits): make sure the item is still ours.
          if (!this.keep(item)) return 'released';
          await this.withRateLimitRetries(() => client.addToJob(rfId, item.jobId!));
          recordJobAssigned(ctx, baseUrl, rfId, item.jobId);
          counts.jobsAssigned += 1;
        }
      } else if (item.jobId !== null && item.syncAs === 'candidate') {
        // Linked to an existing Recruiterflow contact: contacts are not assigned to jobs.
        logEvent(ctx, 'warn', 'sync.job_skipped', `${item.email} is a Recruiterflow contact (#${rfId}); contacts cannot be added to job #${item.jobId}`, item);
      }
      recordSynced(ctx, item, rfId, how);
      return how;
    } catch (error) {
      return this.recordError(client, item, error, baseUrl);
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
    baseUrl: string,
    item: LoadedItem,
    body: ProspectInput,
    needsReview: boolean,
  ): Promise<{ rfId: number; rfType: SyncAs; how: 'created' | 'linked' } | 'flagged'> {
    markCreateStarted(this.ctx, item);
    try {
      const rfId = await this.withRateLimitRetries(() => (item.syncAs === 'candidate' ? client.addCandidate(body) : client.addContact(body)));
      recordLink(this.ctx, baseUrl, item, rfId, item.syncAs, true);
      return { rfId, rfType: item.syncAs, how: 'created' };
    } catch (error) {
      // A 4xx answer means this create did not happen; with no earlier attempt, no record is ours.
      const refused = error instanceof RecruiterflowError && !error.retryable && error.kind !== 'bad_response';
      if (refused && !item.createStarted) clearCreateStarted(this.ctx, item);
      if (!(error instanceof RecruiterflowError) || error.kind !== 'conflict') throw error;
      const again = await this.withRateLimitRetries(() => client.findByEmails([item.email]));
      const existing = again.get(item.email);
      if (!existing) {
        // The conflict may be on the phone, or the index has not caught up: retry later, never create twice.
        throw new RecruiterflowError('server', `Recruiterflow reports a conflict (${error.message}) but the record is not found yet`, { status: 409 });
      }
      if (needsReview) {
        recordFlagged(this.ctx, item, existing.id);
        return 'flagged';
      }
      recordLink(this.ctx, baseUrl, item, existing.id, existing.type, item.createStarted);
      return { rfId: existing.id, rfType: existing.type, how: item.createStarted ? 'created' : 'linked' };
    }
  }

  /**
   * The batched check-before-create. It is a read, so a transient failure is retried here a couple of
   * times before every item of the batch has to back off (which would spend an attempt of each).
   */
  private async lookup(client: RecruiterflowClient, emails: string[]): Promise<Map<string, Prospect>> {
    for (let tried = 1; ; tried += 1) {
      try {
        return await this.withRateLimitRetries(() => client.findByEmails(emails));
      } catch (error) {
        const transient = error instanceof RecruiterflowError && (error.retryable || error.kind === 'bad_response');
        if (!transient || tried >= LOOKUP_TRIES || this.stopping) throw error;
        if (error.kind === 'network' && (await this.link.unreachable(client))) throw error;
        const delay = backoffDelay(this.options.backoff, tried, this.ctx.random, error.retryAfterMs);
        await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5_000)));
      }
    }
  }

  private async withRateLimitRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof RecruiterflowError) || error.kind !== 'rate_limited' || attempt >= this.options.rateLimitRetries) throw error;
        if (error.retryAfterMs !== null) await this.pacer.honourRetryAfter(error.retryAfterMs);
      }
    }
  }

  private async recordError(client: RecruiterflowClient, item: LoadedItem, error: unknown, baseUrl: string): Promise<Outcome> {
    const ctx = this.ctx;
    if (error instanceof RecruiterflowError) {
      if (error.kind === 'unauthorized') {
        this.link.pauseForKey(item.userId);
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
      recordFailed(ctx, item, error.kind, error.message);
      return 'failed';
    }
    const message = error instanceof Error ? error.message : String(error);
    logEvent(ctx, 'error', 'sync.internal', `Unexpected error at ${baseUrl}: ${message}`, item);
    return recordTransient(ctx, item, this.options.backoff, 'internal', message, null);
  }

  private async failBatch(client: RecruiterflowClient, items: LoadedItem[], error: unknown, baseUrl: string): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(await this.recordError(client, item, error, baseUrl));
    return outcomes;
  }
}
