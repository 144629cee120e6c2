// A hostile or broken "Recruiterflow" for the test suites: a real HTTP server on 127.0.0.1 that
// redirects elsewhere, asks to wait for days, sends a gigabyte of JSON or a gzip bomb, answers HTML,
// or never answers at all. Huge bodies are streamed from small buffers (with backpressure), never
// allocated. Every request it receives is recorded with its headers, so a test can tell whether the
// API key reached it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Behaviour =
  /** Every request is answered `status` with `Location: <to><same path>`. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** `status` (429 by default) with this Retry-After header. */
  | { kind: 'retryAfter'; value: string; status?: number }
  /** A valid JSON document of about `bytes` bytes (whitespace inside an array). */
  | { kind: 'hugeJson'; bytes: number }
  /** A gzip body, a few MB on the wire, that inflates to about `bytes` bytes of JSON. */
  | { kind: 'gzipBomb'; bytes: number }
  /** A 200 HTML page, as a captive portal or a maintenance page would send. */
  | { kind: 'html' }
  /** Accepts the request and never answers. */
  | { kind: 'silent' }
  /** A small JSON answer: what a plausible other server would say. */
  | { kind: 'json'; body: unknown };

interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface HostileServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  set(behaviour: Behaviour): void;
  stop(): Promise<void>;
}

const CHUNK = 1024 * 1024;
const spaces = Buffer.alloc(CHUNK, 0x20);
/** One gzip member of 16 MiB of spaces (~16 KB). Concatenated members inflate to their concatenation. */
const gzipSpaces = gzipSync(Buffer.alloc(16 * CHUNK, 0x20), { level: 9 });

/** Writes `count` copies of `chunk`, waiting for the socket to drain; stops when the client goes. */
async function stream(res: ServerResponse, head: Buffer, chunk: Buffer, count: number, tail: Buffer): Promise<void> {
  if (!res.write(head)) await drained(res);
  for (let i = 0; i < count && !res.destroyed; i += 1) {
    if (!res.write(chunk)) await drained(res);
  }
  if (!res.destroyed) res.end(tail);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

export async function startHostileServer(initial: Behaviour): Promise<HostileServer> {
  let behaviour = initial;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    req.resume();
    const b = behaviour;
    switch (b.kind) {
      case 'redirect':
        res.writeHead(b.status ?? 307, { Location: `${b.to}${req.url ?? '/'}`, 'Content-Type': 'text/plain' });
        res.end('moved');
        return;
      case 'retryAfter':
        res.writeHead(b.status ?? 429, { 'Retry-After': b.value, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'Too many requests' }));
        return;
      case 'hugeJson':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        void stream(res, Buffer.from('{"data":['), spaces, Math.ceil(b.bytes / CHUNK), Buffer.from(']}'));
        return;
      case 'gzipBomb':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        void stream(res, gzipSync('{"data":['), gzipSpaces, Math.ceil(b.bytes / (16 * CHUNK)), gzipSync(']}'));
        return;
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>Maintenance</title><p>Back soon.</p>');
        return;
      case 'silent':
        return; // the request stays open until the client gives up or the server stops
      case 'json':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(b.body));
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    set(next) {
      behaviour = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
