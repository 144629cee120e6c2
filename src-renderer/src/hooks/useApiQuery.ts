// A small query hook: loads a channel's value, keeps the previous value while reloading, and refetches
// when one of the named backend events arrives. Errors are shown as notifications by `call`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput, EventName } from '../../../src-shared/contract';
import type { AppErrorShape } from '../../../src-shared/result';
import { callResult, notifyError } from '../api/call';
import { useRefetchOn } from './useServerEvent';

export interface QueryState<T> {
  data: T | undefined;
  error: AppErrorShape | null;
  loading: boolean;
  refetch: () => void;
}

export interface QueryOptions {
  refetchOn?: readonly EventName[];
  enabled?: boolean;
  /** Do not show a notification on failure (the screen shows the error itself). */
  quiet?: boolean;
}

export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  { refetchOn = [], enabled = true, quiet = false }: QueryOptions = {},
): QueryState<ChannelOutput<C>> {
  const key = JSON.stringify(input);
  const [data, setData] = useState<ChannelOutput<C> | undefined>(undefined);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(enabled);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    const result = await callResult(channel, JSON.parse(key) as ChannelInput<C>);
    if (mine !== generation.current) return;
    setLoading(false);
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else {
      setError(result.error);
      if (!quiet) notifyError(result.error);
    }
  }, [channel, key, quiet]);

  useEffect(() => {
    if (enabled) void load();
  }, [load, enabled]);

  useRefetchOn(enabled ? refetchOn : [], () => void load());

  return { data, error, loading, refetch: () => void load() };
}
