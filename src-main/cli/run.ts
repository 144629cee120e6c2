// Runs one command line and returns its exit code. main.ts wires it to the process; tests call it directly.
import { mkdirSync } from 'node:fs';
import { AppError } from '../../src-shared/result';
import { createBackend, type Backend } from '../backend/createBackend';
import { defaultDataDir } from '../backend/paths';
import { toFailure } from '../backend/registry';
import { appVersion } from '../backend/version';
import { Flags, parseArgs } from './args';
import { COMMANDS, findCommand } from './commands';
import { formatHuman } from './print';
import { sandboxServeCommand, serveCommand } from './serve';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

const HELP = `Flowbridge command line. Usage: npm run --silent cli -- <command> [flags] [--json] [--data-dir DIR]
Commands: ${[...Object.keys(COMMANDS), 'sandbox serve', 'serve'].sort().join(', ')}
See shared/cli-contract.md for every flag and output.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    json = args.json;
    if (args.words.length === 0 || args.words[0] === 'help') {
      io.stdout(`${HELP}\n`);
      return args.words.length === 0 ? 2 : 0;
    }
    const dataDir = args.dataDir ?? defaultDataDir(io.env);
    if (args.words[0] === 'sandbox' && args.words[1] === 'serve') return await sandboxServeCommand(new Flags(args.flags, 'sandbox serve'), json, io);
    if (args.words[0] === 'serve') return await serveCommand(new Flags(args.flags, 'serve'), dataDir, json, io);
    const command = findCommand(args.words);
    if (!command) throw new AppError('invalid_input', `Unknown command "${args.words.join(' ')}"; run "help" for the list`);
    mkdirSync(dataDir, { recursive: true });
    let backend: Backend | null = null;
    try {
      backend = createBackend({ dataDir, host: 'cli', version: appVersion() });
      const value = await command.run({ backend, words: args.words, flags: new Flags(args.flags, command.name), io });
      io.stdout(json ? `${JSON.stringify(value)}\n` : `${formatHuman(value)}\n`);
      return 0;
    } finally {
      await backend?.close();
    }
  } catch (error) {
    const failure = toFailure(error);
    if (failure.ok) return 0;
    io.stderr(`flowbridge: ${failure.error.message}\n`);
    if (json) io.stdout(`${JSON.stringify({ error: failure.error })}\n`);
    return failure.error.code === 'invalid_input' ? 2 : 1;
  }
}
