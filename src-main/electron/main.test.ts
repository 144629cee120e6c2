// The Electron host's wiring, run for real against a stand-in `electron`: main.ts is imported as the
// app would run it, and the handlers it installs are exercised: every window is created with the secure
// options, window.open is denied (allow-listed links go to the system browser), navigation away from the
// app page and <webview> are blocked, permission requests are refused, responses carry the CSP, and IPC
// handlers exist for exactly the contract's channels.
import { mkdtempSync } from 'node:fs';
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
  sandboxEnabled: false,
  quitCalls: 0,
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
      requestSingleInstanceLock: () => true,
      quit: () => (world.quitCalls += 1),
      on: (event: string, handler: Handler) => world.appOn.set(event, handler),
      whenReady: () => Promise.resolve(),
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
      },
    },
    shell: { openExternal: (url: string) => world.openedExternally.push(url) },
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

  it('blocks navigation away from the app page and every <webview>', () => {
    const { handlers } = contents();
    const appUrl = world.windows[0]!.loaded[0]!;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', `${appUrl}.html`]) {
      const event = { preventDefault: vi.fn() };
      handlers.get('will-navigate')!(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inApp = { preventDefault: vi.fn() };
    handlers.get('will-navigate')!(inApp, `${appUrl}#/settings`);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
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
    const callback = vi.fn();
    world.headersHook!({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ["default-src *"] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
