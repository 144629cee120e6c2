// Property: every channel of the contract, fed malformed input (random values, wrong types, huge
// strings, missing and extra fields, prototype-pollution keys), answers with a Result: a typed error
// (never `internal`) that leaves the database exactly as it was, or a success for input that happens to
// be valid. It never throws. Recruiterflow is unreachable here (an injected fetch that always fails), so
// nothing leaves the machine.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src-shared/contract';
import { ERROR_CODES, type Result } from '../../src-shared/result';
import { assertPrototypesClean, channelInput, knownWords, PROTO_KEYS, snapshotDb } from '../testing/badInput';
import { openTestBackend, type TestBackend } from '../testing/fixtures';

const RUNS_PER_CHANNEL = Number(process.env.FUZZ_RUNS ?? 80);
const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed (offline in this test)'));

export const channelTally = { calls: 0, failures: 0, successes: 0 };

describe('every IPC channel under malformed input', () => {
  let t: TestBackend;
  let words: string[];

  beforeAll(async () => {
    t = openTestBackend({ fetch: offline });
    const emails = ['ann@x.co', 'ben@x.co', 'cy@x.co'];
    await t.call('contacts:import', {
      csv: `email,first_name,Seniority,__proto__,toString\n${emails.map((e, i) => `${e},N${i},Senior,p${i},t${i}`).join('\n')}`,
    });
    const seq = await t.call('sequences:create', { name: 'Fuzzed' });
    await t.call('sequences:add', { sequenceId: seq.id, emails });
    await t.call('users:add', { email: 'mia@x.co', name: 'Mia', role: 'member' });
    words = knownWords([...emails, 'mia@x.co']);
  });
  afterAll(async () => {
    await t?.close();
    process.stdout.write(
      `bad input, channels: ${channelTally.calls} calls over ${CHANNELS.length} channels, ${channelTally.failures} typed errors, ${channelTally.successes} valid by chance, 0 internal\n`,
    );
  });

  async function check(channel: string, input: unknown): Promise<void> {
    const before = snapshotDb(t.backend.ctx.sqlite);
    let result: Result<unknown>;
    try {
      result = await t.backend.invoke(channel, input);
    } catch (error) {
      throw new Error(`${channel} threw ${(error as Error).stack}`, { cause: error });
    }
    channelTally.calls += 1;
    expect(typeof result.ok).toBe('boolean');
    if (result.ok) {
      channelTally.successes += 1;
      // What goes back over IPC / HTTP must serialise.
      expect(() => JSON.stringify(result)).not.toThrow();
    } else {
      channelTally.failures += 1;
      expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
      expect(ERROR_CODES).toContain(result.error.code);
      expect(result.error.code, `${channel} ${result.error.message}`).not.toBe('internal');
      expect(typeof result.error.message).toBe('string');
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(result.error.message.length).toBeLessThan(2_000);
      expect(snapshotDb(t.backend.ctx.sqlite), `${channel} failed (${result.error.code}) but changed the database`).toBe(before);
    }
    assertPrototypesClean();
  }

  it.each(CHANNELS.map((c) => [c]))('%s', async (channel: Channel) => {
    await fc.assert(
      fc.asyncProperty(channelInput(channel, words), (input) => check(channel, input)),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it('mapping:preview takes every mapping source to every target: own columns only, never internal', async () => {
    const catalog = await t.call('mapping:catalog', {});
    const ann = await t.call('contacts:get', { email: 'ann@x.co' });
    const sources = fc.oneof(
      fc.constantFrom(...PROTO_KEYS, ...catalog.sources.map((s) => s.name), 'extra', 'id', 'user_id', 'created_at', 'syncAs', 'fields'),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(sources, fc.constantFrom(...catalog.targets.map((x) => x.target)), async (source, target) => {
        const rules = [{ source, target }];
        for (const input of [
          { email: 'ann@x.co', rules },
          { email: 'ann@x.co', rules: [{ source, target: 'title' }] },
        ]) {
          const result = await t.backend.invoke('mapping:preview', input);
          channelTally.calls += 1;
          if (!result.ok) {
            expect(result.error.code, result.error.message).toBe('invalid_input');
            continue;
          }
          if (input.rules[0]!.target !== 'title' || source.trim() !== source) continue;
          // The title is the contact's own value for the source, or absent: never an inherited member.
          // (contact.fields holds the standard fields and the CSV's extra columns, as own keys.)
          const own = Object.hasOwn(ann.fields, source) ? ann.fields[source] : undefined;
          const payload = (result.value as { payload: Record<string, unknown> }).payload;
          const expected = own === undefined || own.trim() === '' ? undefined : own.trim();
          expect(Object.hasOwn(payload, 'title') ? payload.title : undefined, source).toBe(expected);
        }
        assertPrototypesClean();
      }),
      { numRuns: RUNS_PER_CHANNEL * 3 },
    );
  });

  it('unknown, inherited and odd channel names are not_found', async () => {
    const names = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...PROTO_KEYS, 'fs:readFile', 'app:info ', 'APP:INFO', 'app:info\u0000', 'sequences:list/..', ''),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.anything(), async (name, input) => {
        if ((CHANNELS as readonly string[]).includes(name)) return;
        const result = await t.backend.invoke(name, input);
        channelTally.calls += 1;
        channelTally.failures += 1;
        expect(result).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Unknown channel') } });
      }),
      { numRuns: 200 },
    );
  });
});
