// The client against a hostile server (testing/hostileServer.ts), over real HTTP: a redirect is an
// error naming its Location and the key never reaches the other origin; a Retry-After of days is not
// obeyed; a huge or gzip-bomb answer is a server error read in bounded memory.
import { afterEach, describe, expect, it } from 'vitest';
import { startHostileServer, type Behaviour, type HostileServer } from '../testing/hostileServer';
import { rfFailure as failure } from '../testing/rfFailure';
import { createRecruiterflowClient } from './index';
import { MAX_RETRY_AFTER_MS } from './errors';

const KEY = 'hostile-test-key';
let servers: HostileServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
});

async function hostile(b: Behaviour): Promise<HostileServer> {
  const s = await startHostileServer(b);
  servers.push(s);
  return s;
}

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308] as const)(
    '%i: not followed, the other origin never sees the key, the error names the Location',
    async (status) => {
      const other = await hostile({ kind: 'json', body: { data: [] } });
      const rf = await hostile({ kind: 'redirect', to: other.url, status });
      const client = createRecruiterflowClient({ baseUrl: rf.url, apiKey: KEY });
      const e = await failure(client.listJobs());
      expect(e.kind).toBe('redirect');
      expect(e.retryable).toBe(false);
      expect(e.message).toContain(`Recruiterflow answered with a redirect to ${other.url}/api/external/job/list`);
      expect(e.message).toContain('check the base URL');
      await failure(client.addCandidate({ name: 'A B', email: [{ email: 'a@b.example', is_primary: 1 }] }));
      expect(other.requests).toEqual([]);
      expect(rf.requests.length).toBe(2);
    },
  );
});

describe('Retry-After', () => {
  it('up to 10 minutes is obeyed as given', async () => {
    const rf = await hostile({ kind: 'retryAfter', value: '600' });
    const e = await failure(createRecruiterflowClient({ baseUrl: rf.url, apiKey: KEY }).ping());
    expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 600_000 });
  });

  it.each([
    ['11.6 days', '999999'],
    ['3.2 years', '99999999'],
  ])('%s is not obeyed: a transient server failure, retried in 10 minutes, with the time asked shown', async (shown, value) => {
    const rf = await hostile({ kind: 'retryAfter', value });
    const e = await failure(createRecruiterflowClient({ baseUrl: rf.url, apiKey: KEY }).ping());
    expect(e).toMatchObject({ kind: 'server', retryable: true, retryAfterMs: MAX_RETRY_AFTER_MS, status: 429 });
    expect(e.message).toContain(`Retry-After of ${shown}, longer than the 10 minutes Flowbridge waits`);
  });
});

describe('answer size', () => {
  it.each<[string, Behaviour]>([
    ['a 1.5 GB JSON answer', { kind: 'hugeJson', bytes: 1.5e9 }],
    ['a gzip bomb of 1 GB', { kind: 'gzipBomb', bytes: 1e9 }],
  ])('%s is a server error, read no further than the 20 MB cap', async (_name, behaviour) => {
    const rf = await hostile(behaviour);
    const before = process.memoryUsage().rss;
    const e = await failure(createRecruiterflowClient({ baseUrl: rf.url, apiKey: KEY }).listJobs());
    expect(e).toMatchObject({ kind: 'server', retryable: true, status: 200 });
    expect(e.message).toContain('with more than 20 MB; treated as a server error');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
