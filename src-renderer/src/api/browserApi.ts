// The browser-mode client: the same FlowbridgeApi shape as the Electron preload, generated from the
// contract's channel list (channels.ts: the same names as plain data, so zod stays out of the bundle). Calls go to POST /api/invoke/<channel>; events arrive over one EventSource.
import type { FlowbridgeApi, Invoke } from '../../../src-shared/api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../src-shared/channels';
import type { Channel, EventName, ServerEvents } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/result';
import { setBackendLost } from './backendHealth';
import { reportUnauthorized } from './unauthorized';

const UNAUTHORIZED = 'The access token was refused.';

async function post(token: string, channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/invoke/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    setBackendLost(true);
    return {
      ok: false,
      error: { code: 'internal', message: 'Lost contact with the Flowbridge server. Is `npm start` / `serve` still running?' },
    };
  }
  setBackendLost(false);
  if (response.status === 401) {
    reportUnauthorized(UNAUTHORIZED);
    return { ok: false, error: { code: 'forbidden', message: UNAUTHORIZED } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
  }
}

type AnyListener = (payload: unknown) => void;

function createEventHub(token: string) {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    // The stream drops when the server stops; EventSource retries by itself and `open` means it is back.
    source.addEventListener('error', () => setBackendLost(true));
    source.addEventListener('open', () => setBackendLost(false));
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  }

  return function on<E extends EventName>(event: E, listener: (payload: ServerEvents[E]) => void): () => void {
    connect();
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    const l = listener as AnyListener;
    set.add(l);
    return () => {
      set.delete(l);
    };
  };
}

export function createBrowserApi(token: string): FlowbridgeApi {
  const invoke = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => post(token, channel, input)]),
  ) as unknown as Invoke;
  return { invoke, on: createEventHub(token), host: 'browser' };
}
