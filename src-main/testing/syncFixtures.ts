// Fixtures for the sync engine suites: a connected backend with a small, fast retry policy, and
// helpers to read what a recruiter would look at (an enrollment's state) and what Recruiterflow holds.
import type { Enrollment, EnrollmentState, SyncCounts } from '../../src-shared/domain';
import type { Sandbox } from '../sandbox';
import type { BackoffPolicy } from '../sync/backoff';
import type { EngineOptions } from '../sync/engine';
import { connectedBackend, type TestBackend } from './fixtures';
import type { Faults } from '../sandbox';

/** Retries within tens of milliseconds, so tests never sleep for long. */
export const FAST_BACKOFF: BackoffPolicy = { baseMs: 20, capMs: 200, maxAttempts: 6 };

export type SyncTest = TestBackend & { sandbox: Sandbox };

export async function syncBackend(options: { faults?: Faults; csv?: string; engine?: EngineOptions } = {}): Promise<SyncTest> {
  return connectedBackend({
    faults: options.faults,
    csv: options.csv,
    // A create whose outcome was lost is sent again no sooner than this (the sandbox's search does not lag unless told to).
    backend: { scheduler: { engine: { backoff: FAST_BACKOFF, offlineProbeMs: 50, createSettleMs: 300, ...options.engine } } },
  });
}

/** What a sync run reports: every count zero but the ones given (compared whole, so nothing else may move). */
export function runCounts(counts: Partial<SyncCounts>): SyncCounts {
  return { created: 0, linked: 0, jobsAssigned: 0, updated: 0, moved: 0, failed: 0, retrying: 0, pending: 0, ...counts };
}

/** person{from}..person{from+n-1}@example.test, as contactsCsv names them. */
export function people(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `person${from + i}@example.test`);
}

/** A CSV with exactly these rows (header from the first row's keys). */
export function csvOf(rows: Record<string, string>[]): string {
  const header = Object.keys(rows[0] ?? { email: '' });
  return [header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n');
}

export async function enrollmentOf(t: TestBackend, email: string, sequenceId: string): Promise<Enrollment> {
  const detail = await t.call('contacts:get', { email });
  const found = detail.enrollments.find((e) => e.sequenceId === sequenceId);
  if (!found) throw new Error(`${email} is not enrolled in sequence ${sequenceId}`);
  return found;
}

export async function statesOf(t: TestBackend, emails: string[], sequenceId: string): Promise<EnrollmentState[]> {
  return Promise.all(emails.map(async (e) => (await enrollmentOf(t, e, sequenceId)).state));
}

/** Emails Recruiterflow created more than once (must always be empty). */
export function duplicateCreates(sandbox: Sandbox): string[] {
  const seen = new Map<string, number>();
  for (const entry of sandbox.state.createLog) seen.set(entry.email, (seen.get(entry.email) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([email]) => email);
}

export function createsOf(sandbox: Sandbox, email: string): number {
  return sandbox.state.createLog.filter((c) => c.email === email.toLowerCase()).length;
}

export function requestsTo(sandbox: Sandbox, path: string): number {
  return sandbox.stats().byPath[`/api/external/${path}`] ?? 0;
}

export function currentUserId(t: TestBackend): number {
  return t.backend.ctx.sqlite.prepare('select id from users where is_current = 1').pluck().get() as number;
}

/** Polls `check` (no fixed sleeps) until it holds or `timeoutMs` passes. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, everyMs = 25): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
