// Runs the real command line as its own process (node --import tsx src-main/cli/main.ts, the program
// itself, no wrapper process) and watches it from outside: its peak resident memory (VmHWM in
// /proc/<pid>/status, Linux) and how long it takes. A process that goes over the memory bound or the
// time bound is killed at once, so a regression fails its test instead of exhausting the machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const MAIN = join(ROOT, 'src-main', 'cli', 'main.ts');

export interface BoundedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Highest resident memory seen, in MB (VmHWM, read every 25 ms while the process lives). */
  peakMb: number;
  /** Why this harness killed the process, if it did. */
  killedFor: 'memory' | 'time' | null;
}

function vmHwmMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null; // already gone
  }
}

export function runCliBounded(dataDir: string, args: string[], bounds: { maxMb: number; maxMs: number }): Promise<BoundedRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args, '--data-dir', dataDir, '--json'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FLOWBRIDGE_DATA_DIR: dataDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let peakMb = 0;
  let killedFor: BoundedRun['killedFor'] = null;
  const kill = (why: 'memory' | 'time') => {
    if (killedFor) return;
    killedFor = why;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const watch = setInterval(() => {
    const mb = vmHwmMb(child.pid!);
    if (mb !== null) peakMb = Math.max(peakMb, mb);
    if (peakMb > bounds.maxMb) kill('memory');
    else if (Date.now() - started > bounds.maxMs) kill('time');
  }, 25);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(watch);
      resolve({ code, stdout, stderr, ms: Date.now() - started, peakMb: Math.round(peakMb), killedFor });
    });
  });
}
