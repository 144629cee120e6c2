// Browser mode's upload limit: a body over it is refused with 413 and a message that says what to do,
// before it is read (the declared length), so ten huge uploads never sit in the server's memory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, tempDir, type TestBackend } from '../testing/fixtures';
import { MAX_BODY_BYTES, startBrowserServer, type BrowserServer } from './browserServer';

describe('browser-mode uploads', () => {
  let t: TestBackend;
  let server: BrowserServer;
  afterEach(async () => {
    await server?.close();
    await t?.close();
  });

  it('refuses a CSV larger than the limit with 413 and points at the streaming command line, and still answers afterwards', async () => {
    t = openTestBackend({ host: 'browser' });
    const staticDir = join(tempDir(), 'renderer');
    mkdirSync(staticDir);
    server = await startBrowserServer({ backend: t.backend, staticDir, port: 0 });
    const post = (body: string) =>
      fetch(`${server.origin}/api/invoke/contacts:import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body,
      });
    const big = JSON.stringify({ csv: `email\n${'a@x.co\n'.repeat(Math.ceil(MAX_BODY_BYTES / 7) + 10)}` });
    const before = process.memoryUsage().rss;
    const res = await post(big);
    expect(res.status).toBe(413);
    const answer = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toMatch(/larger than 64 MB.*contacts import FILE\.csv/);
    // Nothing of it was written, and a normal upload still works.
    expect((await t.call('contacts:list', {})).total).toBe(0);
    const ok = await post(JSON.stringify({ csv: 'email\nann@x.co' }));
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
