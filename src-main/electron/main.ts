// The Electron host: a thin shell around the backend. The only place (with ipc.ts, secrets.ts and the
// preload) that imports `electron`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, shell } from 'electron';
import Store from 'electron-store';
import { createBackend, type Backend } from '../backend/createBackend';
import { findUp } from '../backend/paths';
import { sandboxLauncher } from '../backend/sandboxLauncher';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { registerIpc } from './ipc';
import { safeStorageSecrets } from './secrets';
import { decideWindowOpen, isAppUrl, windowOptions } from './security';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

const here = dirname(fileURLToPath(import.meta.url));
const store = new Store<{ bounds?: { width: number; height: number; x?: number; y?: number } }>({ name: 'window' });
const rendererIndex = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
const launcher = sandboxLauncher();

/** The Electron-ABI better-sqlite3 build (scripts/build-electron-sqlite.mjs); packaged apps ship it in resources. */
function nativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    join(findUp('package.json', here) ?? '.', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), store.get('bounds')));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', () => store.set('bounds', win.getBounds()));
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(appUrl);
}

app.on('web-contents-created', (_, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false));
  const dataDir = process.env.FLOWBRIDGE_DATA_DIR ?? app.getPath('userData');
  backend = createBackend({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    nativeBinding: nativeBinding(),
    migrationsDir: app.isPackaged ? join(process.resourcesPath, 'drizzle') : undefined,
    secrets: safeStorageSecrets(dataDir),
    launchSandbox: launcher,
  });
  registerIpc(backend, appUrl, () => mainWindow);
  backend.scheduler.start();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
const QUIT_WITHIN_MS = 1_000;
app.on('before-quit', (event) => {
  if (quitting || !backend) return;
  // Release in-flight sync work before the process goes: closing the backend stops the engine, which
  // ends every wait and request under way at once. Bounded all the same, so quitting never hangs.
  event.preventDefault();
  quitting = true;
  const bound = new Promise<void>((resolve) => setTimeout(resolve, QUIT_WITHIN_MS));
  void Promise.race([Promise.all([backend.close(), launcher.stop()]), bound]).finally(() => app.quit());
});
