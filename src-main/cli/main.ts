// The headless command line (shared/cli-contract.md): `npm run --silent cli -- <command> [flags]`.
import { mkdirSync } from 'node:fs';
import { AppError } from '../../src-shared/result';
import { createBackend, type Backend } from '../backend/createBackend';
import { defaultDataDir } from '../backend/paths';
import { toFailure } from '../backend/registry';
import { Flags, parseArgs } from './args';
import { COMMANDS, findCommand } from './commands';
import { formatHuman } from './print';
import { serveCommand, sandboxServeCommand } from './serve';
import { appVersion } from '../backend/version';

const HELP = `Flowbridge command line. Usage: npm run --silent cli -- <command> [flags] [--json] [--data-dir DIR]
Commands: ${[...Object.keys(COMMANDS), 'sandbox serve', 'serve'].sort().join(', ')}
See shared/cli-contract.md for every flag and output.`;

async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    json = args.json;
    if (args.words.length === 0 || args.words[0] === 'help') {
      process.stdout.write(`${HELP}\n`);
      return args.words.length === 0 ? 2 : 0;
    }
    const dataDir = args.dataDir ?? defaultDataDir();
    if (args.words[0] === 'sandbox' && args.words[1] === 'serve') return await sandboxServeCommand(new Flags(args.flags, 'sandbox serve'), json);
    if (args.words[0] === 'serve') return await serveCommand(new Flags(args.flags, 'serve'), dataDir, json);
    const command = findCommand(args.words);
    if (!command) throw new AppError('invalid_input', `Unknown command "${args.words.join(' ')}"; run "help" for the list`);
    mkdirSync(dataDir, { recursive: true });
    let backend: Backend | null = null;
    try {
      backend = createBackend({ dataDir, host: 'cli', version: appVersion() });
      const value = await command.run({ backend, words: args.words, flags: new Flags(args.flags, command.name) });
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${formatHuman(value)}\n`);
      return 0;
    } finally {
      await backend?.close();
    }
  } catch (error) {
    const failure = toFailure(error);
    if (failure.ok) return 0;
    process.stderr.write(`flowbridge: ${failure.error.message}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: failure.error })}\n`);
    return failure.error.code === 'invalid_input' ? 2 : 1;
  }
}

// Exit explicitly once output is flushed: idle keep-alive sockets must not hold a finished command open.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));
main(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`flowbridge: ${(error as Error).message}\n`);
  exit(1);
});
