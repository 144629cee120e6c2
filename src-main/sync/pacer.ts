// Paces every request to Recruiterflow: a concurrency limit plus an adaptive rate. Recruiterflow
// publishes no limit, so the pacer starts unthrottled, drops to just under the rate that was getting
// through when it sees a 429, honours Retry-After for everyone, and creeps back up while all is well.
import type { Clock } from '../backend/context';

export interface PacerOptions {
  concurrency: number;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Requests/second ceiling even when no 429 was seen (null = none). */
  maxRate?: number | null;
}

export interface PacerStats {
  requests: number;
  rateLimited: number;
  rate: number | null;
}

const WINDOW_MS = 1_000;
const PROBE_EVERY_MS = 2_000;

export class Pacer {
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private rate: number | null;
  private nextSlot = 0;
  private blockedUntil = 0;
  private lastLimitAt = 0;
  private lastProbeAt = 0;
  private readonly recentOk: number[] = [];
  private readonly stats = { requests: 0, rateLimited: 0 };
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PacerOptions) {
    this.rate = options.maxRate ?? null;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs one request within the limits and learns from its outcome. */
  async run<T>(send: () => Promise<T>, statusOf: (result: T) => number): Promise<T> {
    await this.acquire();
    try {
      const result = await send();
      this.observe(statusOf(result));
      return result;
    } catch (error) {
      this.observe(0);
      throw error;
    } finally {
      this.release();
    }
  }

  snapshot(): PacerStats {
    return { ...this.stats, rate: this.rate };
  }

  private async acquire(): Promise<void> {
    if (this.inFlight >= this.options.concurrency) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.inFlight += 1;
    for (;;) {
      const now = this.options.clock.now();
      const slot = Math.max(now, this.blockedUntil, this.rate ? this.nextSlot : now);
      if (slot <= now) break;
      await this.sleep(slot - now);
    }
    const now = this.options.clock.now();
    if (this.rate) this.nextSlot = Math.max(now, this.nextSlot) + 1000 / this.rate;
    this.stats.requests += 1;
  }

  private release(): void {
    this.inFlight -= 1;
    this.waiters.shift()?.();
  }

  private observe(status: number): void {
    const now = this.options.clock.now();
    while (this.recentOk.length > 0 && this.recentOk[0]! < now - WINDOW_MS) this.recentOk.shift();
    if (status === 429) {
      this.stats.rateLimited += 1;
      // What got through in the last second is the best estimate of the hidden limit.
      const measured = Math.max(1, this.recentOk.length);
      const target = measured * 0.9;
      if (now - this.lastLimitAt > WINDOW_MS || this.rate === null || target < this.rate) this.rate = target;
      this.lastLimitAt = now;
      this.lastProbeAt = now;
      return;
    }
    if (status > 0 && status < 500) this.recentOk.push(now);
    if (this.rate !== null && now - this.lastProbeAt >= PROBE_EVERY_MS && now - this.lastLimitAt >= PROBE_EVERY_MS) {
      this.lastProbeAt = now;
      const ceiling = this.options.maxRate ?? Infinity;
      this.rate = Math.min(ceiling, this.rate * 1.05 + 0.2);
    }
  }

  /** A Retry-After applies to the whole account: nobody sends before it passes. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.options.clock.now() + ms);
  }
}
