import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, tempDir, type TestBackend } from '../testing/fixtures';
import { startBrowserServer, type BrowserServer } from './browserServer';

describe('browser mode’s HTTP server', () => {
  let t: TestBackend;
  let server: BrowserServer;
  afterEach(async () => {
    await server?.close();
    await t?.close();
  });

  async function start() {
    t = openTestBackend({ host: 'browser' });
    const staticDir = join(tempDir(), 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Flowbridge</title>');
    server = await startBrowserServer({ backend: t.backend, staticDir, port: 0 });
    return server;
  }

  const invoke = (s: BrowserServer, channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${s.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}`, ...headers },
      body: JSON.stringify(body),
    });

  it('binds to 127.0.0.1 and prints a URL that carries the token in its fragment', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect((await fetch(s.origin)).status).toBe(200);
  });

  it('answers a malformed URL with 400, not a server error', async () => {
    const s = await start();
    for (const path of ['/%', '/%zz', '/assets/%E0%A4%A', '//']) {
      const res = await rawGet(s.port, path);
      expect(res, path).toMatch(/^HTTP\/1\.1 400 /);
    }
  });

  it('answers API calls that carry the token', async () => {
    const s = await start();
    const res = await invoke(s, 'sequences:create', { name: 'From the browser' });
    expect(await res.json()).toEqual({ ok: true, value: expect.objectContaining({ name: 'From the browser' }) });
  });

  it('refuses a call without the token, or with a wrong one, with 401 and changes nothing', async () => {
    const s = await start();
    const none = await fetch(`${s.origin}/api/invoke/sequences:create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(none.status).toBe(401);
    expect((await invoke(s, 'sequences:create', { name: 'x' }, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${s.origin}/api/events`)).status).toBe(401);
    expect(await t.call('sequences:list', {})).toEqual([]);
  });

  it('refuses requests from a foreign Origin (403) even with the token', async () => {
    const s = await start();
    const res = await invoke(s, 'sequences:create', { name: 'x' }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await t.call('sequences:list', {})).toEqual([]);
  });

  it('refuses a rebinding Host name, unknown channels and non-JSON bodies', async () => {
    const s = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: s.port, path: '/', headers: { Host: `evil.example:${s.port}` } }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(403);
    expect((await invoke(s, 'fs:read', {})).status).toBe(404);
    const text = await fetch(`${s.origin}/api/invoke/sequences:list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(text.status).toBe(400);
  });

  it('streams backend events to a client with the token', async () => {
    const s = await start();
    const controller = new AbortController();
    const res = await fetch(`${s.origin}/api/events?token=${s.token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await invoke(s, 'sequences:create', { name: 'Evented' });
    let text = '';
    while (!text.includes('event: data:changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: {"what":"sequences"}');
    controller.abort();
  });

  /** Whether a TCP connection to host:port is accepted. */
  const reachable = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port, timeout: 2_000 });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
    });

  it('listens on 127.0.0.1 only: the machine’s other addresses (and IPv6 loopback) refuse the connection', async () => {
    const s = await start();
    expect(await reachable('127.0.0.1', s.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal && !i.address.startsWith('fe80'))
      .map((i) => i!.address);
    for (const address of [...others, '::1']) expect(await reachable(address, s.port), address).toBe(false);
    if (others.length === 0) process.stdout.write('browser server bind test: this machine has no non-loopback address; checked ::1 only\n');
  });

  it('refuses an opaque ("null") Origin, as sent by sandboxed frames and file:// pages', async () => {
    const s = await start();
    expect((await invoke(s, 'sequences:create', { name: 'x' }, { Origin: 'null' })).status).toBe(403);
    expect((await fetch(`${s.origin}/api/events?token=${s.token}`, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect(await t.call('sequences:list', {})).toEqual([]);
  });
});

/** A GET sent byte for byte (fetch would normalise the path first). */
function rawGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}
