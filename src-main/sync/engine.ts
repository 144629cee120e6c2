// The sync engine: claims due queue items, checks Recruiterflow before every create, creates or links,
// assigns jobs, and records each outcome. HTTP never runs inside a transaction.
import { hostname } from 'node:os';
import type { CustomFieldDef, MappingRule, SyncCounts } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { activeConnection, setConnectionStatus } from '../domain/connection';
import { cachedCustomFields } from '../domain/metadata';
import { effectiveRules, rulesFor } from '../domain/mapping';
import { getMeta, setMeta } from '../domain/meta';
import { logEvent } from '../domain/syncLog';
import { RecruiterflowError, type Prospect, type RecruiterflowClient } from '../recruiterflow';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import {
  markCreateStarted,
  recordFailed,
  recordFlagged,
  recordJobAssigned,
  recordLink,
  recordSynced,
  recordTransient,
  type WorkItem,
} from './outcomes';
import { Pacer } from './pacer';
import { buildPayload, type ContactSource } from './payload';
import { claimDue, queueCounts, releaseClaims } from './queue';

export interface EngineOptions {
  concurrency?: number;
  batchSize?: number;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  /** In-process retries of a 429 before the item itself backs off. */
  rateLimitRetries?: number;
}

export interface RunProgress {
  done: number;
  total: number;
  counts: SyncCounts;
}

export const PAUSE_KEY = 'sync.pausedReason';

interface LoadedItem extends WorkItem {
  contact: ContactSource;
  mappingVersion: number;
  capDedup: boolean;
  dedupChecked: boolean;
  dedupCleared: boolean;
  createStarted: boolean;
}

type Outcome = 'created' | 'linked' | 'failed' | 'retrying' | 'flagged' | 'released';

/** One process's identity in leases: host and pid let a restart reclaim the leases of a dead process. */
export function leaseOwnerId(random: () => number): string {
  return `${hostname()}:${process.pid}:${Math.floor(random() * 1e9).toString(36)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Items leased by a process of this machine that no longer exists are due again at once. */
export function reclaimOrphans(ctx: Ctx): number {
  const rows = ctx.sqlite.prepare("select distinct lease_owner as owner from sync_queue where state = 'in_flight' and lease_owner is not null").all() as { owner: string }[];
  const host = hostname();
  let reclaimed = 0;
  for (const { owner } of rows) {
    const [ownerHost, pid] = owner.split(':');
    if (ownerHost === host && pid !== undefined && !isAlive(Number(pid))) reclaimed += releaseClaims(ctx, owner);
  }
  return reclaimed;
}

export class SyncEngine {
  readonly owner: string;
  private readonly options: Required<EngineOptions>;
  private pacer: Pacer;
  private stopping = false;

  constructor(
    private readonly ctx: Ctx,
    options: EngineOptions = {},
  ) {
    this.owner = leaseOwnerId(ctx.random);
    this.options = {
      concurrency: options.concurrency ?? 4,
      batchSize: options.batchSize ?? 50,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      timeoutMs: options.timeoutMs ?? 15_000,
      rateLimitRetries: options.rateLimitRetries ?? 3,
    };
    this.pacer = new Pacer({ concurrency: this.options.concurrency, clock: ctx.clock });
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
   * that come due within that time. Throws not_connected without a connection.
   */
  async drain(opts: { waitMs?: number; onProgress?: (p: RunProgress) => void; sleep?: (ms: number) => Promise<void> } = {}): Promise<SyncCounts> {
    const ctx = this.ctx;
    const connection = activeConnection(ctx, undefined, { fetch: this.pacedFetch(), timeoutMs: this.options.timeoutMs });
    if (!connection) throw new AppError('not_connected', 'Not connected to Recruiterflow: connect first (Settings, or `connect --base-url URL --api-key KEY`)');
    this.stopping = false;
    reclaimOrphans(ctx);
    const client = connection.client;
    const counts: SyncCounts = { created: 0, linked: 0, jobsAssigned: 0, failed: 0, retrying: 0, pending: 0 };
    const deadline = ctx.clock.now() + (opts.waitMs ?? 0);
    const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    let done = 0;
    const startTotal = queueCounts(ctx);
    const total = startTotal.due + startTotal.backoff;
    while (!this.stopping && this.pausedReason() === null) {
      const batch = claimDue(ctx, this.owner, this.options.batchSize, this.options.leaseMs);
      if (batch.length === 0) {
        const next = this.nextDueAt();
        if (next === null || next > deadline) break;
        await sleep(Math.max(10, next - ctx.clock.now()));
        continue;
      }
      const outcomes = await this.processBatch(client, connection.baseUrl, batch.map((b) => ({ queueId: b.id, enrollmentId: b.enrollmentId, attempts: b.attempts })), counts);
      for (const outcome of outcomes) {
        if (outcome === 'created') counts.created += 1;
        else if (outcome === 'linked') counts.linked += 1;
        else if (outcome === 'failed') counts.failed += 1;
      }
      done += outcomes.filter((o) => o !== 'released').length;
      ctx.events.emit('queue:changed', { reason: 'sync' });
      ctx.events.emit('data:changed', { what: 'sequences' });
      opts.onProgress?.({ done, total: Math.max(total, done), counts: { ...counts } });
      if (outcomes.includes('released')) break;
    }
    const left = queueCounts(ctx);
    counts.retrying = (ctx.sqlite.prepare("select count(*) from enrollments where state = 'retrying'").pluck().get() as number) ?? 0;
    counts.pending = left.pending;
    return counts;
  }

  private nextDueAt(): number | null {
    const row = this.ctx.sqlite.prepare("select min(next_attempt_at) from sync_queue where state in ('pending', 'backoff')").pluck().get() as number | null;
    return row ?? null;
  }

  private pacedFetch(): typeof fetch {
    const base = this.ctx.fetch;
    return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
      this.pacer.run(() => base(input, init), (res) => res.status)) as typeof fetch;
  }

  private load(items: WorkItem[] | { queueId: number; enrollmentId: number; attempts: number }[]): LoadedItem[] {
    const stmt = this.ctx.sqlite.prepare(
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
          queueId: item.queueId,
          enrollmentId: item.enrollmentId,
          attempts: item.attempts,
          email: String(row.email),
          syncAs: row.syncAs as 'candidate' | 'contact',
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

  private async processBatch(
    client: RecruiterflowClient,
    baseUrl: string,
    claimed: { queueId: number; enrollmentId: number; attempts: number }[],
    counts: SyncCounts,
  ): Promise<Outcome[]> {
    const ctx = this.ctx;
    const items = this.load(claimed);
    const customFields = cachedCustomFields(ctx);
    const rulesCache = new Map<string, MappingRule[]>();
    const rules = (item: LoadedItem) => {
      const key = `${item.userId}:${item.mappingVersion}`;
      if (!rulesCache.has(key)) rulesCache.set(key, effectiveRules(rulesFor(ctx, item.userId, item.mappingVersion)));
      return rulesCache.get(key)!;
    };

    // Check before create: one batched lookup for every email without a local link.
    const linkOf = ctx.sqlite.prepare('select rf_id as id, rf_type as type from rf_links where base_url = ? and email = ?');
    const unlinked = [...new Set(items.filter((i) => !linkOf.get(baseUrl, i.email)).map((i) => i.email))];
    let found = new Map<string, Prospect>();
    if (unlinked.length > 0) {
      try {
        found = await this.withRateLimitRetries(() => client.findByEmails(unlinked));
      } catch (error) {
        return this.failBatch(items, error, baseUrl);
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
          if (this.pausedReason() !== null) {
            releaseClaims(ctx, this.owner, [item.queueId]);
            outcomes.push('released');
            continue;
          }
          outcomes.push(await this.processItem(client, baseUrl, item, found.get(item.email) ?? null, rules(item), customFields, counts));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, groups.length) }, worker));
    // Items the loader could not find (removed meanwhile) leave the queue.
    const loadedIds = new Set(items.map((i) => i.queueId));
    for (const c of claimed) if (!loadedIds.has(c.queueId)) ctx.sqlite.prepare("update sync_queue set state = 'cancelled' where id = ?").run(c.queueId);
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
    const payload = buildPayload(item.contact, rules, item.syncAs, customFields);
    try {
      const local = ctx.sqlite.prepare('select rf_id as id, rf_type as type from rf_links where base_url = ? and email = ?').get(baseUrl, item.email) as
        | { id: number; type: 'candidate' | 'contact' }
        | undefined;
      let rfId: number;
      let how: 'created' | 'linked';
      if (local) {
        rfId = local.id;
        how = 'linked';
      } else if (found) {
        // Dedup on, and the add-time check could not run: the recruiter decides, unless the record is ours.
        if (item.capDedup && !item.dedupChecked && !item.dedupCleared && !item.createStarted) {
          recordFlagged(ctx, item, found.id);
          return 'flagged';
        }
        rfId = found.id;
        how = item.createStarted ? 'created' : 'linked';
        recordLink(ctx, baseUrl, item, rfId, found.type, item.createStarted);
      } else {
        if (payload.problems.length > 0) {
          recordFailed(ctx, item, 'invalid_data', payload.problems.join('; '));
          return 'failed';
        }
        ({ rfId, how } = await this.create(client, baseUrl, item, payload.body));
      }
      if (item.syncAs === 'candidate' && item.jobId !== null) {
        const assigned = ctx.sqlite.prepare('select 1 from rf_job_assignments where base_url = ? and rf_id = ? and job_id = ?').get(baseUrl, rfId, item.jobId);
        if (!assigned) {
          await this.withRateLimitRetries(() => client.addToJob(rfId, item.jobId!));
          recordJobAssigned(ctx, baseUrl, rfId, item.jobId);
          counts.jobsAssigned += 1;
        }
      }
      recordSynced(ctx, item, rfId, how);
      return how;
    } catch (error) {
      return this.recordError(item, error, baseUrl);
    }
  }

  /** Creates the record; a 409 means it exists after all (e.g. a lagging search index): look up and link. */
  private async create(client: RecruiterflowClient, baseUrl: string, item: LoadedItem, body: Parameters<RecruiterflowClient['addCandidate']>[0]): Promise<{ rfId: number; how: 'created' | 'linked' }> {
    markCreateStarted(this.ctx, item);
    try {
      const rfId = await this.withRateLimitRetries(() => (item.syncAs === 'candidate' ? client.addCandidate(body) : client.addContact(body)));
      recordLink(this.ctx, baseUrl, item, rfId, item.syncAs, true);
      return { rfId, how: 'created' };
    } catch (error) {
      if (!(error instanceof RecruiterflowError) || error.kind !== 'conflict') throw error;
      const again = await this.withRateLimitRetries(() => client.findByEmails([item.email]));
      const existing = again.get(item.email);
      if (!existing) {
        // The conflict may be on the phone, or the index has not caught up: retry later, never create twice.
        throw new RecruiterflowError('server', `Recruiterflow reports a conflict (${error.message}) but the record is not found yet`, { status: 409 });
      }
      recordLink(this.ctx, baseUrl, item, existing.id, existing.type, item.createStarted);
      return { rfId: existing.id, how: item.createStarted ? 'created' : 'linked' };
    }
  }

  private async withRateLimitRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof RecruiterflowError) || error.kind !== 'rate_limited' || attempt >= this.options.rateLimitRetries) throw error;
        if (error.retryAfterMs !== null) this.pacer.blockFor(error.retryAfterMs);
      }
    }
  }

  private recordError(item: LoadedItem, error: unknown, baseUrl: string): Outcome {
    const ctx = this.ctx;
    if (error instanceof RecruiterflowError) {
      if (error.kind === 'unauthorized') {
        this.pauseForKey(item.userId);
        releaseClaims(ctx, this.owner, [item.queueId]);
        return 'released';
      }
      if (error.retryable) {
        if (error.kind === 'network') setConnectionStatus(ctx, item.userId, 'unreachable');
        return recordTransient(ctx, item, this.options.backoff, error.kind, error.message, error.retryAfterMs);
      }
      recordFailed(ctx, item, error.kind, error.message);
      return 'failed';
    }
    const message = error instanceof Error ? error.message : String(error);
    logEvent(ctx, 'error', 'sync.internal', `Unexpected error at ${baseUrl}: ${message}`, item);
    return recordTransient(ctx, item, this.options.backoff, 'internal', message, null);
  }

  private failBatch(items: LoadedItem[], error: unknown, baseUrl: string): Outcome[] {
    return items.map((item) => this.recordError(item, error, baseUrl));
  }

  /** An invalid key stops the whole queue until the recruiter reconnects. */
  private pauseForKey(userId: number): void {
    const ctx = this.ctx;
    if (getMeta(ctx, PAUSE_KEY) === 'invalid_key') return;
    setMeta(ctx, PAUSE_KEY, 'invalid_key');
    setConnectionStatus(ctx, userId, 'invalid_key');
    logEvent(ctx, 'error', 'sync.paused', 'Recruiterflow refused the API key; the queue is paused until you reconnect');
    ctx.events.emit('notify', { level: 'error', title: 'Sync paused', message: 'Recruiterflow refused the API key. Reconnect in Settings to resume syncing.' });
  }
}
