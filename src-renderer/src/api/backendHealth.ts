// Whether the browser-mode page can still reach its Flowbridge server. The event stream drops (and
// every call fails) when `serve` stops; the status bar says so instead of showing stale numbers.
import { useSyncExternalStore } from 'react';

let lost = false;
const listeners = new Set<() => void>();

export function setBackendLost(value: boolean): void {
  if (lost === value) return;
  lost = value;
  for (const l of listeners) l();
}

export function useBackendLost(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lost,
  );
}
