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
import { addProspect, addToJob, updateProspect } from './writes';
import type { WriteContext } from './writeContext';

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

/** What the request handlers of one running sandbox share. */
interface Running {
  state: SandboxState;
  faults: FaultEngine;
  /** What reset() restores the faults to. */
  initialFaults: Faults;
  /** Whether reset() fills the state with the demo data. */
  seed: boolean;
  messages: SandboxMessages;
  keys: Set<string>;
  adminToken: string;
  allowOrigins: readonly string[];
  now: () => number;
  /** The port it listens on (0 until it does). */
  port: number;
  counters: Omit<SandboxStats, 'creates'>;
  timers: Timers;
  stopping: boolean;
}

interface Timers {
  /** Resolves after `ms`, unless the sandbox stops first (then never: the request is abandoned). */
  delay(ms: number): Promise<void>;
  clear(): void;
}

function createTimers(): Timers {
  const timers = new Set<NodeJS.Timeout>();
  return {
    delay: (ms: number): Promise<void> =>
      new Promise((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
    clear() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** A copy of the request counters, with the creates made since the last reset. */
function statsOf(run: Running): SandboxStats {
  return {
    requests: run.counters.requests,
    byPath: { ...run.counters.byPath },
    statuses: { ...run.counters.statuses },
    creates: run.state.createLog.length,
  };
}

/** Back to the state, faults and counters of a fresh start. */
function resetRun(run: Running): void {
  run.state.clear();
  if (run.seed) seedState(run.state, run.now(), run.messages);
  run.faults.set(run.initialFaults);
  run.counters = emptyStats();
}

/** A recruiter's edit of record `id` in Recruiterflow: an update with no faults, not counted as a request. */
function editReply(run: Running, id: number, fields: Record<string, unknown>): Reply {
  const p = run.state.prospects.get(id);
  if (!p) return failure(404, `No record ${id}`);
  return updateProspect({ state: run.state, now: run.now(), faults: {}, messages: run.messages }, p.type, { ...fields, id });
}

/** For the in-process admin calls (editRecord, deleteRecord, mergeRecord): a refusal throws with the sandbox's answer. */
function orThrow(reply: Reply, prefix = ''): void {
  if (reply.status !== 200) throw new Error(`${prefix}${JSON.stringify(reply.json)}`);
}

/** A public API request: the key, then the route table, then the route's handler. */
function apiReply(run: Running, method: string, url: URL, raw: string | null, key: string | undefined): Reply {
  const { state, faults, messages, keys, now } = run;
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
}

/** GET /__sandbox/state: the counts, stats, logs and every record as a test reads them. */
function stateDump(run: Running): unknown {
  const { state } = run;
  return {
    counts: state.counts(),
    stats: statsOf(run),
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
  };
}

/** The /__sandbox/ admin endpoints: faults, stats, a recruiter's edit, delete or merge, reset and a dump of the state. */
function adminReply(run: Running, method: string, path: string, raw: string | null): Reply {
  const { state, faults } = run;
  if (path === '/__sandbox/faults' && method === 'POST') {
    const f = parseObject(raw ?? '');
    if (!f) return failure(400, 'faults must be a JSON object');
    faults.set(f);
    return { status: 200, json: { ok: true, faults: faults.config } };
  }
  if (path === '/__sandbox/faults' && method === 'GET') return { status: 200, json: faults.config };
  if (path === '/__sandbox/stats' && method === 'GET') return { status: 200, json: statsOf(run) };
  if (path === '/__sandbox/edit' && method === 'POST') {
    const e = parseObject(raw ?? '');
    if (!e || typeof e.id !== 'number' || !e.fields || typeof e.fields !== 'object') return failure(400, 'edit takes {"id", "fields"}');
    return editReply(run, e.id, e.fields as Record<string, unknown>);
  }
  if (path === '/__sandbox/reset' && method === 'POST') {
    resetRun(run);
    return { status: 200, json: { ok: true } };
  }
  if (path === '/__sandbox/delete' && method === 'POST') return deleteProspect(state, parseObject(raw ?? '')?.id);
  if (path === '/__sandbox/merge' && method === 'POST') {
    const b = parseObject(raw ?? '');
    return mergeProspect(state, b?.id, b?.into);
  }
  if (path === '/__sandbox/state' && method === 'GET') return { status: 200, json: stateDump(run) };
  return { status: 404, json: { message: 'Unknown sandbox admin endpoint' } };
}

/**
 * How long a carried-out 200 answer is held back: createAnswerDelayMs for candidate/add and contact/add,
 * moveAnswerDelayMs for candidate/move-to-stage (a write that happened while the caller gave up); 0 elsewhere.
 */
function lateAnswerMs(config: Faults, path: string): number {
  if (/\/(candidate|contact)\/add$/.test(path)) return config.createAnswerDelayMs ?? 0;
  if (/\/candidate\/move-to-stage$/.test(path)) return config.moveAnswerDelayMs ?? 0;
  if (/\/(candidate|contact)\/update$/.test(path)) return config.updateAnswerDelayMs ?? 0;
  return 0;
}

/** Closes the connection without an answer (the drop and loseAnswerPaths faults), counted as "dropped". */
function dropConnection(run: Running, req: http.IncomingMessage): void {
  run.counters.statuses.dropped = (run.counters.statuses.dropped ?? 0) + 1;
  req.socket.destroy();
}

/** One request: refused, or an admin one, or an API one through the injected faults (counted in the stats). */
async function handle(run: Running, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { faults, now } = run;
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const method = req.method ?? 'GET';
  const isAdmin = url.pathname.startsWith(ADMIN_PREFIX);
  const refused = refusal(req, run.port, isAdmin, run.adminToken, run.allowOrigins);
  if (refused) {
    req.resume();
    return write(res, refused);
  }
  const raw = await readBody(req);
  if (isAdmin) return write(res, adminReply(run, method, url.pathname, raw));

  run.counters.requests++;
  run.counters.byPath[url.pathname] = (run.counters.byPath[url.pathname] ?? 0) + 1;
  const action = faults.decide(url.pathname, now());
  if (action.kind === 'drop') return dropConnection(run, req);
  if (action.delayMs > 0) await run.timers.delay(action.delayMs);
  if (run.stopping || res.destroyed || req.socket.destroyed) return;
  const key = req.headers['rf-api-key'];
  const reply: Reply =
    action.kind === 'reply'
      ? { status: action.status, json: action.json, html: action.html, headers: action.headers }
      : apiReply(run, method, url, raw, Array.isArray(key) ? key[0] : key);
  if (action.kind === 'pass' && faults.loseAnswer(url.pathname)) return dropConnection(run, req);
  run.counters.statuses[String(reply.status)] = (run.counters.statuses[String(reply.status)] ?? 0) + 1;
  const late = lateAnswerMs(faults.config, url.pathname);
  if (late > 0 && reply.status === 200) {
    await run.timers.delay(late);
    if (run.stopping || res.destroyed || req.socket.destroyed) return;
  }
  write(res, reply);
}

/** Listens on 127.0.0.1 only, and resolves with the port (the one asked for, or a free one for 0). */
async function listen(server: http.Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const run: Running = {
    state: new SandboxState(),
    faults: new FaultEngine(o.random ?? mulberry32(DEFAULT_SEED)),
    initialFaults: o.faults ?? {},
    seed: o.seed !== false,
    messages: { ...DEFAULT_MESSAGES, ...o.messages },
    keys: new Set(o.apiKeys ?? [SANDBOX_API_KEY]),
    adminToken: o.adminToken ?? randomBytes(24).toString('base64url'),
    allowOrigins: o.allowOrigins ?? [],
    now: o.now ?? Date.now,
    port: 0,
    counters: emptyStats(),
    timers: createTimers(),
    stopping: false,
  };
  resetRun(run);

  const server = http.createServer((req, res) => {
    handle(run, req, res).catch((e: unknown) => write(res, failure(500, `Sandbox error: ${String(e)}`)));
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  const port = await listen(server, o.port ?? 0);
  run.port = port;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: [...run.keys][0] ?? SANDBOX_API_KEY,
    port,
    adminToken: run.adminToken,
    state: run.state,
    stats: () => statsOf(run),
    reset: () => resetRun(run),
    deleteRecord: (id) => orThrow(deleteProspect(run.state, id)),
    mergeRecord: (id, into) => orThrow(mergeProspect(run.state, id, into)),
    editRecord: (id, fields) => orThrow(editReply(run, id, fields), 'sandbox edit refused: '),
    setFaults: (f) => run.faults.set(f),
    async stop() {
      run.stopping = true;
      run.timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
