// Waiting in the sync engine: every wait ends early when the sync stops (pause, quit, SIGTERM), and
// none hands setTimeout a delay it cannot hold (past 2^31-1 ms Node fires after 1 ms, with a warning).

/** The longest delay setTimeout holds. */
const MAX_TIMER_MS = 2_147_483_647;

/** Resolves after `ms`, or as soon as `signal` aborts (it never rejects: callers look at the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(MAX_TIMER_MS, Math.max(0, ms)));
    signal?.addEventListener('abort', done, { once: true });
  });
}
