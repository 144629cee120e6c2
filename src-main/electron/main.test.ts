// The Electron host's wiring, run for real against a stand-in `electron`: main.ts is imported as the
// app would run it, and the handlers it installs are exercised: every window is created with the secure
// options, window.open is denied (allow-listed links go to the system browser), navigations, redirects
// and frame navigations away from the app page and <webview> are blocked, permission requests and checks
// are refused, responses carry the CSP, IPC handlers exist for exactly the contract's channels, and a
// second instance exits before it opens anything.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/channels';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { windowOptions } from './security';

type Handler = (...args: unknown[]) => unknown;

const world = {
  appOn: new Map<string, Handler>(),
  ipcChannels: [] as string[],
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  openedExternally: [] as string[],
  headersHook: null as Handler | null,
  permissionHook: null as Handler | null,
  permissionCheck: null as Handler | null,
  sandboxEnabled: false,
  quitCalls: 0,
  exitCalls: [] as number[],
  errorBoxes: [] as string[],
  hasLock: true,
  readyCalls: 0,
};

vi.mock('electron-store', () => ({
  default: class {
    get() {
      return undefined;
    }
    set() {}
  },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { id: 1, send: () => undefined };
    constructor(options: Record<string, unknown>) {
      world.windows.push({ options, loaded: [] });
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    getBounds() {
      return { width: 1, height: 1 };
    }
    loadURL(url: string) {
      world.windows.at(-1)!.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      enableSandbox: () => (world.sandboxEnabled = true),
      requestSingleInstanceLock: () => world.hasLock,
      quit: () => (world.quitCalls += 1),
      exit: (code: number) => world.exitCalls.push(code),
      on: (event: string, handler: Handler) => world.appOn.set(event, handler),
      whenReady: () => {
        world.readyCalls += 1;
        return Promise.resolve();
      },
      getPath: () => mkdtempSync(join(tmpdir(), 'flowbridge-main-')),
      getVersion: () => '0.0.0-test',
      isPackaged: false,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => world.ipcChannels.push(channel) },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (hook: Handler) => (world.headersHook = hook) },
        setPermissionRequestHandler: (hook: Handler) => (world.permissionHook = hook),
        setPermissionCheckHandler: (hook: Handler) => (world.permissionCheck = hook),
      },
    },
    shell: { openExternal: (url: string) => world.openedExternally.push(url) },
    dialog: { showErrorBox: (title: string, message: string) => world.errorBoxes.push(`${title}: ${message}`) },
  };
});

describe('the Electron main process wiring', () => {
  const savedResources = (process as { resourcesPath?: string }).resourcesPath;
  const savedDataDir = process.env.FLOWBRIDGE_DATA_DIR;

  beforeAll(async () => {
    (process as { resourcesPath?: string }).resourcesPath = mkdtempSync(join(tmpdir(), 'flowbridge-resources-'));
    process.env.FLOWBRIDGE_DATA_DIR = mkdtempSync(join(tmpdir(), 'flowbridge-main-data-'));
    await import('./main');
    await vi.waitFor(() => expect(world.windows.length).toBe(1));
  });
  afterAll(async () => {
    // before-quit closes the backend (scheduler, database) and then quits.
    const event = { preventDefault: vi.fn() };
    world.appOn.get('before-quit')?.(event);
    await vi.waitFor(() => expect(world.quitCalls).toBeGreaterThan(0));
    (process as { resourcesPath?: string }).resourcesPath = savedResources;
    if (savedDataDir === undefined) delete process.env.FLOWBRIDGE_DATA_DIR;
    else process.env.FLOWBRIDGE_DATA_DIR = savedDataDir;
  });

  it('enables the sandbox for every renderer and creates the window with the secure options', () => {
    expect(world.sandboxEnabled).toBe(true);
    const { options, loaded } = world.windows[0]!;
    expect(options).toEqual(windowOptions((options.webPreferences as { preload: string }).preload));
    expect((options.webPreferences as { preload: string }).preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it('registers IPC handlers for exactly the contract’s channels', () => {
    expect(world.ipcChannels).toEqual([...CHANNEL_NAMES]);
  });

  function contents() {
    const handlers = new Map<string, Handler>();
    let windowOpen: Handler | null = null;
    const wc = {
      setWindowOpenHandler: (h: Handler) => (windowOpen = h),
      on: (event: string, h: Handler) => handlers.set(event, h),
    };
    world.appOn.get('web-contents-created')!({}, wc);
    return { handlers, windowOpen: windowOpen! };
  }

  it('denies window.open, handing only allow-listed https links to the system browser', () => {
    const { windowOpen } = contents();
    for (const url of ['https://evil.example/', 'http://recruiterflow.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(windowOpen({ url })).toEqual({ action: 'deny' });
    }
    expect(world.openedExternally).toEqual([]);
    expect(windowOpen({ url: 'https://recruiterflow.com/help' })).toEqual({ action: 'deny' });
    expect(world.openedExternally).toEqual(['https://recruiterflow.com/help']);
  });

  it('blocks navigation, redirects and frame navigations away from the app page, and every <webview>', () => {
    const { handlers } = contents();
    const appUrl = world.windows[0]!.loaded[0]!;
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(handlers.has(name), name).toBe(true);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', `${appUrl}.html`, 'http://127.0.0.1:4010/__sandbox/state']) {
        const event = { url, isMainFrame: name !== 'will-frame-navigate', preventDefault: vi.fn() };
        handlers.get(name)!(event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
      const inApp = { url: `${appUrl}#/settings`, preventDefault: vi.fn() };
      handlers.get(name)!(inApp, inApp.url);
      expect(inApp.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('refuses every permission request and sends the CSP with every response', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      world.permissionHook!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    // Permission checks (which never reach the request handler) are answered "denied" too.
    for (const permission of ['media', 'clipboard-read', 'geolocation', 'notifications', 'hid', 'serial']) {
      expect(world.permissionCheck!({}, permission, 'file://', {}), permission).toBe(false);
    }
    const callback = vi.fn();
    world.headersHook!({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('a second instance', () => {
  it('exits at once without opening the database, starting a scheduler or creating a window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowbridge-second-'));
    const saved = process.env.FLOWBRIDGE_DATA_DIR;
    process.env.FLOWBRIDGE_DATA_DIR = dataDir;
    world.hasLock = false;
    const before = { windows: world.windows.length, ready: world.readyCalls, handlers: world.appOn.size, ipc: world.ipcChannels.length };
    world.appOn.clear();
    try {
      vi.resetModules();
      await import('./main');
      await new Promise((r) => setTimeout(r, 200));
      expect(world.exitCalls).toEqual([0]);
      expect(world.readyCalls).toBe(before.ready);
      expect(world.windows.length).toBe(before.windows);
      expect(world.ipcChannels.length).toBe(before.ipc);
      expect([...world.appOn.keys()]).toEqual([]);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      world.hasLock = true;
      if (saved === undefined) delete process.env.FLOWBRIDGE_DATA_DIR;
      else process.env.FLOWBRIDGE_DATA_DIR = saved;
    }
  });
});

describe('a database that cannot be opened', () => {
  it('is explained in a dialog and the app exits, instead of a blank window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowbridge-empty-'));
    writeFileSync(join(dataDir, 'flowbridge.db'), '');
    const saved = process.env.FLOWBRIDGE_DATA_DIR;
    process.env.FLOWBRIDGE_DATA_DIR = dataDir;
    const windows = world.windows.length;
    world.exitCalls.length = 0;
    const savedResources = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = mkdtempSync(join(tmpdir(), 'flowbridge-resources-'));
    try {
      vi.resetModules();
      await import('./main');
      await vi.waitFor(() => expect(world.exitCalls).toEqual([1]));
      expect(world.errorBoxes).toEqual([expect.stringMatching(/cannot open its data: The database .* is empty \(0 bytes\)/)]);
      expect(world.windows.length).toBe(windows);
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = savedResources;
      if (saved === undefined) delete process.env.FLOWBRIDGE_DATA_DIR;
      else process.env.FLOWBRIDGE_DATA_DIR = saved;
    }
  });
});
