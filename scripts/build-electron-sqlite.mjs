// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, leaving the Node
// build in node_modules for the tests and the command line. The app loads it through better-sqlite3's
// `nativeBinding` option. Needs the network (Electron headers or a prebuilt binary).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'native', 'electron', 'better_sqlite3.node');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

export function buildElectronSqlite({ quiet = false } = {}) {
  if (existsSync(target)) return target;
  const work = join(root, 'native', 'electron-build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
  });
  const stdio = quiet ? 'ignore' : 'inherit';
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
  };
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion],
      { cwd: work, stdio, env, timeout: 120_000 },
    );
  } catch {
    execFileSync(
      'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio, env, timeout: 600_000 },
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Electron build of better-sqlite3: ${buildElectronSqlite()}`);
}
