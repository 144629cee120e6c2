// What the sandbox's write rules (writes.ts, stages.ts) read: the records, the clock, the faults, the messages.
import type { SandboxState } from './state';
import type { Faults, SandboxMessages } from './types';

export interface WriteContext {
  state: SandboxState;
  now: number;
  faults: Faults;
  messages: SandboxMessages;
}
