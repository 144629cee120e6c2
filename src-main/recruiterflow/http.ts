// One HTTP exchange with Recruiterflow: headers, timeout, JSON parsing and the mapping of every
// failure to a RecruiterflowError. Knows nothing about individual endpoints.
import { BodyTooLargeError, MAX_BODY_BYTES, readCapped } from './body';
import { MAX_RETRY_AFTER_MS, RecruiterflowError, describeWait, parseRetryAfter, redact, type RfErrorKind } from './errors';

interface Clock {
  now(): number;
}

export interface RequestEvent {
  method: string;
  path: string;
  status: number | null;
  ms: number;
  error?: RfErrorKind;
}

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  clock?: Clock;
  timeoutMs?: number;
  signal?: AbortSignal;
  onRequest?: (r: RequestEvent) => void;
}

interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path from the host root, with its query string: `/api/external/job/list?current_page=1`. */
  path: string;
  body?: unknown;
}

export type Send = (req: HttpRequest) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 15_000;
const systemClock: Clock = { now: () => Date.now() };

export function createHttp(o: HttpOptions): Send {
  const base = o.baseUrl.replace(/\/+$/, '');
  const doFetch = o.fetch ?? globalThis.fetch;
  const clock = o.clock ?? systemClock;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const key = o.apiKey;

  const report = (e: RequestEvent): void => {
    if (!o.onRequest) return;
    try {
      o.onRequest(e);
    } catch {
      // A logging callback must never break a request.
    }
  };

  return async function send(req: HttpRequest): Promise<unknown> {
    const pathOnly = req.path.split('?')[0] ?? req.path;
    const where = { method: req.method, path: pathOnly };
    const started = performance.now();
    // One controller per request, aborted by our timeout or the caller's signal. (A listener that
    // is removed afterwards, rather than AbortSignal.any, so a long-lived caller signal holds
    // nothing once the request is over.)
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => ctrl.abort();
    o.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const signal = ctrl.signal;
    let status: number | null = null;

    const tooLarge = (status: number): RecruiterflowError =>
      new RecruiterflowError(
        'server',
        `Recruiterflow answered ${req.method} ${pathOnly} (${status}) with more than ${MAX_BODY_BYTES / 1024 / 1024} MB; treated as a server error`,
        { ...where, status },
      );

    const networkError = (cause: unknown): RecruiterflowError => {
      const detail = timedOut ? `timed out after ${timeoutMs} ms` : o.signal?.aborted ? 'aborted' : describeFetchFailure(cause);
      return new RecruiterflowError('network', redact(`Could not reach Recruiterflow (${req.method} ${pathOnly}): ${detail}`, key), {
        ...where,
        cause: timedOut || o.signal?.aborted ? undefined : cause,
      });
    };

    try {
      if (o.signal?.aborted) throw networkError(o.signal.reason);
      const headers: Record<string, string> = { 'RF-Api-Key': key, Accept: 'application/json' };
      let body: string | undefined;
      if (req.body !== undefined && req.method !== 'GET') {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(req.body);
      }
      // A read may be sent again once when a kept-alive socket turns out to have been closed by the
      // server just as it was reused; writes are never resent here (the engine checks before it creates).
      const readOnly = req.method === 'GET' || pathOnly.endsWith('/search');
      let res: Response;
      for (let attempt = 0; ; attempt += 1) {
        try {
          // Never follow a redirect: fetch would carry RF-Api-Key to wherever it points. A 3xx is an error.
          res = await doFetch(base + req.path, { method: req.method, headers, body, signal, redirect: 'manual' });
          break;
        } catch (e) {
          if (e instanceof BodyTooLargeError) throw tooLarge(e.status);
          if (attempt === 0 && readOnly && !timedOut && !o.signal?.aborted && isStaleSocket(e)) continue;
          throw networkError(e);
        }
      }
      status = res.status;
      let text: string;
      try {
        const read = await readCapped(res);
        if (read.over) throw tooLarge(res.status);
        text = new TextDecoder().decode(read.bytes);
      } catch (e) {
        if (e instanceof RecruiterflowError) throw e;
        throw networkError(e);
      }
      const value = interpret(res.status, res.headers, text, { ...where, key, now: clock.now() });
      report({ ...where, status, ms: elapsed(started) });
      return value;
    } catch (e) {
      const err =
        e instanceof RecruiterflowError
          ? e
          : new RecruiterflowError('network', redact(`Request failed (${req.method} ${pathOnly}): ${String(e)}`, key), where);
      report({ ...where, status: err.status ?? status, ms: elapsed(started), error: err.kind });
      throw err;
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

/** A socket closed under us before any answer: ECONNRESET or EPIPE on a reused keep-alive connection. */
function isStaleSocket(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describeFetchFailure(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return e.message;
}

type Parsed = { json: true; value: unknown } | { json: false };

function parseBody(text: string): Parsed {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return { json: true, value: JSON.parse(text) as unknown };
    } catch {
      return { json: false };
    }
  }
  return { json: false };
}

function serverMessageOf(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    for (const k of ['message', 'error', 'msg', 'detail']) {
      const m = v[k];
      if (typeof m === 'string' && m.trim() !== '') return m.trim();
    }
  }
  return null;
}

function looksLikeHtml(text: string, headers: Headers): boolean {
  return (headers.get('content-type') ?? '').includes('html') || /^\s*</.test(text);
}

/** The Location a redirect names, as one printable line of reasonable length. */
function locationOf(headers: Headers): string {
  const raw = headers.get('location');
  if (raw === null || raw.trim() === '') return '(no Location given)';
  const flat = raw.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

interface Where {
  method: string;
  path: string;
  key: string;
  now: number;
}

/** Maps one HTTP answer to its parsed JSON value or throws the matching RecruiterflowError. */
function interpret(status: number, headers: Headers, text: string, w: Where): unknown {
  const parsed = parseBody(text);
  const rawMsg = parsed.json ? serverMessageOf(parsed.value) : null;
  const serverMessage = rawMsg === null ? null : redact(rawMsg, w.key);
  const at = `${w.method} ${w.path}`;
  const init = { status, serverMessage, method: w.method, path: w.path };
  const fail = (kind: RfErrorKind, text: string, extra: { retryAfterMs?: number | null } = {}) =>
    new RecruiterflowError(kind, redact(text, w.key), { ...init, ...extra });
  const said = serverMessage ? `: ${serverMessage}` : '';

  if (status >= 200 && status < 300) {
    if (!parsed.json) {
      throw fail(
        'bad_response',
        looksLikeHtml(text, headers)
          ? `Recruiterflow answered ${at} with an HTML page instead of JSON (check the base URL)`
          : `Recruiterflow answered ${at} with a body that is not JSON`,
      );
    }
    const v = parsed.value;
    if (v && typeof v === 'object' && !Array.isArray(v) && (v as Record<string, unknown>).RESULT === 'FAILURE') {
      throw fail('invalid_data', `Recruiterflow rejected ${at}${said || ' (RESULT: FAILURE)'}`);
    }
    return v;
  }
  if (status >= 300 && status < 400) {
    throw fail('redirect', `Recruiterflow answered with a redirect to ${locationOf(headers)}; check the base URL (${status} on ${at})`);
  }
  const asked = parseRetryAfter(headers.get('retry-after'), w.now);
  if (asked !== null && asked > MAX_RETRY_AFTER_MS && (status === 429 || status >= 500 || status === 408)) {
    // Not obeyed: a wait of days would hold the queue (and a timer cannot even hold one past 24.8 days).
    throw fail(
      'server',
      `Recruiterflow answered ${at} with ${status}${said} and a Retry-After of ${describeWait(asked)}, longer than the ${describeWait(MAX_RETRY_AFTER_MS)} Flowbridge waits; counted as a failed attempt and retried in ${describeWait(MAX_RETRY_AFTER_MS)}`,
      { retryAfterMs: MAX_RETRY_AFTER_MS },
    );
  }
  const retryAfterMs = asked;
  if (status === 401) throw fail('unauthorized', `Recruiterflow rejected the API key (${status})${said}`);
  if (status === 400 && /supply an api key/i.test(rawMsg ?? '')) {
    throw fail('unauthorized', `Recruiterflow did not receive an API key (400)${said}`);
  }
  if (status === 429) {
    throw fail('rate_limited', `Recruiterflow rate limit hit on ${at} (429)${said}`, { retryAfterMs });
  }
  if (status >= 500) {
    throw fail('server', `Recruiterflow server error ${status} on ${at}${said}`, { retryAfterMs });
  }
  if (status === 404) {
    if (!parsed.json) {
      throw fail('bad_response', `Recruiterflow has no endpoint ${at} (404 ${looksLikeHtml(text, headers) ? 'HTML page' : 'non-JSON'})`);
    }
    throw fail('not_found', `Recruiterflow could not find it (${at}, 404)${said}`);
  }
  if (status === 409) throw fail('conflict', `Recruiterflow reported a conflict on ${at} (409)${said}`);
  if (status === 408) throw fail('server', `Recruiterflow timed out on ${at} (408)${said}`, { retryAfterMs });
  // 400, 403, 405, 413, 422 and any other client error: permanent, fix the data or the setup.
  throw fail('invalid_data', `Recruiterflow rejected ${at} (${status})${said}`);
}
