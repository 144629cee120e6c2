// After a successful change made from this window, every visible query refreshes, even when the backend
// sends no event for it (events still cover changes made elsewhere: the scheduler, the CLI, another window).
import type { Channel } from '../../../src-shared/contract';

const READ_VERBS = new Set(['list', 'get', 'info', 'status', 'preview', 'catalog', 'summary', 'csvPreview', 'enrollments', 'clonePlan', 'export']);
const listeners = new Set<() => void>();

export function isMutation(channel: Channel): boolean {
  return !READ_VERBS.has(channel.split(':')[1] ?? '');
}

export function announceLocalChange(): void {
  for (const l of listeners) l();
}

export function onLocalChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
