// Runs the real command line (or another script) as its own process (tsx, exactly as `npm run cli`
// does) and, when asked, kills it with SIGKILL: after a delay, or when a condition about the outside world turns true (the
// database's WAL grew, the sandbox logged a create). tsx starts the program in a child process, so each
// run gets its own process group and the kill takes the whole group: nothing survives to finish the job.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(ROOT, 'src-main', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when this harness killed the process before it exited by itself. */
  killed: boolean;
  /** Milliseconds from spawn to exit. */
  ms: number;
  /** How long the killed process group took to be reaped after the exit was seen. */
  reapWaitMs: number;
}

export type KillPlan =
  | { kind: 'none' }
  /** SIGKILL after `ms` milliseconds. */
  | { kind: 'after'; ms: number }
  /** SIGKILL `jitterMs` after `when()` first returns true (polled every 2 ms). */
  | { kind: 'when'; when: () => boolean; jitterMs: number };

export function runCliProcess(
  dataDir: string,
  args: string[],
  plan: KillPlan = { kind: 'none' },
  options: { awaitReaped?: boolean } = {},
): Promise<CliRun> {
  return runKillable([TSX, MAIN, ...args, '--data-dir', dataDir, '--json'], plan, { ...options, env: { FLOWBRIDGE_DATA_DIR: dataDir } });
}

/** Runs `node <argv>` in its own process group and kills the whole group as `plan` says. */
export function runKillable(
  argv: string[],
  plan: KillPlan = { kind: 'none' },
  options: { awaitReaped?: boolean; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let exited = false;
  let killed = false;
  const timers: NodeJS.Timeout[] = [];
  const kill = () => {
    if (exited || killed) return;
    killed = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  if (plan.kind === 'after') timers.push(setTimeout(kill, plan.ms));
  if (plan.kind === 'when') {
    const poll = setInterval(() => {
      if (exited || killed) return clearInterval(poll);
      if (plan.when()) {
        clearInterval(poll);
        if (plan.jitterMs <= 0) kill();
        else timers.push(setTimeout(kill, plan.jitterMs));
      }
    }, 2);
    timers.push(poll);
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      exited = true;
      for (const t of timers) clearTimeout(t);
      // The group may still hold tsx's esbuild service when only the parent went: clean it up.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Nothing left.
      }
      const closed = Date.now();
      void (killed && options.awaitReaped ? groupGone(child.pid!) : Promise.resolve()).then(() =>
        resolve({
          code,
          signal,
          stdout,
          stderr,
          killed: killed && signal === 'SIGKILL',
          ms: closed - started,
          reapWaitMs: Date.now() - closed,
        }),
      );
    });
  });
}

/** Pids (zombies included) whose process group is `pgid`, from /proc; empty where there is no /proc. */
function groupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const pid of entries) {
    try {
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push(Number(pid));
    } catch {
      // Gone meanwhile.
    }
  }
  return members;
}

/**
 * Waits until every process of the group has exited and been reaped. A killed grandchild is re-parented
 * to PID 1, and until PID 1 reaps it, it is a zombie that still answers kill(pid, 0): the next run would
 * take it for alive. On a desktop the session reaps at once; in a container that can take a moment.
 */
async function groupGone(pgid: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (groupMembers(pgid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

/** Runs a command that must succeed and returns its JSON output. */
export async function cliOk<T = unknown>(dataDir: string, args: string[]): Promise<T> {
  const run = await runCliProcess(dataDir, args);
  if (run.code !== 0) throw new Error(`cli ${args.join(' ')} failed (${run.code}): ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as T;
}
