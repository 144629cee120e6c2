// What every handler and domain function receives: the open database and the injected world.
import type { Db, Sqlite } from '../db/open';
import type { SecretStore } from '../secrets/secretStore';
import type { BackendEvents } from './events';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type HostKind = 'electron' | 'browser' | 'cli';

/** Starts (once) the built-in sandbox Recruiterflow and says where it is; hosts that cannot, omit it. */
export type SandboxLauncher = () => Promise<{ url: string; apiKey: string }>;

export interface Ctx {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  fetch: typeof fetch;
  events: BackendEvents;
  secrets: SecretStore;
  dataDir: string;
  host: HostKind;
  random: () => number;
  launchSandbox?: SandboxLauncher;
  /** Called when something changed that the scheduler should act on (new queue rows, a reconnect). */
  wake(): void;
}
