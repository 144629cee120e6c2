// Issue 14 under faults: candidates moved to a stage through 5xx, 429s, drops, and a Recruiterflow that
// moves the candidate but answers too late for the client (the answer is lost). Every candidate ends in
// its stage, and no candidate is ever moved twice.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsCsv } from '../testing/fixtures';
import { people, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const N = 60;
const JOB = 101;

function movesPerCandidate(t: SyncTest): Map<number, number> {
  const per = new Map<number, number>();
  for (const m of t.sandbox.state.stageMoves) per.set(m.id, (per.get(m.id) ?? 0) + 1);
  return per;
}

describe('stages under faults', () => {
  it(`${N} candidates moved to their stage, then to the reply stage, through faults and lost answers: each move made once`, async () => {
    t = await syncBackend({
      csv: contactsCsv(N),
      engine: { timeoutMs: 300, backoff: { baseMs: 20, capMs: 250, maxAttempts: 40 }, offlineProbeMs: 50, createSettleMs: 500 },
    });
    const seq = await t.call('sequences:create', { name: 'Stormy stages', jobId: JOB });
    await t.call('stages:setSequence', { id: seq.id, stage: 'Phone Screen', replyStage: 'Offer' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(N) });
    const faults = {
      latencyMs: 2,
      errorRate: 0.1,
      errorStatuses: [500, 502, 503, 429],
      retryAfterSeconds: null,
      dropRate: 0.03,
      // Every move is made, and its answer comes after the client has given up on it.
      moveAnswerDelayMs: 600,
    };
    t.sandbox.setFaults(faults);
    expect(await t.call('sync:run', { wait: 60 })).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    for (const email of people(N)) expect(t.sandbox.state.findByEmail(email)?.jobs[0]?.stage_name).toBe('Phone Screen');
    expect([...movesPerCandidate(t).values()].every((n) => n === 1)).toBe(true);
    expect(t.sandbox.state.stageMoves).toHaveLength(N);

    t.sandbox.setFaults({});
    for (const email of people(N)) await t.call('replies:record', { email });
    t.sandbox.setFaults(faults);
    expect(await t.call('sync:run', { wait: 60 })).toMatchObject({ failed: 0, retrying: 0, pending: 0 });
    for (const email of people(N)) expect(t.sandbox.state.findByEmail(email)?.jobs[0]?.stage_name).toBe('Offer');
    expect([...movesPerCandidate(t).values()].every((n) => n === 2)).toBe(true);
    const timedOut = t.backend.ctx.sqlite
      .prepare("select count(*) from sync_log where event = 'sync.retrying' and message like '%timed out%'")
      .pluck()
      .get() as number;
    console.info(
      `stage faults: ${t.sandbox.stats().requests} requests; ${t.sandbox.state.stageMoves.length} moves for ${N} candidates x 2; ${timedOut} timeouts`,
    );
    expect(timedOut).toBeGreaterThan(0); // the lost answers really happened
  }, 60_000);
});
