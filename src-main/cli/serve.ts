// The two long-running commands: browser mode (`serve`) and the sandbox Recruiterflow (`sandbox serve`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../app/createBackend';
import { findUp } from '../backend/paths';
import { sandboxLauncher } from '../backend/sandboxLauncher';
import { appVersion } from '../backend/version';
import { startSandbox } from '../sandbox';
import { startBrowserServer } from '../server/browserServer';
import { AppError } from '../../src-shared/result';
import type { Flags } from './args';
import type { CliIo } from './command';

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

function port(flags: Flags): number {
  const value = flags.string('port');
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new AppError('invalid_input', `--port must be a port number, not "${value}"`);
  return Number(value);
}

function rendererDir(): string {
  const root = findUp(join('out', 'renderer', 'index.html')) ?? findUp('package.json') ?? process.cwd();
  return join(root, 'out', 'renderer');
}

export async function serveCommand(flags: Flags, dataDir: string, json: boolean, io: CliIo): Promise<number> {
  flags.allow('port');
  mkdirSync(dataDir, { recursive: true });
  const launcher = sandboxLauncher();
  const backend = createBackend({ dataDir, host: 'browser', version: appVersion(), launchSandbox: launcher });
  const server = await startBrowserServer({ backend, staticDir: rendererDir(), port: port(flags) });
  backend.scheduler.start();
  io.stdout(
    json
      ? `${JSON.stringify({ url: server.url, dataDir })}\n`
      : `Flowbridge (browser mode) is running at ${server.url}\nData folder: ${dataDir}\n`,
  );
  await untilInterrupted();
  await server.close();
  await backend.close();
  await launcher.stop();
  return 0;
}

export async function sandboxServeCommand(flags: Flags, json: boolean, io: CliIo): Promise<number> {
  flags.allow('port');
  const sandbox = await startSandbox({ port: port(flags) });
  io.stdout(
    json
      ? `${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey, adminToken: sandbox.adminToken })}\n`
      : `Sandbox Recruiterflow at ${sandbox.url}\nDemo API key: ${sandbox.apiKey}\nConnect with: npm run --silent cli -- connect --base-url ${sandbox.url} --api-key ${sandbox.apiKey}\nAdmin token (X-Sandbox-Admin-Token header, for /__sandbox/faults, reset, state, stats): ${sandbox.adminToken}\n`,
  );
  await untilInterrupted();
  await sandbox.stop();
  return 0;
}
