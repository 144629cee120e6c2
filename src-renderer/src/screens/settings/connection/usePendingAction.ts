// The connection panel's actions, one at a time by name (its button shows the spinner), and the
// connection status read again after each.
import { useState } from 'react';

export type PendingAction = (name: string, fn: () => Promise<unknown>) => Promise<void>;

export function usePendingAction(afterEach: () => void): { pending: string | null; act: PendingAction } {
  const [pending, setPending] = useState<string | null>(null);

  async function act(name: string, fn: () => Promise<unknown>) {
    setPending(name);
    await fn();
    setPending(null);
    afterEach();
  }

  return { pending, act };
}
