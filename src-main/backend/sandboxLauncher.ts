// "Use the Sandbox": starts the built-in sandbox Recruiterflow once per process, on 127.0.0.1. Its admin
// endpoints need a token nobody else learns (random per start); a test that drives the app from outside
// sets FLOWBRIDGE_SANDBOX_ADMIN_TOKEN to know it.
import type { SandboxLauncher } from './context';
import { startSandbox, type Sandbox } from '../sandbox';

export function sandboxLauncher(): SandboxLauncher & { stop(): Promise<void> } {
  let running: Promise<Sandbox> | null = null;
  const launch = async () => {
    running ??= startSandbox({ port: 0, adminToken: process.env.FLOWBRIDGE_SANDBOX_ADMIN_TOKEN || undefined });
    const sandbox = await running;
    return { url: sandbox.url, apiKey: sandbox.apiKey };
  };
  return Object.assign(launch, {
    async stop() {
      if (running) await (await running).stop();
    },
  });
}
