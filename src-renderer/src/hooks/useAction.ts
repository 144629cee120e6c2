import { useCallback, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { call } from '../api/call';

/** Runs mutations with a busy flag; failures become notifications and resolve to undefined. */
export function useAction(): {
  busy: boolean;
  run: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C> | undefined>;
} {
  const [pending, setPending] = useState(0);
  const run = useCallback(async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    setPending((n) => n + 1);
    try {
      return await call(channel, input);
    } finally {
      setPending((n) => n - 1);
    }
  }, []);
  return { busy: pending > 0, run };
}
