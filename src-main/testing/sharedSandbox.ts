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

/** A raw call to the sandbox's API with its key, as any HTTP client would make it: the status and the JSON. */
export async function sandboxApi(
  sandbox: Sandbox,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sandbox.url}/api/external/${path}`, {
    method,
    headers: { 'RF-Api-Key': sandbox.apiKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
