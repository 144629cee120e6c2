// The headless command line (docs/cli.md): `npm run --silent cli -- <command> [flags]`.
import { runCli } from './run';

// Exit explicitly once output is flushed: idle keep-alive sockets must not hold a finished command open.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

/** Standard input up to its end or its first line, whichever comes first (a key typed at a terminal). */
function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      process.stdin.off('data', onData);
      process.stdin.pause();
      resolve(text);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) done();
    };
    process.stdin.on('data', onData);
    process.stdin.once('end', done);
    process.stdin.once('error', reject);
  });
}

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdin: readStdin,
}).then(exit, (error: unknown) => {
  process.stderr.write(`flowbridge: ${(error as Error).message}\n`);
  exit(1);
});
