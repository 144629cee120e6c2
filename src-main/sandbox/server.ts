// The sandbox Recruiterflow: a real HTTP server on 127.0.0.1 that behaves like the public API as
// far as the sync engine can tell, with fault injection and an admin endpoint.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultEngine } from './faults';
import { deleteProspect, mergeProspect } from './gone';
import { DEFAULT_SEED, mulberry32 } from './random';
import { failure, htmlPage, type Reply } from './reply';
import { ROUTES } from './routes';
import { seedCandidateFields, seedContactFields, seedJobs, seedProspects, seedUsers } from './seed';
import { SandboxState } from './state';
import type { Faults, SandboxMessages, SandboxOptions, SandboxStats } from './types';
import { addProspect, addToJob, updateProspect, type WriteContext } from './writes';

export const SANDBOX_API_KEY = 'sandbox-demo-key';
const API_PREFIX = '/api/external/';
const ADMIN_PREFIX = '/__sandbox/';
const MAX_BODY = 5 * 1024 * 1024;

const DEFAULT_MESSAGES: SandboxMessages = {
  missingKey: 'Please supply an API key',
  invalidKey: 'Invalid API key',
  duplicateEmail: 'A profile with this Email already exists',
  duplicatePhone: 'A profile with this Phone Number already exists',
  unknownProspect: 'Invalid {object} id',
  unknownJob: 'Invalid job id',
  alreadyOnJob: 'Candidate is already added to this job',
  unknownStage: 'Invalid stage',
  notOnJob: 'Candidate is not added to this job',
  unknownUser: 'Invalid user id {id}',
  nameRequired: 'Name is required',
  customField: 'Invalid value for custom field "{field}": {problem}',
};

export interface Sandbox {
  url: string;
  apiKey: string;
  port: number;
  /** Required by the /__sandbox/ admin endpoints, in the X-Sandbox-Admin-Token header. */
  adminToken: string;
  setFaults(f: Faults): void;
  stats(): SandboxStats;
  state: SandboxState;
  /**
   * Changes a record as a recruiter editing it in Recruiterflow would (keys as an update takes them:
   * `title`, `custom_fields`, …); not counted as a request. Throws with the sandbox's message when refused.
   */
  editRecord(id: number, fields: Record<string, unknown>): void;
  reset(): void;
  /** A recruiter deletes record `id` in Recruiterflow (sandbox/gone.ts). */
  deleteRecord(id: number): void;
  /** A recruiter merges record `id` into record `into`. */
  mergeRecord(id: number, into: number): void;
  stop(): Promise<void>;
}

function emptyStats(): Omit<SandboxStats, 'creates'> {
  return { requests: 0, byPath: {}, statuses: {} };
}

/** Fills `state` with the demo data. Seeded prospects are not counted as creates. */
function seedState(state: SandboxState, now: number, messages: SandboxMessages = DEFAULT_MESSAGES): void {
  state.jobs = seedJobs();
  state.customFields = { candidate: seedCandidateFields(), contact: seedContactFields() };
  state.users = seedUsers();
  const ctx: WriteContext = { state, now, faults: {}, messages };
  for (const s of seedProspects()) {
    const r = addProspect(ctx, s.type, s.body);
    const id = (r.json as { data?: { id?: number } }).data?.id;
    if (r.status !== 200 || id === undefined) throw new Error(`sandbox seed failed: ${JSON.stringify(r.json)}`);
    for (const jobId of s.jobs) addToJob(ctx, { id, job_id: jobId });
  }
  state.createLog.length = 0;
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = { ...reply.headers };
  let payload: string;
  if (reply.html !== undefined) {
    headers['Content-Type'] = 'text/html; charset=utf-8';
    payload = reply.html;
  } else {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(reply.json ?? null);
  }
  headers['Content-Length'] = Buffer.byteLength(payload);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const ADMIN_TOKEN_HEADER = 'x-sandbox-admin-token';

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may talk to the sandbox. It runs inside the app ("Use the Sandbox") on 127.0.0.1, where any web
 * page the user opens can send it requests: a Host other than 127.0.0.1/localhost:port (DNS rebinding)
 * or a foreign Origin (a page's fetch) is refused for every path, as browser mode refuses them; the
 * admin endpoints (faults, reset, state, stats) also need the per-run admin token.
 */
function refusal(
  req: http.IncomingMessage,
  port: number,
  admin: boolean,
  adminToken: string,
  allowOrigins: readonly string[],
): Reply | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return failure(403, 'Unknown Host');
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`) && !allowOrigins.includes(origin))
    return failure(403, 'Requests from web pages are refused');
  if (admin && !sameSecret(req.headers[ADMIN_TOKEN_HEADER], adminToken)) return failure(401, 'Missing or wrong sandbox admin token');
  return null;
}

function parseObject(raw: string): Record<string, unknown> | null {
  if (raw.trim() === '') return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const now = o.now ?? Date.now;
  const keys = new Set(o.apiKeys ?? [SANDBOX_API_KEY]);
  const adminToken = o.adminToken ?? randomBytes(24).toString('base64url');
  let port = 0;
  const messages: SandboxMessages = { ...DEFAULT_MESSAGES, ...o.messages };
  const state = new SandboxState();
  const faults = new FaultEngine(o.random ?? mulberry32(DEFAULT_SEED));
  const initialFaults: Faults = o.faults ?? {};
  let counters = emptyStats();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  const load = (): void => {
    state.clear();
    if (o.seed !== false) seedState(state, now(), messages);
  };
  const reset = (): void => {
    load();
    faults.set(initialFaults);
    counters = emptyStats();
  };
  reset();

  const stats = (): SandboxStats => ({
    requests: counters.requests,
    byPath: { ...counters.byPath },
    statuses: { ...counters.statuses },
    creates: state.createLog.length,
  });

  const edit = (id: number, fields: Record<string, unknown>): Reply => {
    const p = state.prospects.get(id);
    if (!p) return failure(404, `No record ${id}`);
    return updateProspect({ state, now: now(), faults: {}, messages }, p.type, { ...fields, id });
  };

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const route = (method: string, url: URL, raw: string | null, key: string | undefined): Reply => {
    const path = url.pathname;
    if (!path.startsWith(API_PREFIX)) return htmlPage(404, 'Page not found');
    if (!key) return { status: 400, json: { message: messages.missingKey } };
    if (!keys.has(key)) return { status: 401, json: { message: messages.invalidKey } };
    const r = ROUTES[path.slice(API_PREFIX.length).replace(/\/+$/, '')];
    if (!r) return htmlPage(404, 'Page not found');
    if (r.method !== method) return htmlPage(405, 'Method Not Allowed');
    let body: Record<string, unknown> = {};
    if (method === 'POST') {
      if (raw === null) return failure(413, 'Request body too large');
      const parsed = parseObject(raw);
      if (!parsed) return failure(400, 'Request body must be a JSON object');
      body = parsed;
    }
    return r.handle({ state, faults: faults.config, messages, now: now(), query: url.searchParams, body });
  };

  const admin = (method: string, path: string, raw: string | null): Reply => {
    if (path === '/__sandbox/faults' && method === 'POST') {
      const f = parseObject(raw ?? '');
      if (!f) return failure(400, 'faults must be a JSON object');
      faults.set(f);
      return { status: 200, json: { ok: true, faults: faults.config } };
    }
    if (path === '/__sandbox/faults' && method === 'GET') return { status: 200, json: faults.config };
    if (path === '/__sandbox/stats' && method === 'GET') return { status: 200, json: stats() };
    if (path === '/__sandbox/edit' && method === 'POST') {
      const e = parseObject(raw ?? '');
      if (!e || typeof e.id !== 'number' || !e.fields || typeof e.fields !== 'object') return failure(400, 'edit takes {"id", "fields"}');
      return edit(e.id, e.fields as Record<string, unknown>);
    }
    if (path === '/__sandbox/reset' && method === 'POST') {
      reset();
      return { status: 200, json: { ok: true } };
    }
    if (path === '/__sandbox/delete' && method === 'POST') return deleteProspect(state, parseObject(raw ?? '')?.id);
    if (path === '/__sandbox/merge' && method === 'POST') {
      const b = parseObject(raw ?? '');
      return mergeProspect(state, b?.id, b?.into);
    }
    if (path === '/__sandbox/state' && method === 'GET') {
      return {
        status: 200,
        json: {
          counts: state.counts(),
          stats: stats(),
          createLog: state.createLog,
          notes: state.notes,
          stageMoves: state.stageMoves,
          prospects: [...state.prospects.values()].map((p) => ({
            id: p.id,
            type: p.type,
            name: p.name,
            emails: p.email.map((e) => e.email),
            phones: p.phone_number.map((x) => x.phone_number),
            jobs: p.jobs.map((j) => ({ job_id: j.job_id, stage: j.stage_name, stage_id: j.stage_id })),
            custom_fields: p.custom_fields,
            fields: p.fields,
          })),
        },
      };
    }
    return { status: 404, json: { message: 'Unknown sandbox admin endpoint' } };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const method = req.method ?? 'GET';
    const isAdmin = url.pathname.startsWith(ADMIN_PREFIX);
    const refused = refusal(req, port, isAdmin, adminToken, o.allowOrigins ?? []);
    if (refused) {
      req.resume();
      return write(res, refused);
    }
    const raw = await readBody(req);
    if (isAdmin) return write(res, admin(method, url.pathname, raw));

    counters.requests++;
    counters.byPath[url.pathname] = (counters.byPath[url.pathname] ?? 0) + 1;
    const action = faults.decide(url.pathname, now());
    if (action.kind === 'drop') {
      counters.statuses.dropped = (counters.statuses.dropped ?? 0) + 1;
      req.socket.destroy();
      return;
    }
    if (action.delayMs > 0) await delay(action.delayMs);
    if (stopping || res.destroyed || req.socket.destroyed) return;
    const key = req.headers['rf-api-key'];
    const reply: Reply =
      action.kind === 'reply'
        ? { status: action.status, json: action.json, html: action.html, headers: action.headers }
        : route(method, url, raw, Array.isArray(key) ? key[0] : key);
    if (action.kind === 'pass' && faults.loseAnswer(url.pathname)) {
      counters.statuses.dropped = (counters.statuses.dropped ?? 0) + 1;
      req.socket.destroy();
      return;
    }
    counters.statuses[String(reply.status)] = (counters.statuses[String(reply.status)] ?? 0) + 1;
    const late = /\/move-to-stage$/.test(url.pathname)
      ? (faults.config.moveAnswerDelayMs ?? 0)
      : /\/update$/.test(url.pathname)
        ? (faults.config.updateAnswerDelayMs ?? 0)
        : (faults.config.createAnswerDelayMs ?? 0);
    if (late > 0 && reply.status === 200 && /\/((candidate|contact)\/(add|update)|candidate\/move-to-stage)$/.test(url.pathname)) {
      await delay(late);
      if (stopping || res.destroyed || req.socket.destroyed) return;
    }
    write(res, reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => write(res, failure(500, `Sandbox error: ${String(e)}`)));
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: [...keys][0] ?? SANDBOX_API_KEY,
    port,
    adminToken,
    state,
    stats,
    reset,
    deleteRecord(id) {
      const r = deleteProspect(state, id);
      if (r.status !== 200) throw new Error(JSON.stringify(r.json));
    },
    mergeRecord(id, into) {
      const r = mergeProspect(state, id, into);
      if (r.status !== 200) throw new Error(JSON.stringify(r.json));
    },
    editRecord(id, fields) {
      const r = edit(id, fields);
      if (r.status !== 200) throw new Error(`sandbox edit refused: ${JSON.stringify(r.json)}`);
    },
    setFaults: (f) => faults.set(f),
    async stop() {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
