// Paces every request to Recruiterflow: a concurrency limit plus an adaptive rate. Recruiterflow
// publishes no limit, so the pacer finds one, assuming the usual kind (at most L requests in any second):
// - slow start: it begins at 20/s and speeds up while the pace is what holds requests back;
// - a 429 while pushing (no limit known yet), one at the edge of the learned limit, or refusals in a
//   row: what it sent in the last second is the limit. It then paces just under it and never sends as
//   many within any one second (a sliding window), climbs back quickly after a dip, raises the estimate
//   when more than it gets through, and now and then probes above it: a real limit refuses the probe
//   (one 429) and is learned again; probes that keep going through come sooner and bigger;
// - a lone 429 while pacing under the learned limit cannot come from such a limit: it is a hiccup, and
//   the estimate may have come from one too. It is forgotten without slowing down, the pace is found
//   again, and from then on only refusals in a row teach a limit;
// - with no limit known, a lone 429 under little traffic says nothing, unless it recurs at the same
//   count (a low limit, hit second after second);
// - Retry-After: the refused request waits that long, and so does everyone else unless the pacer has
//   just slowed down because of it (see honourRetryAfter);
// - a burst of 5xx (3 in a row, or a quarter of the last second's answers) is an overloaded server: the
//   pace halves, at most once a second, and climbs back like after a 429.
// Measured (sync/pacer.test.ts and the sync suites): a 20/s limit costs about 2 429s in 210 requests at
// ~94% of the limit; random 429s on 2.5% of requests barely slow a 300-contact sync down.
import type { Clock } from '../backend/context';
import { MAX_RETRY_AFTER_MS } from '../recruiterflow/errors';
import { sleep } from './sleep';

export interface PacerOptions {
  concurrency: number;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Requests/second ceiling even when no 429 was seen (null = none). */
  maxRate?: number | null;
  /** Pace at the start, before anything is known (default 20/s). */
  startRate?: number;
}

export interface PacerStats {
  requests: number;
  rateLimited: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
  rate: number;
  /** Estimated hidden limit (requests/second), null until one was learned. */
  limit: number | null;
}

const WINDOW_MS = 1_000;
/** Share of the estimated limit the pacer climbs back to quickly. */
const SAFE_SHARE = 0.95;
/** Pace right after a limit is learned, as a share of it. */
const BACKOFF_SHARE = 0.9;
const CLIMB_EVERY_MS = 250;
/** The first probe above a learned limit comes this long after learning it. */
const PROBE_AFTER_MS = 4_000;
const MIN_RATE = 0.5;
/** Fewer requests than this in the last second: a lone 429 says nothing about our pace. */
const MIN_SAMPLE = 20;
/** This many 429s in a row mean the limit itself is being hit; a hiccup is a lone one. */
const RUN = 2;
/** A 429 at a pace above this share of the learned limit is the limit (arrival jitter), not a hiccup. */
const EDGE = 0.97;

export class Pacer {
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private rate: number;
  private limit: number | null = null;
  /** A 429 came while we paced under a learned limit: this server also refuses now and then at random. */
  private hiccups = false;
  /** Probes above the limit that went through since it was learned: each next one comes sooner and bigger. */
  private probes = 0;
  private nextProbeAt = 0;
  private nextSlot = 0;
  private blockedUntil = 0;
  private lastLimitAt = -Infinity;
  private lastLearnAt = -Infinity;
  private adaptedAt = -Infinity;
  /** The last time a request had to wait for the pace. */
  private pacedAt = -Infinity;
  private lastStepAt = 0;
  private readonly recentSent: number[] = [];
  private refusedInRow = 0;
  /** The last lone 429 seen with little traffic, and how many requests the second before it held. */
  private smallHit: { at: number; sent: number } | null = null;
  private readonly recentRefused: number[] = [];
  private readonly recentServerErrors: number[] = [];
  private serverErrorsInRow = 0;
  private lastServerSlowdownAt = -Infinity;
  private readonly stats = { requests: 0, rateLimited: 0, serverErrors: 0 };
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: PacerOptions) {
    this.rate = this.cap(options.startRate ?? 20);
    const injected = options.sleep;
    this.sleep = injected ? (ms) => injected(ms) : sleep;
  }

  /**
   * Runs one request within the limits and learns from its outcome. When `signal` aborts while the
   * request waits for its turn, it is not sent: the wait ends at once with the signal's reason.
   */
  async run<T>(send: () => Promise<T>, statusOf: (result: T) => number, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
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
    return { ...this.stats, rate: this.rate, limit: this.limit };
  }

  /** Nobody sends before `ms` from now (never more than the longest Retry-After honoured). */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.options.clock.now() + Math.min(ms, MAX_RETRY_AFTER_MS));
  }

  /**
   * A 429 said "not before `ms`": the refused request waits that long. Everyone else waits too, unless
   * the pacer has just slowed down because of it (a 429 under load, not a run of them): then the others
   * go on at the slower pace, which is what keeps a hidden limit busy but not exceeded.
   */
  async honourRetryAfter(ms: number, signal?: AbortSignal): Promise<void> {
    const justAdapted = this.options.clock.now() - this.adaptedAt < WINDOW_MS;
    if (!justAdapted || this.heavyRefusals()) this.blockFor(ms);
    await this.sleep(Math.min(ms, MAX_RETRY_AFTER_MS), signal);
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    // A freed slot is handed straight to the longest waiter, so nobody can slip in between.
    if (this.inFlight >= this.options.concurrency) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.inFlight += 1;
    // Checking the slot and reserving it happen with no await in between: concurrent callers line up.
    for (;;) {
      if (signal?.aborted) {
        this.release();
        throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      }
      const now = this.options.clock.now();
      const paced = Math.max(this.nextSlot, this.windowSlot(now));
      const slot = Math.max(now, this.blockedUntil, paced);
      if (slot <= now) break;
      // Held back by the pace itself (not by a Retry-After): the pace is the bottleneck.
      if (paced > now) this.pacedAt = now;
      await this.sleep(slot - now, signal);
    }
    const now = this.options.clock.now();
    this.nextSlot = Math.max(now, this.nextSlot) + 1000 / this.rate;
    this.recentSent.push(now);
    this.stats.requests += 1;
  }

  /**
   * Even spacing alone is not enough right after the pace drops (say from 25/s to 18/s): the last
   * second still holds more requests than the new pace allows, and a sliding-window limit refuses the
   * next ones. So no request goes while the last second already holds `rate` of them.
   */
  private windowSlot(now: number): number {
    while (this.recentSent.length > 0 && this.recentSent[0]! <= now - WINDOW_MS) this.recentSent.shift();
    const cap = Math.max(1, Math.floor(this.rate));
    return this.recentSent.length >= cap ? this.recentSent[this.recentSent.length - cap]! + WINDOW_MS : 0;
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.inFlight -= 1;
  }

  private observe(status: number): void {
    const now = this.options.clock.now();
    for (const list of [this.recentSent, this.recentRefused, this.recentServerErrors])
      while (list.length > 0 && list[0]! <= now - WINDOW_MS) list.shift();
    if (status >= 500) this.serverError(now);
    else if (status > 0) this.serverErrorsInRow = 0;
    if (status === 429) this.limited(now);
    else this.succeeded(now, status);
  }

  /** A burst of 5xx: the server is struggling, and more requests only make it worse. Slow down as for a 429. */
  private serverError(now: number): void {
    this.stats.serverErrors += 1;
    this.serverErrorsInRow += 1;
    this.recentServerErrors.push(now);
    const burst =
      this.serverErrorsInRow >= 3 ||
      (this.recentServerErrors.length >= 3 && this.recentServerErrors.length >= 0.25 * this.recentSent.length);
    if (!burst || now - this.lastServerSlowdownAt < WINDOW_MS) return;
    this.lastServerSlowdownAt = now;
    this.lastLimitAt = now; // no climbing for a second, as after a 429
    this.lastStepAt = now;
    this.rate = this.cap(Math.max(MIN_RATE, Math.min(this.rate, Math.max(1, this.recentSent.length)) / 2));
    this.adaptedAt = now;
  }

  private limited(now: number): void {
    this.stats.rateLimited += 1;
    this.refusedInRow += 1;
    this.recentRefused.push(now);
    this.lastLimitAt = now;
    this.lastStepAt = now;
    const sent = this.recentSent.length;
    const seen = Math.max(1, sent - 1); // what went through in the last second, this refused one aside
    // Refusals in a row (or a good share of the last second): the limit is being hit; follow it, down too.
    if (this.heavyRefusals()) return this.learn(now, seen);
    // No limit known and little traffic: a lone 429 says little about the pace (its Retry-After still
    // holds everyone), unless, before any hiccup was seen, it comes again at the same count: a low
    // limit, hit second after second.
    if (this.limit === null && sent < MIN_SAMPLE) {
      const again = this.smallHit !== null && now - this.smallHit.at < 3 * WINDOW_MS && Math.abs(sent - this.smallHit.sent) <= 1;
      this.smallHit = { at: now, sent };
      if (again && !this.hiccups) this.learn(now, seen);
      return;
    }
    if (this.limit !== null && this.rate >= EDGE * this.limit) {
      // At the edge of the learned limit (a probe, or a request arriving a little early): the limit
      // again. A lone one never lowers it (it may be a hiccup); refusals in a row would.
      return this.learn(now, Math.max(this.limit, seen));
    }
    if (this.limit === null) {
      // Before any hiccup was seen, a 429 while pushing (the pace held requests back) is the limit.
      const pushing = now - this.pacedAt < 2 * CLIMB_EVERY_MS;
      if (pushing && !this.hiccups) this.learn(now, seen);
      return;
    }
    // The 429s of the burst that taught us the limit (requests already in flight) are not news.
    if (now - this.lastLearnAt < WINDOW_MS) return;
    // Pacing under a limit we learned, a sliding-window limit cannot refuse us: this 429 is a hiccup,
    // and the limit may have been learned from one too. Forget it, without slowing down, and find the
    // pace again; from now on only refusals in a row prove a limit.
    this.limit = null;
    this.hiccups = true;
  }

  /** `ok` requests a second went through and no more would: pace just under that. */
  private learn(now: number, ok: number): void {
    if (this.heavyRefusals()) this.hiccups = false; // a real limit showed itself
    this.probes = 0;
    this.nextProbeAt = now + PROBE_AFTER_MS;
    this.limit = ok;
    this.rate = this.cap(Math.max(MIN_RATE, ok * BACKOFF_SHARE));
    this.adaptedAt = now;
    this.lastLearnAt = now;
  }

  /** Refusals in a row, or a good share of the last second: the limit itself is being hit. */
  private heavyRefusals(): boolean {
    const refused = this.recentRefused.length;
    return this.refusedInRow >= RUN || (refused >= 3 && refused >= 0.1 * this.recentSent.length);
  }

  private succeeded(now: number, status: number): void {
    if (status > 0) this.refusedInRow = 0;
    // More went through in a second than the estimate: the limit is at least that.
    if (this.limit !== null && this.recentSent.length > this.limit) this.limit = this.recentSent.length;
    if (now - this.lastLimitAt < WINDOW_MS || now - this.lastStepAt < CLIMB_EVERY_MS) return;
    // Only a pace that holds requests back is worth raising.
    const busy = now - this.pacedAt < 2 * CLIMB_EVERY_MS;
    if (this.limit === null) {
      if (busy) this.step(now, this.rate * 1.4); // slow start
      return;
    }
    const safe = this.limit * SAFE_SHARE;
    if (this.rate < safe) this.step(now, Math.min(safe, this.rate * 1.15 + 0.5));
    // Above it, probe now and then: a real limit refuses the probe and is learned again; when probes
    // keep going through (the limit was raised, or a hiccup taught it), they come sooner and bigger.
    else if (busy && now >= this.nextProbeAt) {
      this.step(now, Math.max(this.rate + 1, this.rate * (1 + 0.05 * 2 ** Math.min(this.probes, 4))));
      this.probes += 1;
      this.nextProbeAt = now + Math.max(CLIMB_EVERY_MS, PROBE_AFTER_MS / 2 ** this.probes);
    }
  }

  private step(now: number, rate: number): void {
    this.lastStepAt = now;
    this.rate = this.cap(rate);
  }

  private cap(rate: number): number {
    return Math.min(this.options.maxRate ?? Infinity, rate);
  }
}
