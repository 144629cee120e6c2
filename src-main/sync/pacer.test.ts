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
    await Promise.all(
      [1, 2, 3].map(() =>
        pacer.run(
          async () => (startedAt.push(time.clock.now()), 200),
          (s) => s,
        ),
      ),
    );
    expect(Math.min(...startedAt)).toBeGreaterThanOrEqual(1_500);
  });

  /** A pacer on a fake clock, one request at a time, each taking 1 ms: the pace is always what binds. */
  function pushingPacer(startRate: number) {
    const time = fakeTime();
    const pacer = new Pacer({ concurrency: 1, clock: time.clock, sleep: time.sleep, startRate });
    const sentAt: number[] = [];
    const send = (status: number) =>
      pacer.run(
        async () => (sentAt.push(time.clock.now()), time.advance(1), status),
        (s) => s,
      );
    const many = async (n: number, status = 200) => {
      for (let i = 0; i < n; i++) await send(status);
    };
    return { time, pacer, send, many, sentAt };
  }

  it('a 429 while pushing teaches the limit; after that no second ever holds that many requests', async () => {
    const { pacer, send, many, sentAt } = pushingPacer(50);
    await many(60); // a bit over a second at 50/s
    await send(429);
    const { limit, rate } = pacer.snapshot();
    expect(limit).toBeGreaterThanOrEqual(45);
    expect(rate).toBeCloseTo(0.9 * limit!, 0);
    const from = sentAt.length;
    await many(150);
    const later = sentAt.slice(from);
    for (const t0 of later) expect(later.filter((t) => t > t0 - 1_000 && t <= t0).length).toBeLessThan(limit!);
    expect(pacer.snapshot().rate).toBeGreaterThanOrEqual(0.94 * limit!);
  });

  it('a lone 429 well under the learned limit is a hiccup: the estimate is dropped and the pace kept', async () => {
    const { pacer, send, many } = pushingPacer(50);
    await many(60);
    await send(429);
    await many(100);
    const before = pacer.snapshot();
    await send(429);
    expect(pacer.snapshot()).toMatchObject({ limit: null, rate: before.rate });
    // With the estimate gone the pacer finds its pace again: it speeds up while the pace binds.
    await many(100);
    expect(pacer.snapshot().rate).toBeGreaterThan(before.rate);
  });

  it('refusals in a row mean the limit fell: the estimate follows it down at once', async () => {
    const { pacer, send, many, time } = pushingPacer(50);
    await many(60);
    await send(429);
    const learned = pacer.snapshot().limit!;
    await many(40);
    time.advance(1_000); // a quiet second, then only a few requests get through before refusals
    await many(10);
    await send(429);
    await send(429);
    expect(pacer.snapshot().limit).toBeLessThan(learned / 2);
  });

  it('with little traffic a lone 429 says nothing, but the same count refused second after second is a low limit', async () => {
    const { pacer, send, many, time } = pushingPacer(10);
    await many(5);
    const { rate } = pacer.snapshot();
    await send(429);
    expect(pacer.snapshot()).toMatchObject({ rate, limit: null, rateLimited: 1 });
    time.advance(1_000);
    await many(5);
    await send(429);
    expect(pacer.snapshot().limit).toBe(5);
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
    console.info(
      `pacer: ${requests} requests, ${limited} 429s (${((100 * limited) / requests).toFixed(1)}%), ${(ok / seconds).toFixed(1)} ok req/s over ${seconds.toFixed(1)} s; estimate ${pacer.limit?.toFixed(1)}/s, pace ${pacer.rate?.toFixed(1)}/s`,
    );
    expect(counts).toMatchObject({ created: n, failed: 0, retrying: 0, pending: 0 });
    expect(limited / requests).toBeLessThanOrEqual(0.02);
    expect(ok / seconds).toBeGreaterThanOrEqual(0.85 * 20);
  }, 40_000);
});
