// The pacer: Recruiterflow publishes no rate limit, so the engine finds it, stays just under it, and
// recovers its pace after a slowdown.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { people, syncBackend, type SyncTest } from '../testing/syncFixtures';
import { Pacer } from './pacer';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A clock that only moves when someone sleeps or a request "takes" time. */
function fakeTime() {
  let now = 0;
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('Pacer', () => {
  it('never runs more requests at once than its concurrency, even as slots are handed over', async () => {
    const pacer = new Pacer({ concurrency: 3, clock: { now: () => Date.now() }, startRate: Infinity });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        pacer.run(
          async () => {
            running += 1;
            most = Math.max(most, running);
            await new Promise((r) => setTimeout(r, 2 + (i % 4)));
            running -= 1;
            return 200;
          },
          (s) => s,
        ),
      ),
    );
    expect(most).toBe(3);
    expect(pacer.snapshot().requests).toBe(60);
  });

  it('Retry-After holds back every request until it passes', async () => {
    const time = fakeTime();
    const pacer = new Pacer({ concurrency: 2, clock: time.clock, sleep: time.sleep, startRate: 1_000 });
    pacer.blockFor(1_500);
    const startedAt: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.run(async () => (startedAt.push(time.clock.now()), 200), (s) => s)));
    expect(Math.min(...startedAt)).toBeGreaterThanOrEqual(1_500);
  });

  it('learns the limit from 429s in a row under load, and after a lone stray 429 dips only a little and climbs back', async () => {
    const time = fakeTime();
    const pacer = new Pacer({ concurrency: 1, clock: time.clock, sleep: time.sleep, startRate: 50 });
    const send = (status: number) => pacer.run(async () => (time.advance(1), status), (s) => s);
    for (let i = 0; i < 60; i++) await send(200); // a bit over one second at 50/s
    await send(429);
    await send(429);
    const learned = pacer.snapshot();
    expect(learned.limit).toBeGreaterThanOrEqual(45);
    expect(learned.rate).toBeCloseTo(0.9 * learned.limit!, 0);
    for (let i = 0; i < 200; i++) await send(200);
    const steady = pacer.snapshot().rate!;
    expect(steady).toBeGreaterThanOrEqual(0.94 * learned.limit!);
    await send(429); // a hiccup
    expect(pacer.snapshot().rate).toBeCloseTo(0.9 * steady, 0);
    for (let i = 0; i < 200; i++) await send(200);
    expect(pacer.snapshot().rate).toBeGreaterThanOrEqual(0.9 * learned.limit!);
  });

  it('once a hidden limit is learned, no second ever holds as many requests as that limit again', async () => {
    const time = fakeTime();
    const pacer = new Pacer({ concurrency: 4, clock: time.clock, sleep: time.sleep, startRate: 30 });
    const sentAt: number[] = [];
    const send = (status: number) => pacer.run(async () => (sentAt.push(time.clock.now()), time.advance(1), status), (s) => s);
    for (let i = 0; i < 40; i++) await send(200);
    await send(429);
    await send(429);
    const { limit } = pacer.snapshot();
    expect(limit).not.toBeNull();
    const from = sentAt.length;
    for (let i = 0; i < 100; i++) await send(200);
    const later = sentAt.slice(from);
    for (const t0 of later) expect(later.filter((t) => t > t0 - 1_000 && t <= t0).length).toBeLessThan(limit!);
  });

  it('a 429 with almost no traffic says nothing about the pace', async () => {
    const time = fakeTime();
    const pacer = new Pacer({ concurrency: 1, clock: time.clock, sleep: time.sleep, startRate: 10 });
    await pacer.run(async () => 429, (s) => s);
    expect(pacer.snapshot()).toMatchObject({ rate: 10, limit: null, rateLimited: 1 });
  });
});

describe('the engine under a hidden rate limit', () => {
  it('keeps 429s to at most 2% of requests and uses at least 85% of a 20 req/s limit', async () => {
    const n = 200;
    t = await syncBackend({ csv: contactsCsv(n), faults: { rateLimitPerSecond: 20 } });
    const seq = await t.call('sequences:create', { name: 'Big batch' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(n) });
    const before = t.sandbox.stats();
    const started = Date.now();
    const counts = await t.call('sync:run', { wait: 30 });
    const seconds = (Date.now() - started) / 1000;
    const after = t.sandbox.stats();
    const requests = after.requests - before.requests;
    const limited = (after.statuses['429'] ?? 0) - (before.statuses['429'] ?? 0);
    const ok = requests - limited;
    const pacer = t.backend.scheduler.engine.pacerStats();
    console.info(`pacer: ${requests} requests, ${limited} 429s (${((100 * limited) / requests).toFixed(1)}%), ${(ok / seconds).toFixed(1)} ok req/s over ${seconds.toFixed(1)} s; estimate ${pacer.limit?.toFixed(1)}/s, pace ${pacer.rate?.toFixed(1)}/s`);
    expect(counts).toMatchObject({ created: n, failed: 0, retrying: 0, pending: 0 });
    expect(limited / requests).toBeLessThanOrEqual(0.02);
    expect(ok / seconds).toBeGreaterThanOrEqual(0.85 * 20);
  }, 40_000);
});
