// The Electron host: a thin shell around the backend. The only place (with ipc.ts, secrets.ts and the
// preload) that imports `electron`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import Store from 'electron-store';
import { createBackend, type Backend } from '../app/createBackend';
import { findUp } from '../backend/paths';
import { sandboxLauncher } from '../backend/sandboxLauncher';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { registerIpc } from './ipc';
import { safeStorageSecrets } from './secrets';
import { decideWindowOpen, isAppUrl, windowOptions } from './security';

app.enableSandbox();

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
const launcher = sandboxLauncher();
type Bounds = { width: number; height: number; x?: number; y?: number };
let store: Store<{ bounds?: Bounds }> | null = null;

// A second instance hands over to the first (its 'second-instance' event focuses the window) and goes
// at once: it must never open the database, start a scheduler or install a handler.
if (app.requestSingleInstanceLock()) start();
else app.exit(0);

/** The Electron-ABI better-sqlite3 build (scripts/build-electron-sqlite.mjs); packaged apps ship it in resources. */
function nativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    join(findUp('package.json', here) ?? '.', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), store?.get('bounds')));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', () => store?.set('bounds', win.getBounds()));
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(appUrl);
}

function start(): void {
  store = new Store<{ bounds?: Bounds }>({ name: 'window' });

  app.on('web-contents-created', (_, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) void shell.openExternal(url);
      return { action: 'deny' };
    });
    // Every way a page can leave the app page: a navigation, a server redirect, and any frame's navigation.
    const stayInApp = (details: { url: string; preventDefault(): void }) => {
      if (!isAppUrl(details.url, appUrl)) details.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.on('will-frame-navigate', stayInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    // The app needs no permission at all: requests are refused, and checks (which skip the request
    // handler, e.g. navigator.permissions.query or a clipboard read) answer "denied".
    session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const dataDir = process.env.FLOWBRIDGE_DATA_DIR ?? app.getPath('userData');
    try {
      backend = createBackend({
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        nativeBinding: nativeBinding(),
        migrationsDir: app.isPackaged ? join(process.resourcesPath, 'drizzle') : undefined,
        secrets: safeStorageSecrets(dataDir),
        launchSandbox: launcher,
      });
    } catch (error) {
      // A damaged, empty or un-upgradable database: say why and how to recover, rather than a blank window.
      dialog.showErrorBox('Flowbridge cannot open its data', (error as Error).message);
      app.exit(1);
      return;
    }
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
}
