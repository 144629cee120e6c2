// One sandbox Recruiterflow per test file, back to its seed and without faults before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';

/** Registers the hooks; `use` receives the sandbox once it listens. */
export function sharedSandbox(use: (sandbox: Sandbox) => void): void {
  let sandbox: Sandbox | null = null;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    use(sandbox);
  });
  afterAll(() => sandbox?.stop());
  beforeEach(() => {
    sandbox?.reset();
    sandbox?.setFaults({});
  });
}
