// The API object the UI talks to. Both the Electron preload and the browser-mode client implement it,
// method for method, from the contract's channel list.
import type { Channel, ChannelInput, ChannelOutput, EventName, ServerEvents } from './contract';
import type { Result } from './result';

export type Invoke = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

export interface FlowbridgeApi {
  invoke: Invoke;
  on<E extends EventName>(event: E, listener: (payload: ServerEvents[E]) => void): () => void;
  host: 'electron' | 'browser';
}
