// The headless command line (docs/cli.md): `npm run --silent cli -- <command> [flags]`.
import { runCli } from './run';

// Exit explicitly once output is flushed: idle keep-alive sockets must not hold a finished command open.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(exit, (error: unknown) => {
  process.stderr.write(`flowbridge: ${(error as Error).message}\n`);
  exit(1);
});
