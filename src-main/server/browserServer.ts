// Browser mode: the backend and the built UI over HTTP on 127.0.0.1. Every API call carries the per-run
// token; requests from a foreign Origin or Host are refused, so other web pages and DNS rebinding cannot
// reach the backend.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CHANNELS, EVENT_NAMES } from '../../src-shared/contract';
import type { Backend } from '../app/createBackend';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export interface BrowserServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const channelSet = new Set<string>(CHANNELS);

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

const errorBody = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

/**
 * Browser mode takes request bodies up to this size (a CSV of about 500,000 contacts). Each body is held
 * whole while it is parsed, so the limit bounds what an upload can take; the command line's
 * `contacts import` streams files of any size from disk.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const TOO_LARGE = (limit: number) =>
  `The request is larger than ${Math.round(limit / 1024 / 1024)} MB, the most browser mode accepts. Import a larger CSV with the command line (contacts import FILE.csv), which streams it.`;

class BodyTooLarge extends Error {}

/** The body as text, decoded as it arrives (no second copy of the bytes); refused past `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        parts.length = 0;
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      parts.push(decoder.decode(chunk, { stream: true }));
    });
    req.on('end', () => {
      parts.push(decoder.decode());
      resolve(parts.join(''));
    });
    req.on('error', reject);
  });
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { backend } = options;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, errorBody('internal', 'Internal error'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, errorBody('invalid_input', 'Malformed URL'));
    }
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, errorBody('forbidden', 'Unknown Host'));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(res, 403, errorBody('forbidden', 'Requests from other sites are refused'));
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, errorBody('invalid_input', 'Method not allowed'));
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, errorBody('forbidden', 'Missing or wrong access token'));
      return streamEvents(req, res);
    }
    const auth = req.headers.authorization ?? '';
    if (!sameToken(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
      return send(res, 401, errorBody('forbidden', 'Missing or wrong access token'));
    }
    const match = /^\/api\/invoke\/([a-z]+:[A-Za-z]+)$/.exec(url.pathname);
    if (!match || !channelSet.has(match[1]!)) return send(res, 404, errorBody('not_found', 'No such channel'));
    if (req.method !== 'POST') return send(res, 405, errorBody('invalid_input', 'Use POST'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, errorBody('invalid_input', 'Send application/json'));
    }
    let input: unknown;
    try {
      const body = await readBody(req, maxBody);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return send(res, 413, errorBody('invalid_input', TOO_LARGE(maxBody)));
      }
      return send(res, 400, errorBody('invalid_input', 'The request body is not valid JSON'));
    }
    const result = await backend.invoke(match[1]!, input);
    send(res, 200, JSON.stringify(result));
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = backend.events.subscribe((event, payload) => {
      if (EVENT_NAMES.includes(event)) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const index = join(options.staticDir, 'index.html');
    if (!existsSync(index)) {
      return send(
        res,
        503,
        '<!doctype html><title>Flowbridge</title><p>The UI is not built yet: run <code>npm run build</code>.</p>',
        'text/html; charset=utf-8',
      );
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A malformed escape (`/%`, `/%zz`) is the client's mistake, not a server error.
      return send(res, 400, errorBody('invalid_input', 'Malformed URL'));
    }
    const safe = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, safe);
    const inside = file === options.staticDir || file.startsWith(options.staticDir + sep);
    const target = inside && safe !== '' && existsSync(file) && statSync(file).isFile() ? file : index;
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': target === index ? 'no-store' : 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(readFileSync(target));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
