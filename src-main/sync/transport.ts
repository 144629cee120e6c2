// The engine's transport: every request to Recruiterflow goes through the pacer, and is timed from the
// moment the pacer lets it go, never while it waits for a slot or behind a Retry-After.
import { BodyTooLargeError, MAX_BODY_BYTES, readCapped } from '../recruiterflow/body';
import type { Pacer } from './pacer';

/**
 * `base` paced by `pacer`, each request (answer body included) within `timeoutMs` of being sent.
 * `halt` (the engine stopping: pause, quit) ends a request under way and any wait for the pacer.
 */
export function pacedFetch(pacer: Pacer, base: typeof fetch, timeoutMs: number, halt?: AbortSignal): typeof fetch {
  return (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    pacer.run(
      () => fetchWithin(base, input, init, timeoutMs, halt),
      (res) => res.status,
      halt,
    );
}

/** Statuses a Response may not carry a body with. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * One request, answer body included, within `timeoutMs` from now. The body is read here so a server
 * that stalls mid-answer is timed out too. It is read as a stream up to the size cap: a larger answer
 * is dropped as it arrives and reported as BodyTooLargeError, which the client turns into a server error.
 */
async function fetchWithin(
  base: typeof fetch,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  timeoutMs: number,
  halt?: AbortSignal,
): Promise<Response> {
  // One controller per request, with listeners removed afterwards (no AbortSignal.any on the long-lived
  // `halt`, which would hold every request's signal for the engine's lifetime).
  const ctrl = new AbortController();
  const handle = setTimeout(() => ctrl.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const callerSignal = init?.signal ?? undefined;
  const onCaller = (): void => ctrl.abort(callerSignal?.reason);
  const onHalt = (): void => ctrl.abort(new Error('aborted: the sync is stopping'));
  if (callerSignal?.aborted) onCaller();
  if (halt?.aborted) onHalt();
  callerSignal?.addEventListener('abort', onCaller, { once: true });
  halt?.addEventListener('abort', onHalt, { once: true });
  try {
    const res = await base(input, { ...init, signal: ctrl.signal });
    const { bytes, over } = await readCapped(res, MAX_BODY_BYTES);
    if (over) throw new BodyTooLargeError(res.status);
    // (A view on the same memory, typed as the DOM's Response wants it: no copy.)
    const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
    return new Response(NULL_BODY.has(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw ctrl.signal.aborted ? ctrl.signal.reason : error;
  } finally {
    clearTimeout(handle);
    callerSignal?.removeEventListener('abort', onCaller);
    halt?.removeEventListener('abort', onHalt);
  }
}
