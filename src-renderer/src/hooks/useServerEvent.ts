import { useEffect, useRef } from 'react';
import type { EventName, ServerEvents } from '../../../src-shared/contract';
import { getApi } from '../api/getApi';
import { onLocalChange } from '../api/localChanges';

/** Subscribes to one backend event for the component's lifetime; the latest callback is always used. */
export function useServerEvent<E extends EventName>(event: E, listener: (payload: ServerEvents[E]) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => getApi().on(event, (payload) => ref.current(payload)), [event]);
}

/** Calls `onChange` (throttled) whenever any of the named events arrives. */
export function useRefetchOn(events: readonly EventName[], onChange: () => void, throttleMs = 400): void {
  const ref = useRef(onChange);
  ref.current = onChange;
  const key = events.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const fire = () => {
      const wait = last + throttleMs - Date.now();
      if (wait <= 0) {
        last = Date.now();
        ref.current();
        return;
      }
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        ref.current();
      }, wait);
    };
    const offs = key
      .split(',')
      .filter(Boolean)
      .map((e) => getApi().on(e as EventName, fire));
    if (key) offs.push(onLocalChange(fire));
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, [key, throttleMs]);
}
