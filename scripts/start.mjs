// `npm start`: builds when the sources changed, then launches the Electron window. Where Electron cannot
// start (no display, its binary cannot be downloaded, no Electron build of better-sqlite3), it says so in
// one line and starts browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronSqlite } from './build-electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'renderer', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function buildIfNeeded() {
  const sources = Math.max(...['src-main', 'src-preload', 'src-renderer', 'src-shared'].map((d) => newest(join(root, d))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('Building Flowbridge…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Why Electron cannot start here, or null when it can be tried. */
function electronBlocker() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (probe.status !== 0 || !existsSync(probe.stdout)) return 'its binary could not be downloaded';
  try {
    buildElectronSqlite({ quiet: true });
  } catch {
    return 'the Electron build of better-sqlite3 could not be made (needs the network once)';
  }
  return null;
}

function browserMode(reason) {
  console.log(`Electron cannot start here (${reason}); starting browser mode instead.`);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildIfNeeded();
const blocker = electronBlocker();
if (blocker) {
  browserMode(blocker);
} else {
  const electron = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' }).stdout;
  const startedAt = Date.now();
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => {
    // A crash at launch (missing libraries, no GPU) falls back too; a normal quit just ends.
    if (code !== 0 && Date.now() - startedAt < 5_000) browserMode(`it exited at launch with code ${code}`);
    else process.exit(code ?? 0);
  });
}
