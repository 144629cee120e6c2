// Typed failures of the Recruiterflow client. The sync engine turns `kind` into a queue state;
// `retryable` and `retryAfterMs` drive its backoff. Messages never contain the API key.

export type RfErrorKind =
  | 'unauthorized'
  | 'conflict'
  | 'invalid_data'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'bad_response'
  /** A 3xx: never followed (the key must not reach another host); the queue pauses until the base URL is fixed. */
  | 'redirect';

const RETRYABLE: ReadonlySet<RfErrorKind> = new Set(['rate_limited', 'server', 'network']);

export interface RecruiterflowErrorInit {
  status?: number | null;
  retryAfterMs?: number | null;
  /** The `message` Recruiterflow sent, if any (already free of the key). */
  serverMessage?: string | null;
  method?: string;
  path?: string;
  cause?: unknown;
}

export class RecruiterflowError extends Error {
  readonly kind: RfErrorKind;
  readonly status: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly serverMessage: string | null;
  readonly method: string | null;
  readonly path: string | null;

  constructor(kind: RfErrorKind, message: string, init: RecruiterflowErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'RecruiterflowError';
    this.kind = kind;
    this.status = init.status ?? null;
    this.retryable = RETRYABLE.has(kind);
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.serverMessage = init.serverMessage ?? null;
    this.method = init.method ?? null;
    this.path = init.path ?? null;
  }
}

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds from `now`, never negative; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * The longest Retry-After Flowbridge honours. A longer one (a broken or hostile server asking for days)
 * is not obeyed: the request counts as a transient failure, retried after this long.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** "45 s", "12 minutes", "3.2 hours", "11.6 days": a wait as a person reads it. */
export function describeWait(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7_200) return `${Math.round(s / 60)} minutes`;
  if (s < 172_800) return `${(s / 3_600).toFixed(1)} hours`;
  if (s < 2 * 365 * 86_400) return `${(s / 86_400).toFixed(1)} days`;
  return `${(s / (365 * 86_400)).toFixed(1)} years`;
}

/** Removes every occurrence of the secret from a text that may be shown or logged. */
export function redact(text: string, secret: string): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}
