import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds the folder above `from` that holds `relative` (the repo root in development and in out/). */
export function findUp(relative: string, from = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, relative))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function defaultMigrationsDir(): string {
  const root = findUp(join('drizzle', 'meta', '_journal.json'));
  if (!root) throw new Error('Cannot find the drizzle/ migrations folder');
  return join(root, 'drizzle');
}

/** The desktop app's user-data folder (what Electron's app.getPath('userData') gives for "Flowbridge"). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = env.HOME ?? env.USERPROFILE ?? '.',
): string {
  if (env.FLOWBRIDGE_DATA_DIR) return env.FLOWBRIDGE_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Flowbridge');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Flowbridge');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Flowbridge');
}
