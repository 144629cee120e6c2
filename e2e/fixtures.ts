// End-to-end fixtures: every test gets its own data folder and its own browser-mode server
// (`cli serve`), started as a child process and ready when it prints its URL. Helpers call the same
// HTTP API the page uses (for setup that is not the subject of the test) and inject faults into the
// built-in sandbox Recruiterflow that "Use the Sandbox" starts inside that server.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Channel, ChannelInput, ChannelOutput } from '../src-shared/contract';
import type { Result } from '../src-shared/result';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A channel's input, which may be left out when every field of it is optional. */
type OptionalInput<C extends Channel> =
  Record<string, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

interface Started<T> {
  proc: ChildProcess;
  info: T;
}

/** Runs the command line (`node --import tsx src-main/cli/main.ts ... --json`) until it prints one JSON line. */
async function startCli<T>(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started<T>> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: proc.stdout });
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} printed nothing in 30 s\n${stderr}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`unexpected output from ${args.join(' ')}: ${line}\n${stderr}`));
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}\n${stderr}`));
    });
  });
  return { proc, info };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface App {
  /** The URL with the access token, as `serve` printed it. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls a channel over the browser-mode API and returns its value (throws on an error result). */
  api<C extends Channel>(channel: C, ...input: OptionalInput<C>): Promise<ChannelOutput<C>>;
  /** Connects to the built-in sandbox ("Use the Sandbox") and returns its base URL. */
  useSandbox(): Promise<string>;
  /** Sets the fault injection of the built-in sandbox (e.g. { dropRate: 1 } = unreachable). */
  sandboxFaults(faults: Record<string, unknown>): Promise<void>;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  adminToken: string;
}

export const test = base.extend<{ app: App; sandbox: Sandbox }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowbridge-e2e-'));
    // The built-in sandbox's admin endpoints need its token: this test picks it, nobody else knows it.
    const sandboxAdminToken = randomBytes(18).toString('base64url');
    const { proc, info } = await startCli<{ url: string }>(['serve', '--port', '0', '--data-dir', dataDir], {
      FLOWBRIDGE_SANDBOX_ADMIN_TOKEN: sandboxAdminToken,
    });
    const origin = new URL(info.url).origin;
    const token = decodeURIComponent(info.url.split('#token=')[1] ?? '');
    let sandboxUrl: string | null = null;
    const api = async <C extends Channel>(channel: C, ...[input]: OptionalInput<C>): Promise<ChannelOutput<C>> => {
      const res = await fetch(`${origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const result = (await res.json()) as Result<ChannelOutput<C>>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    const app: App = {
      url: info.url,
      origin,
      token,
      dataDir,
      api,
      async useSandbox() {
        const conn = await api('connection:useSandbox');
        if (!conn.baseUrl) throw new Error('connection:useSandbox gave no base URL');
        sandboxUrl = conn.baseUrl;
        return conn.baseUrl;
      },
      async sandboxFaults(faults) {
        sandboxUrl ??= (await api('connection:get')).baseUrl;
        if (!sandboxUrl) throw new Error('not connected to a sandbox');
        const res = await fetch(`${sandboxUrl}/__sandbox/faults`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sandbox-Admin-Token': sandboxAdminToken },
          body: JSON.stringify(faults),
        });
        if (!res.ok) throw new Error(`sandbox faults: ${res.status}`);
      },
    };
    await use(app);
    await stop(proc);
    rmSync(dataDir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const { proc, info } = await startCli<Sandbox>(['sandbox', 'serve', '--port', '0']);
    await use(info);
    await stop(proc);
  },
});

export { expect };

/** Opens the app and waits until the shell has loaded its first screen. */
export async function openApp(page: Page, app: App, hash = ''): Promise<void> {
  await page.goto(hash ? `${app.url.replace(/#.*$/, '')}#token=${encodeURIComponent(app.token)}` : app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  if (hash) await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

/** Navigates through the main navigation. */
export async function goTo(
  page: Page,
  screen: 'Sequences' | 'Contacts' | 'Sync queue' | 'Errors' | 'Activity' | 'Settings',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: new RegExp(`^${screen}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

/** A CSV file for an <input type=file>, built in memory. */
export function csvFile(name: string, rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${text}\n`) };
}
