// Test fixtures: a real backend on a real SQLite file in a fresh temp folder, and the sandbox
// Recruiterflow over real HTTP on 127.0.0.1. Used by the vitest suites; never by the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { AppError, type AppErrorShape } from '../../src-shared/result';
import { createBackend, type Backend, type BackendOptions } from '../app/createBackend';
import { startSandbox, type Faults, type Sandbox } from '../sandbox';

export function tempDir(prefix = 'flowbridge-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls and expects a typed failure; returns it. */
  fails<C extends Channel>(channel: C, input: unknown): Promise<AppErrorShape>;
  close(): Promise<void>;
}

export function openTestBackend(options: Partial<BackendOptions> = {}): TestBackend {
  const dataDir = options.dataDir ?? tempDir();
  const backend = createBackend({ host: 'cli', ...options, dataDir });
  return {
    backend,
    dataDir,
    async call(channel, input) {
      const result = await backend.invoke(channel, input);
      if (!result.ok) throw new AppError(result.error.code, `${channel}: ${result.error.message}`);
      return result.value as never;
    },
    async fails(channel, input) {
      const result = await backend.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    async close() {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A backend connected to a fresh sandbox, with contacts imported from `csv` when given. */
export async function connectedBackend(
  options: { faults?: Faults; csv?: string; backend?: Partial<BackendOptions> } = {},
): Promise<TestBackend & { sandbox: Sandbox }> {
  const sandbox = await startSandbox({ port: 0, faults: options.faults });
  const t = openTestBackend(options.backend);
  // Connect without faults so the key check passes, then apply them.
  sandbox.setFaults({});
  await t.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  if (options.faults) sandbox.setFaults(options.faults);
  if (options.csv) await t.call('contacts:import', { csv: options.csv });
  return {
    ...t,
    sandbox,
    async close() {
      await t.close();
      await sandbox.stop();
    },
  };
}

/** A CSV of `n` contacts named person0..person{n-1}@example.test (plus any extra columns). */
export function contactsCsv(n: number, extra: Record<string, (i: number) => string> = {}): string {
  const extraNames = Object.keys(extra);
  const header = ['email', 'first_name', 'last_name', 'company', ...extraNames].join(',');
  const rows = Array.from({ length: n }, (_, i) =>
    [`person${i}@example.test`, `First${i}`, `Last${i}`, `Company ${i % 7}`, ...extraNames.map((k) => extra[k]!(i))].join(','),
  );
  return [header, ...rows].join('\n');
}
