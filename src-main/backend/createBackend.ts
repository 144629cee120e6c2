// The one backend every host wraps (desktop main process, browser mode, command line). It owns the
// database, the handlers, the event emitter and the scheduler, and never imports `electron`.
import { join } from 'node:path';
import type { Result } from '../../src-shared/result';
import { openDatabase } from '../db/open';
import { appHandlers } from '../handlers/app';
import { peopleHandlers } from '../handlers/people';
import { recordHandlers } from '../handlers/records';
import { syncHandlers } from '../handlers/sync';
import { ensureOwner } from '../domain/users';
import { fileSecretStore } from '../secrets/fileSecretStore';
import type { SecretStore } from '../secrets/secretStore';
import { Scheduler, type SchedulerOptions } from '../sync/scheduler';
import { systemClock, type Clock, type Ctx, type HostKind, type SandboxLauncher } from './context';
import { BackendEvents } from './events';
import { defaultMigrationsDir } from './paths';
import { createRegistry } from './registry';

export interface BackendOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  fetch?: typeof fetch;
  random?: () => number;
  secrets?: SecretStore;
  nativeBinding?: string;
  migrationsDir?: string;
  launchSandbox?: SandboxLauncher;
  scheduler?: SchedulerOptions;
  version?: string;
}

export interface Backend {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  events: BackendEvents;
  scheduler: Scheduler;
  ctx: Ctx;
  /** Set when an existing database was upgraded: where its pre-migration copy is. */
  backupPath: string | null;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const { sqlite, db, backupPath } = openDatabase(join(options.dataDir, 'flowbridge.db'), {
    migrationsDir: options.migrationsDir ?? defaultMigrationsDir(),
    nativeBinding: options.nativeBinding,
    clock,
  });
  const events = new BackendEvents();
  let scheduler: Scheduler | null = null;
  const ctx: Ctx = {
    db,
    sqlite,
    clock,
    fetch: options.fetch ?? globalThis.fetch,
    events,
    secrets: options.secrets ?? fileSecretStore(options.dataDir),
    dataDir: options.dataDir,
    host: options.host,
    random: options.random ?? Math.random,
    launchSandbox: options.launchSandbox,
    wake: () => scheduler?.wake(),
  };
  ensureOwner(ctx);
  scheduler = new Scheduler(ctx, options.scheduler);
  const registry = createRegistry(ctx, [
    appHandlers(options.version ?? '0.0.0'),
    peopleHandlers,
    recordHandlers,
    syncHandlers(scheduler),
  ]);
  let closed = false;
  return {
    invoke: (channel, input) => registry.invoke(channel, input),
    events,
    scheduler,
    ctx,
    backupPath,
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      sqlite.close();
    },
  };
}
