// Hash routing (#/sequences/12/syncing): works from file:// in Electron and from any path in browser mode.
import { useSyncExternalStore } from 'react';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

function snapshot(): string {
  return window.location.hash;
}

function parseRoute(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return parts.length ? parts : ['sequences'];
}

export function useRoute(): string[] {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}

export function navigate(to: string): void {
  const target = to.startsWith('#') ? to : `#${to}`;
  if (window.location.hash !== target) window.location.hash = target;
}

export function href(to: string): string {
  return to.startsWith('#') ? to : `#${to}`;
}
