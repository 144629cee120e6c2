// Test tooling: runs Stoplight Prism (devDependency @stoplight/prism-cli, pinned to 5.12.0, the
// last release that runs on Node 20) as a validating proxy in front of an upstream such as the
// sandbox, and reads the violations Prism reports in each response's `sl-violations` header.
// Not exported from index.ts: it spawns a process and needs a devDependency.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SPEC_FILE = 'recruiterflow-openapi.yaml';
const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (this file is src-main/sandbox/specProxy.ts). */
const REPO_ROOT = path.resolve(here, '..', '..');

/** Where to put the published spec when it is not beside the repository: a folder holding SPEC_FILE. */
export const REFERENCE_DIR_ENV = 'FLOWBRIDGE_REFERENCE_DIR';

/**
 * Finds Recruiterflow's published OpenAPI spec, which is not part of this repository:
 * `$FLOWBRIDGE_REFERENCE_DIR/recruiterflow-openapi.yaml`, else `shared/reference/` in the folder that
 * holds the repository (where CI puts it). Null when it is in neither place: tests that need it skip.
 */
export function locateSpec(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env[REFERENCE_DIR_ENV];
  const candidates = [
    ...(fromEnv ? [path.resolve(fromEnv, SPEC_FILE)] : []),
    path.resolve(REPO_ROOT, '..', 'shared', 'reference', SPEC_FILE),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface ObservedCall {
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

export interface SpecProxy {
  url: string;
  /** A fetch that records Prism's verdict on every call made through it. */
  fetch: typeof fetch;
  calls: ObservedCall[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.prism ?? 'dist/index.js');
  return path.join(path.dirname(pkgPath), bin);
}

export async function startSpecProxy(o: { upstream: string; specPath?: string; startTimeoutMs?: number }): Promise<SpecProxy> {
  const spec = o.specPath ?? locateSpec();
  if (!spec) throw new Error(`Recruiterflow OpenAPI spec not found: set ${REFERENCE_DIR_ENV} to the folder holding ${SPEC_FILE}`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [prismEntry(), 'proxy', spec, o.upstream, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within ${o.startTimeoutMs ?? 30_000} ms:\n${output.slice(-2000)}`)),
      o.startTimeoutMs ?? 30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Prism is listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining Prism's (chatty) log so its pipes never fill up.
  child.stdout?.resume();
  child.stderr?.resume();

  const calls: ObservedCall[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const header = res.headers.get('sl-violations');
    let violations: Violation[] = [];
    if (header) {
      try {
        violations = JSON.parse(header) as Violation[];
      } catch {
        violations = [{ location: ['unparsed'], severity: 'Error', code: 'header', message: header }];
      }
    }
    calls.push({ method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, status: res.status, violations });
    return res;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    fetch: recordingFetch,
    calls,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
