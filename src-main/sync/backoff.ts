// Exponential backoff with full jitter, honouring Retry-After when the server sends one.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000, maxAttempts: 10 };

/** Delay before attempt `attempt + 1`, given `attempt` failures so far (1-based). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number, retryAfterMs: number | null): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: spreads a burst of retries without ever retrying at once.
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}
