// After a successful change made from this window, every visible query refreshes, even when the backend
// sends no event for it (events still cover changes made elsewhere: the scheduler, the CLI, another window).
import { CHANNEL_KINDS } from '../../../src-shared/channels';
import type { Channel } from '../../../src-shared/contract';

const listeners = new Set<() => void>();

export function isMutation(channel: Channel): boolean {
  return CHANNEL_KINDS[channel] === 'mutation';
}

export function announceLocalChange(): void {
  for (const l of listeners) l();
}

export function onLocalChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
