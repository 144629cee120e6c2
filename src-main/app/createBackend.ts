// The one backend every host wraps (desktop main process, browser mode, command line). It owns the
// database, the handlers, the event emitter and the scheduler, and never imports `electron`.
import { join } from 'node:path';
import type { Result } from '../../src-shared/result';
import { openDatabase } from '../db/open';
import { appHandlers } from '../handlers/app';
import { peopleHandlers } from '../handlers/people';
import { ownerStageHandlers } from '../handlers/ownerStages';
import { recordHandlers } from '../handlers/records';
import { syncHandlers } from '../handlers/sync';
import { mailboxHandlers } from '../handlers/mailbox';
import { linkHandlers } from '../handlers/links';
import { MailboxWatcher, type WatcherOptions } from '../mailbox/watcher';
import { ensureOwner } from '../domain/users';
import { fileSecretStore } from '../secrets/fileSecretStore';
import { osKeychain } from '../secrets/osKeychain';
import type { SecretStore } from '../secrets/secretStore';
import { LinkChecker } from '../sync/linkCheck';
import { Scheduler, type SchedulerOptions } from '../sync/scheduler';
import { systemClock, type Clock, type Ctx, type HostKind, type SandboxLauncher } from '../backend/context';
import { BackendEvents } from '../backend/events';
import { defaultMigrationsDir } from '../backend/paths';
import { createRegistry } from '../backend/registry';
import { BulkWriter, type WorkerEntry } from '../bulk/bulkWriter';

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
  mailbox?: WatcherOptions;
  /** How often the linked records are read back (default 6 hours; sync/linkCheck.ts). */
  linksEveryMs?: number;
  version?: string;
  /** Where the background writer's code is (default: found next to this build or source); null: no worker. */
  bulkWorker?: WorkerEntry | null;
}

export interface Backend {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  events: BackendEvents;
  scheduler: Scheduler;
  /** Imports and adds to a sequence, run off the thread that answers the UI (bulk/bulkWriter.ts). */
  bulk: BulkWriter;
  ctx: Ctx;
  /** Set when an existing database was upgraded: where its pre-migration copy is. */
  backupPath: string | null;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const file = join(options.dataDir, 'flowbridge.db');
  const { sqlite, db, backupPath } = openDatabase(file, {
    migrationsDir: options.migrationsDir ?? defaultMigrationsDir(),
    nativeBinding: options.nativeBinding,
    clock,
  });
  // Browser mode and the command line share the OS keychain with the desktop app where there is one.
  const secrets = options.secrets ?? fileSecretStore(options.dataDir, { keychain: osKeychain() });
  // A key left in plain text (typed into the command line where no keychain opened) is moved into the
  // keychain, or encrypted by the desktop app, as soon as a host that can do so starts.
  secrets.upgrade();
  const events = new BackendEvents();
  let scheduler: Scheduler | null = null;
  const ctx: Ctx = {
    db,
    sqlite,
    clock,
    fetch: options.fetch ?? globalThis.fetch,
    events,
    secrets,
    dataDir: options.dataDir,
    host: options.host,
    random: options.random ?? Math.random,
    launchSandbox: options.launchSandbox,
    wake: () => scheduler?.wake(),
  };
  ensureOwner(ctx);
  scheduler = new Scheduler(ctx, options.scheduler);
  // Live reply detection runs while the scheduler runs (desktop and browser mode), not in the CLI.
  const mailbox = new MailboxWatcher(ctx, options.mailbox);
  // Imports and adds run on a thread of their own where a UI waits on this one (see bulk/bulkWriter.ts).
  const bulk = new BulkWriter(ctx, {
    threaded: options.host !== 'cli',
    setup: { file, nativeBinding: options.nativeBinding, dataDir: options.dataDir, host: options.host },
    entry: options.bulkWorker,
  });
  scheduler.attach(mailbox);
  scheduler.attach(new LinkChecker(ctx, options.linksEveryMs));
  const registry = createRegistry(ctx, [
    appHandlers(options.version ?? '0.0.0'),
    peopleHandlers,
    ownerStageHandlers,
    recordHandlers(bulk),
    syncHandlers(scheduler),
    mailboxHandlers(mailbox),
    linkHandlers,
  ]);
  let closed = false;
  return {
    invoke: (channel, input) => registry.invoke(channel, input),
    events,
    scheduler,
    bulk,
    ctx,
    backupPath,
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      await bulk.close();
      sqlite.close();
    },
  };
}
