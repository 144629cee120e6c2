// A tiny store for "the backend refused our token": the App shows a full-page message when it is set.
type Listener = (reason: string | null) => void;

let reason: string | null = null;
const listeners = new Set<Listener>();

export function reportUnauthorized(why: string): void {
  reason = why;
  for (const l of listeners) l(reason);
}

export function getUnauthorized(): string | null {
  return reason;
}

export function subscribeUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
