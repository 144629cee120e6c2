// Runs the sandbox as its own process, for e2e fixtures, benchmarks and manual testing:
//   tsx src-main/sandbox/main.ts [--port 4010] [--no-seed] [--faults '{"errorRate":0.1}']
// Prints one JSON line {"ready":true,"url":...,"apiKey":...} when it listens (an explicit ready
// signal); stops on SIGINT/SIGTERM. Change faults later with POST <url>/__sandbox/faults, sending the
// printed adminToken in the X-Sandbox-Admin-Token header.
import { startSandbox } from './server';
import type { Faults } from './types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const port = Number(arg('--port') ?? process.env.SANDBOX_PORT ?? 0);
const faultsText = arg('--faults') ?? process.env.SANDBOX_FAULTS;
const faults = faultsText ? (JSON.parse(faultsText) as Faults) : undefined;

const sandbox = await startSandbox({ port, faults, seed: !process.argv.includes('--no-seed') });
process.stdout.write(
  `${JSON.stringify({ ready: true, url: sandbox.url, apiKey: sandbox.apiKey, port: sandbox.port, adminToken: sandbox.adminToken })}\n`,
);

const shutdown = (): void => {
  void sandbox.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
