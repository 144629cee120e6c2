// The command line run in-process against a data folder, as the CLI tests drive it: the exit code, what
// it printed, and the JSON it printed when asked for JSON (`--json` among the arguments).
import { runCli } from '../cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | null;
}

export async function runCliIn(dataDir: string, argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  const json = argv.includes('--json') && stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : null;
  return { code, stdout, stderr, json };
}
