// A helper process for the benchmark (browser-mode server, sandbox Recruiterflow) that prints one JSON
// line when it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts `node <argv>` and resolves with the process and its first output line, parsed as JSON. */
export async function spawnReady<T>(argv: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited (${code}) before it was ready`)));
  });
  return { child, ready: JSON.parse(line) as T };
}
