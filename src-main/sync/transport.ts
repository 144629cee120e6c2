// The engine's transport: every request to Recruiterflow goes through the pacer, and is timed from the
// moment the pacer lets it go, never while it waits for a slot or behind a Retry-After.
import type { Pacer } from './pacer';

/** `base` paced by `pacer`, each request (answer body included) within `timeoutMs` of being sent. */
export function pacedFetch(pacer: Pacer, base: typeof fetch, timeoutMs: number): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    pacer.run(() => fetchWithin(base, input, init, timeoutMs), (res) => res.status));
}

/**
 * One request, answer body included, within `timeoutMs` from now. The body is read here so a server
 * that stalls mid-answer is timed out too; Recruiterflow's answers are small JSON documents.
 */
async function fetchWithin(
  base: typeof fetch,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  timeoutMs: number,
): Promise<Response> {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  try {
    const signal = init?.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    const res = await base(input, { ...init, signal });
    const body = await res.arrayBuffer();
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } catch (error) {
    throw timer.signal.aborted ? timer.signal.reason : error;
  } finally {
    clearTimeout(handle);
  }
}

