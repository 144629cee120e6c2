// Decides, per request, which injected fault (if any) applies. Draws from the injected PRNG in a
// fixed order so a seeded run is reproducible.
import type { FailPath, Faults } from './types';

export type FaultAction =
  | { kind: 'pass'; delayMs: number }
  | { kind: 'drop' }
  | { kind: 'reply'; delayMs: number; status: number; json?: unknown; html?: string; headers: Record<string, string> };

const GATEWAY_HTML = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Service Unavailable'}</h1></body></html>`;

/** `candidate/add`, `/candidate/add` and `/api/external/candidate/add` name the same path. */
function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/^\/?(api\/external\/)?/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

export class FaultEngine {
  private faults: Faults = {};
  private window: number[] = [];
  private failPaths: FailPath[] = [];

  constructor(private readonly random: () => number) {}

  set(f: Faults): void {
    this.faults = { ...f };
    this.failPaths = (f.failPaths ?? []).map((x) => ({ ...x }));
    this.losing = (f.loseAnswerPaths ?? []).map((x) => ({ ...x }));
    this.window = [];
  }

  private losing: { path: string; times: number }[] = [];

  /** After a request was carried out: whether its answer is to be lost (loseAnswerPaths). */
  loseAnswer(path: string): boolean {
    const hit = this.losing.find((x) => x.times > 0 && samePath(x.path, path));
    if (hit) hit.times--;
    return hit !== undefined;
  }

  /** The live settings (failPaths with their remaining counts). */
  get config(): Faults {
    return this.failPaths.length ? { ...this.faults, failPaths: this.failPaths } : this.faults;
  }

  decide(path: string, now: number): FaultAction {
    const f = this.faults;
    const latency = Math.max(0, f.latencyMs ?? 0);
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}, html?: string): FaultAction => ({
      kind: 'reply',
      delayMs: latency,
      status,
      json: html === undefined ? json : undefined,
      html,
      headers,
    });

    const fp = this.failPaths.find((x) => x.times > 0 && samePath(x.path, path));
    if (fp) {
      fp.times--;
      const headers = { ...fp.headers };
      if (typeof fp.body === 'string') return reply(fp.status, undefined, headers, fp.body);
      return reply(fp.status, fp.body ?? { RESULT: 'FAILURE', message: `Injected failure ${fp.status}` }, headers);
    }

    const limit = f.rateLimitPerSecond;
    if (limit !== undefined && limit > 0) {
      while (this.window.length && (this.window[0] ?? 0) <= now - 1000) this.window.shift();
      if (this.window.length >= limit) {
        const waitMs = (this.window[0] ?? now) + 1000 - now;
        const headers: Record<string, string> =
          f.rateLimitRetryAfter === false ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) };
        return reply(429, { message: 'Rate limit exceeded' }, headers);
      }
      this.window.push(now);
    }

    if ((f.dropRate ?? 0) > 0 && this.random() < (f.dropRate ?? 0)) return { kind: 'drop' };

    if ((f.errorRate ?? 0) > 0 && this.random() < (f.errorRate ?? 0)) {
      const statuses = f.errorStatuses?.length ? f.errorStatuses : [500, 502, 503];
      const status = statuses[Math.floor(this.random() * statuses.length)] ?? 500;
      if (status === 429) {
        const ra = f.retryAfterSeconds === undefined ? 1 : f.retryAfterSeconds;
        return reply(429, { message: 'Rate limit exceeded' }, ra === null ? {} : { 'Retry-After': String(ra) });
      }
      if (status === 502 || status === 503) return reply(status, undefined, {}, GATEWAY_HTML(status));
      return reply(status, { RESULT: 'FAILURE', message: 'Internal Server Error' });
    }

    if ((f.htmlRate ?? 0) > 0 && this.random() < (f.htmlRate ?? 0)) {
      return reply(200, undefined, {}, '<!DOCTYPE html><html><head><title>Recruiterflow</title></head><body>Maintenance</body></html>');
    }

    if ((f.slowRate ?? 0) > 0 && this.random() < (f.slowRate ?? 0)) {
      return { kind: 'pass', delayMs: latency + Math.max(0, f.slowMs ?? 30_000) };
    }
    return { kind: 'pass', delayMs: latency };
  }
}
