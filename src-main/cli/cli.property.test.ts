// Property: the command line, given random argv (known and unknown commands, flags, values, files that
// are missing, empty, binary or not CSV), either succeeds or fails cleanly: a non-zero exit code, exactly
// one line on stderr, with --json exactly one JSON error on stdout whose code is a known one (never
// `internal`), and the database exactly as it was. It never throws.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/result';
import { assertPrototypesClean, knownWords, snapshotDb } from '../testing/badInput';
import { tempDir } from '../testing/fixtures';
import { COMMANDS } from './commands';
import { runCli } from './run';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
export const cliTally = { runs: 0, failures: 0, successes: 0 };

const FLAGS = [
  'email',
  'emails',
  'name',
  'role',
  'group',
  'integration',
  'base-url',
  'api-key',
  'sync-mode',
  'sync-as',
  'dedup',
  'default-job',
  'review-before-sync',
  'job',
  'disable-sync',
  'file',
  'format',
  'out',
  'sequence',
  'wait',
  'to',
  'to-all',
  'port',
  'json',
  'bogus',
  '',
  '-',
  'data-dir',
];
const COMMAND_WORDS = [...new Set(Object.keys(COMMANDS).flatMap((c) => c.split(' ')))].filter((w) => w !== 'serve');

describe('the command line under random argv', () => {
  let dir: string;
  let files: string[];
  let db: Database.Database;
  const cwd = process.cwd();

  beforeAll(async () => {
    const root = tempDir('flowbridge-cli-fuzz-');
    dir = join(root, 'data');
    // Relative paths in random argv (errors export --out x) land in this scratch folder, not the repo.
    process.chdir(root);
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(root, name), content);
      return join(root, name);
    };
    mkdirSync(join(root, 'a-folder'));
    files = [
      write('good.csv', 'email,first_name\nann@x.co,Ann\nben@x.co,Ben\n'),
      write('no-email.csv', 'name,company\nAnn,Acme\n'),
      write('dup-header.csv', 'email,Email\na@x.co,b@x.co\n'),
      write('empty.csv', ''),
      write('binary.csv', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x80, 10, 13])),
      write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\ncy@x.co\n', 'utf16le')])),
      write('quotes.csv', 'email,notes\n"dee@x.co","line\nbreak ""quoted"""\n"broken,\n'),
      write('unreadable.csv', 'email\nx@x.co\n'),
      join(root, 'a-folder'),
      join(root, 'missing.csv'),
      join(root, 'a-folder', 'deeper', 'out.csv'),
      'relative-out.csv',
    ];
    chmodSync(files[7]!, 0o000); // root can still read it; elsewhere it is unreadable_file.
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => undefined, env: {} };
    for (const argv of [
      ['contacts', 'import', files[0]!],
      ['sequences', 'create', '--name', 'Fuzz'],
      ['sequences', 'add', '1', '--emails', 'ann@x.co,ben@x.co'],
      ['users', 'add', '--email', 'mia@x.co', '--name', 'Mia', '--role', 'member'],
    ]) {
      out = '';
      const code = await runCli([...argv, '--data-dir', dir, '--json'], io);
      if (code !== 0) throw new Error(`${argv.join(' ')}: ${out}`);
    }
    db = new Database(join(dir, 'flowbridge.db'));
  });
  afterAll(() => {
    db?.close();
    process.chdir(cwd);
    process.stdout.write(
      `bad input, command line: ${cliTally.runs} runs, ${cliTally.failures} clean failures, ${cliTally.successes} successes, 0 internal\n`,
    );
  });

  function argvArb() {
    const words = knownWords(['ann@x.co', 'ben@x.co', 'mia@x.co']);
    const word = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...COMMAND_WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(...words, ...files, 'help', 'Seniority=custom:1', 'a=', '=b', 'x=title') },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
    const value = fc.oneof(fc.constantFrom(...words, ...files, 'on', 'off', 'csv', 'json', '0', '5', 'none'), fc.string({ maxLength: 16 }));
    // A flag and its value: --name value, --name=value, or a bare --name.
    const flag = fc
      .tuple(fc.constantFrom(...FLAGS), value, fc.constantFrom('pair', 'equals', 'bare'))
      .map(([name, v, form]) => (form === 'pair' ? [`--${name}`, v] : form === 'equals' ? [`--${name}=${v}`] : [`--${name}`]));
    // Half the time a real command (all its words) with random extras, so the handlers are reached too.
    const command = fc.oneof(fc.constant([] as string[]), fc.constantFrom(...Object.keys(COMMANDS).map((c) => c.split(' '))));
    return (
      fc
        .tuple(command, fc.array(word, { minLength: 0, maxLength: 3 }), fc.array(flag, { maxLength: 4 }), fc.boolean(), fc.boolean())
        .map(([cmd, ws, fs, json, flagsFirst]) => {
          const flat = fs.flat();
          return [...cmd, ...(flagsFirst ? [...flat, ...ws] : [...ws, ...flat]), ...(json ? ['--json'] : [])];
        })
        // Long-running servers and writes outside the scratch folder are not what this property is about.
        .filter(
          (argv) =>
            !argv.includes('serve') && !argv.some((a) => a.startsWith('/') && !files.includes(a) && !a.startsWith(files[0]!.slice(0, 10))),
        )
    );
  }

  it('never throws; fails with one stderr line, a typed JSON error and an unchanged database', async () => {
    await fc.assert(
      fc.asyncProperty(argvArb(), async (argv) => {
        const before = snapshotDb(db);
        let stdout = '';
        let stderr = '';
        let code: number;
        // An internal error is also reported on the process's own stderr (with its stack): catch that too.
        let processStderr = '';
        const write = process.stderr.write.bind(process.stderr);
        process.stderr.write = (chunk: string | Uint8Array) => {
          processStderr += String(chunk);
          return true;
        };
        try {
          code = await runCli([...argv, '--data-dir', dir], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
        } catch (error) {
          throw new Error(`runCli threw for ${JSON.stringify(argv)}: ${(error as Error).stack}`, { cause: error });
        } finally {
          process.stderr.write = write;
        }
        expect(processStderr, `internal error for ${JSON.stringify(argv)}`).toBe('');
        cliTally.runs += 1;
        const json = argv.includes('--json') && !argv.some((a) => a.startsWith('--json='));
        if (code === 0) {
          cliTally.successes += 1;
          if (json && stdout !== '') expect(stdout.trim().split('\n'), JSON.stringify(argv)).toHaveLength(1);
          if (json && stdout !== '') expect(() => JSON.parse(stdout)).not.toThrow();
        } else {
          cliTally.failures += 1;
          expect(
            stderr.endsWith('\n') && stderr.trim().split('\n').length === 1,
            `one stderr line for ${JSON.stringify(argv)}: ${stderr}`,
          ).toBe(true);
          expect(stderr).not.toMatch(/internal error|\n\s+at /);
          if (json) {
            const parsed = JSON.parse(stdout) as { error: { code: string; message: string } };
            expect(stdout.trim().split('\n')).toHaveLength(1);
            expect(Object.keys(parsed)).toEqual(['error']);
            expect(ERROR_CODES).toContain(parsed.error.code);
            expect(parsed.error.code, `${JSON.stringify(argv)}: ${parsed.error.message}`).not.toBe('internal');
          }
          expect(snapshotDb(db), `${JSON.stringify(argv)} failed but changed the database`).toBe(before);
        }
        assertPrototypesClean();
      }),
      { numRuns: RUNS },
    );
  });
});
