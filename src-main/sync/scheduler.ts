// Runs the engine in the long-lived hosts (desktop, browser mode): drains the queue when work arrives
// and on a timer, retries due items, refreshes the metadata cache, notices when Recruiterflow is
// unreachable and drains by itself when it comes back. Pauses, resumes and shuts down cleanly.
import type { SyncStatus } from '../../src-shared/contract';
import type { SyncCounts } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { activeConnection, connectionOf, setConnectionStatus } from '../domain/connection';
import { refreshMetadata } from '../domain/metadata';
import { getMeta, setMeta } from '../store/meta';
import { logEvent } from '../store/syncLog';
import { currentUserRow } from '../domain/users';
import { RecruiterflowError } from '../recruiterflow';
import { pauseForRefusedKey } from './connectivity';
import { PAUSE_KEY, SyncEngine, type EngineOptions } from './engine';
import { queueCounts, releaseClaims } from '../store/queue';
import { stateCounts } from './status';

export interface SchedulerOptions {
  tickMs?: number;
  metadataEveryMs?: number;
  engine?: EngineOptions;
}

/** A service that lives and dies with the scheduler (the mailbox watcher), and may act after each drain. */
export interface SchedulerCompanion {
  start(): void;
  stop(): Promise<void>;
  afterSync?(): Promise<void>;
}

export class Scheduler {
  readonly engine: SyncEngine;
  private timer: ReturnType<typeof setInterval> | null = null;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private current: Promise<SyncCounts> | null = null;
  private lastMetadataAt = 0;
  private readonly companions: SchedulerCompanion[] = [];
  private readonly tickMs: number;
  private readonly metadataEveryMs: number;

  constructor(
    private readonly ctx: Ctx,
    options: SchedulerOptions = {},
  ) {
    this.engine = new SyncEngine(ctx, options.engine);
    this.tickMs = options.tickMs ?? 15_000;
    this.metadataEveryMs = options.metadataEveryMs ?? 30 * 60_000;
  }

  attach(companion: SchedulerCompanion): void {
    this.companions.push(companion);
  }

  start(): void {
    if (this.timer) return;
    for (const companion of this.companions) companion.start();
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref?.();
    this.wake();
  }

  /** Something changed (new queue rows, a reconnect): drain soon, coalescing bursts of wake-ups. */
  wake(): void {
    if (!this.timer || this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      void this.tick();
    }, 100);
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Drains now (the "Sync now" button); joins a drain already under way, then runs once more. */
  async runNow(waitMs?: number): Promise<SyncCounts> {
    if (this.current) await this.current.catch(() => undefined);
    return this.drain(waitMs);
  }

  pause(): void {
    setMeta(this.ctx, PAUSE_KEY, 'user');
    this.engine.stop();
    logEvent(this.ctx, 'info', 'sync.paused', 'Sync paused by you');
    this.ctx.events.emit('queue:changed', { reason: 'paused' });
  }

  resume(): void {
    setMeta(this.ctx, PAUSE_KEY, null);
    logEvent(this.ctx, 'info', 'sync.resumed', 'Sync resumed');
    this.ctx.events.emit('queue:changed', { reason: 'resumed' });
    this.wake();
  }

  status(): SyncStatus {
    const user = currentUserRow(this.ctx);
    const connection = connectionOf(this.ctx, user.id);
    const q = queueCounts(this.ctx);
    const pausedReason = getMeta(this.ctx, PAUSE_KEY);
    return {
      connected: connection !== null,
      online: connection !== null && connection.status !== 'unreachable',
      paused: pausedReason !== null,
      pausedReason,
      running: this.running,
      states: stateCounts(this.ctx),
      queue: { due: q.due, backoff: q.backoff, review: q.review, held: q.held, inFlight: q.inFlight },
    };
  }

  /** Finishes the drain under way (in-flight items complete or are released), then stops. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.timer = null;
    this.wakeTimer = null;
    this.engine.stop();
    await Promise.all(this.companions.map((c) => c.stop().catch(() => undefined)));
    await this.current?.catch(() => undefined);
    releaseClaims(this.ctx, this.engine.owner);
  }

  private async tick(): Promise<void> {
    if (this.current || getMeta(this.ctx, PAUSE_KEY) !== null) return;
    const active = activeConnection(this.ctx);
    if (!active) return;
    const row = connectionOf(this.ctx, active.userId);
    if (row?.status !== 'connected') {
      // Offline or a refused key: one cheap call tells whether it is back.
      try {
        await active.client.ping();
        if (!this.timer) return; // stopped meanwhile: the database may be closing
        setConnectionStatus(this.ctx, active.userId, 'connected');
        logEvent(this.ctx, 'info', 'connection.back', 'Recruiterflow is reachable again; draining the queue');
      } catch (error) {
        if (isRefusedKey(error)) pauseForRefusedKey(this.ctx, active.userId, error);
        return;
      }
    }
    if (this.ctx.clock.now() - this.lastMetadataAt > this.metadataEveryMs) {
      this.lastMetadataAt = this.ctx.clock.now();
      const refused = await refreshMetadata(this.ctx).then(
        () => false,
        (error: Error) => {
          logEvent(this.ctx, 'warn', 'metadata.refresh', `Could not refresh jobs and fields: ${error.message}`);
          // A key that may not read jobs or fields (403) or is refused outright: syncing cannot go right either.
          if (!isRefusedKey(error)) return false;
          pauseForRefusedKey(this.ctx, active.userId, error);
          return true;
        },
      );
      if (refused) return;
    }
    if (queueCounts(this.ctx).due > 0) await this.drain().catch(() => undefined);
  }

  private async drain(waitMs?: number): Promise<SyncCounts> {
    const run = this.engine.drain({
      waitMs,
      onProgress: (p) => this.ctx.events.emit('sync:progress', { running: true, ...p }),
    });
    this.current = run;
    try {
      const counts = await run;
      for (const companion of this.companions) await companion.afterSync?.();
      this.ctx.events.emit('sync:progress', {
        running: false,
        done: counts.created + counts.linked + counts.failed,
        total: counts.created + counts.linked + counts.failed,
        counts,
      });
      return counts;
    } finally {
      this.current = null;
    }
  }
}

function isRefusedKey(error: unknown): boolean {
  return error instanceof RecruiterflowError && error.kind === 'unauthorized';
}
