// Every failure class, produced by the sandbox over real HTTP (plus a closed port).
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { sharedSandbox } from '../testing/sharedSandbox';
import { rfFailure as failure } from '../testing/rfFailure';
import { createRecruiterflowClient, parseRetryAfter, type RecruiterflowClientOptions } from './index';

let sb: Sandbox;
sharedSandbox((s) => (sb = s));

const client = (o: Partial<RecruiterflowClientOptions> = {}) => createRecruiterflowClient({ baseUrl: sb.url, apiKey: sb.apiKey, ...o });

describe('unauthorized', () => {
  it('no key: 400 "Please supply an API key"', async () => {
    const e = await failure(client({ apiKey: '' }).ping());
    expect(e).toMatchObject({ kind: 'unauthorized', status: 400, retryable: false, serverMessage: 'Please supply an API key' });
  });

  it('wrong key: 401, and the key never appears in the message', async () => {
    const e = await failure(client({ apiKey: 'secret-wrong-key' }).ping());
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401, retryable: false, serverMessage: 'Invalid API key' });
    expect(e.message).not.toContain('secret-wrong-key');
  });

  it('redacts the key even when the server echoes it', async () => {
    sb.setFaults({ failPaths: [{ path: 'user/list', status: 400, times: 1, body: { message: `key ${sb.apiKey} is disabled` } }] });
    const e = await failure(client().ping());
    expect(e.kind).toBe('invalid_data');
    expect(e.message).toContain('key *** is disabled');
    expect(`${e.message} ${e.serverMessage}`).not.toContain(sb.apiKey);
  });
});

describe('rejected data', () => {
  it('409 conflict on an email or phone that another profile of the same type has', async () => {
    const e = await failure(client().addCandidate({ name: 'Dup', email: [{ email: 'Existing@ACME.example', is_primary: 1 }] }));
    expect(e).toMatchObject({ kind: 'conflict', status: 409, retryable: false, serverMessage: 'A profile with this Email already exists' });
    const p = await failure(client().addCandidate({ name: 'Dup', phone_number: [{ phone_number: '+15550100', type: 1 }] }));
    expect(p).toMatchObject({ kind: 'conflict', serverMessage: 'A profile with this Phone Number already exists' });
    const u = await failure(client().updateCandidate(2003, { email: [{ email: 'existing@acme.example', is_primary: 0 }] }));
    expect(u.kind).toBe('conflict');
  });

  it('400 invalid custom field value names the field', async () => {
    const e = await failure(client().addCandidate({ name: 'X', custom_fields: [{ id: 201, value: 'Wizard' }] }));
    expect(e).toMatchObject({ kind: 'invalid_data', status: 400, retryable: false });
    expect(e.message).toContain('Seniority');
    expect(e.serverMessage).toContain('"Wizard" is not a valid choice');
  });

  it('403 and a 200 with RESULT: FAILURE are invalid_data', async () => {
    sb.setFaults({
      failPaths: [
        {
          path: '/api/external/candidate/add',
          status: 403,
          times: 1,
          body: { RESULT: 'FAILURE', message: 'The specified user is not present in your account' },
        },
        { path: 'contact/add', status: 200, times: 1, body: { RESULT: 'FAILURE', message: 'Something was off' } },
      ],
    });
    expect(await failure(client().addCandidate({ name: 'A' }))).toMatchObject({ kind: 'invalid_data', status: 403 });
    expect(await failure(client().addContact({ name: 'B' }))).toMatchObject({
      kind: 'invalid_data',
      status: 200,
      serverMessage: 'Something was off',
    });
  });

  it('404 JSON is not_found', async () => {
    expect(await failure(client().getCandidate(1))).toMatchObject({ kind: 'not_found', status: 404, retryable: false });
  });
});

describe('rate limits', () => {
  it('429 with Retry-After in seconds from the rate limiter', async () => {
    sb.setFaults({ rateLimitPerSecond: 1 });
    const c = client();
    await c.ping();
    const e = await failure(c.ping());
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, retryAfterMs: 1000 });
  });

  it('429 without Retry-After', async () => {
    sb.setFaults({ rateLimitPerSecond: 1, rateLimitRetryAfter: false });
    const c = client();
    await c.ping();
    expect(await failure(c.ping())).toMatchObject({ kind: 'rate_limited', retryAfterMs: null });
    sb.setFaults({ errorRate: 1, errorStatuses: [429], retryAfterSeconds: null });
    expect(await failure(c.ping())).toMatchObject({ kind: 'rate_limited', retryAfterMs: null });
    sb.setFaults({ errorRate: 1, errorStatuses: [429], retryAfterSeconds: 7 });
    expect(await failure(c.ping())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
  });

  it('429 with Retry-After as an HTTP date, measured on the injected clock', async () => {
    sb.setFaults({
      failPaths: [{ path: 'user/list', status: 429, times: 1, headers: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:30 GMT' } }],
    });
    const clock = { now: () => Date.parse('2026-01-01T00:00:00Z') };
    expect(await failure(client({ clock }).ping())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('parseRetryAfter', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:01:00Z'))).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('server and transport failures', () => {
  it('5xx is server and retryable, JSON or HTML', async () => {
    for (const status of [500, 502, 503]) {
      sb.setFaults({ errorRate: 1, errorStatuses: [status] });
      expect(await failure(client().ping())).toMatchObject({ kind: 'server', status, retryable: true });
    }
  });

  it('a dropped connection is network', async () => {
    sb.setFaults({ dropRate: 1 });
    expect(await failure(client().listJobs())).toMatchObject({ kind: 'network', status: null, retryable: true });
  });

  it('a closed port is network (ECONNREFUSED)', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const e = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).ping());
    expect(e).toMatchObject({ kind: 'network', retryable: true });
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('a response slower than the timeout is network', async () => {
    sb.setFaults({ slowRate: 1, slowMs: 5_000 });
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 100 }).ping());
    expect(e).toMatchObject({ kind: 'network', retryable: true });
    expect(e.message).toContain('timed out after 100 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("the caller's signal aborts a request", async () => {
    sb.setFaults({ slowRate: 1, slowMs: 5_000 });
    const ctrl = new AbortController();
    const pending = failure(client({ signal: ctrl.signal }).ping());
    setTimeout(() => ctrl.abort(), 20);
    expect(await pending).toMatchObject({ kind: 'network', message: expect.stringContaining('aborted') });
    expect((await failure(client({ signal: ctrl.signal }).ping())).kind).toBe('network');
  });

  it('an HTML page where JSON is expected is bad_response, not retried', async () => {
    sb.setFaults({ htmlRate: 1 });
    expect(await failure(client().listUsers())).toMatchObject({ kind: 'bad_response', status: 200, retryable: false });
  });

  it('an unknown path (HTML 404) is bad_response', async () => {
    const e = await failure(client({ baseUrl: `${sb.url}/not-the-api` }).ping());
    expect(e).toMatchObject({ kind: 'bad_response', status: 404, retryable: false });
    expect(e.message).toContain('HTML');
  });

  it('a success without the new id is bad_response', async () => {
    sb.setFaults({ failPaths: [{ path: 'candidate/add', status: 200, times: 1, body: { RESULT: 'SUCCESS' } }] });
    expect(await failure(client().addCandidate({ name: 'A' }))).toMatchObject({ kind: 'bad_response' });
  });
});
