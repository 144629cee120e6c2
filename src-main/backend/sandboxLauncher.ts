// "Use the Sandbox": starts the built-in sandbox Recruiterflow once per process, on 127.0.0.1.
import type { SandboxLauncher } from './context';
import { startSandbox, type Sandbox } from '../sandbox';

export function sandboxLauncher(): SandboxLauncher & { stop(): Promise<void> } {
  let running: Promise<Sandbox> | null = null;
  const launch = async () => {
    running ??= startSandbox({ port: 0 });
    const sandbox = await running;
    return { url: sandbox.url, apiKey: sandbox.apiKey };
  };
  return Object.assign(launch, {
    async stop() {
      if (running) await (await running).stop();
    },
  });
}
