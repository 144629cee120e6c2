// Runs one command line and returns its exit code. main.ts wires it to the process; tests call it directly.
import { mkdirSync } from 'node:fs';
import { AppError } from '../../src-shared/result';
import { createBackend, type Backend } from '../app/createBackend';
import { defaultDataDir } from '../backend/paths';
import { toFailure } from '../backend/registry';
import { appVersion } from '../backend/version';
import { Flags, parseArgs } from './args';
import { COMMANDS, findCommand } from './commands';
import { formatHuman } from './print';
import { sandboxServeCommand, serveCommand } from './serve';
import type { CliIo } from './command';

const HELP = `Flowbridge command line. Usage: npm run --silent cli -- <command> [flags] [--json] [--data-dir DIR]
Commands: ${[...Object.keys(COMMANDS), 'sandbox serve', 'serve'].sort().join(', ')}
docs/cli.md describes every command, flag, exit code and output.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    json = args.json;
    if (args.words[0] === 'help') {
      io.stdout(json ? `${JSON.stringify({ help: HELP })}\n` : `${HELP}\n`);
      return 0;
    }
    if (args.words.length === 0) {
      // A failure like any other: one line on stderr (and the JSON error); the usage goes to stdout for people.
      if (!json) io.stdout(`${HELP}\n`);
      throw new AppError('invalid_input', 'No command given; run "help" for the list');
    }
    const dataDir = args.dataDir ?? defaultDataDir(io.env);
    if (args.words[0] === 'sandbox' && args.words[1] === 'serve')
      return await sandboxServeCommand(new Flags(args.flags, 'sandbox serve'), json, io);
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
    const message = oneLine(failure.error.message);
    io.stderr(`flowbridge: ${message}\n`);
    if (json) io.stdout(`${JSON.stringify({ error: { code: failure.error.code, message } })}\n`);
    return failure.error.code === 'invalid_input' ? 2 : 1;
  }
}

/** Messages quote what the user typed: keep them to one printable line of reasonable length. */
function oneLine(message: string): string {
  const flat = message.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 499)}…` : flat;
}
