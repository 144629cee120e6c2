// IPC security, tested on what ships: the sender check every call goes through (handleIpc), the preload
// (run for real, source and built bundle, against a stand-in `electron`), and the channel list itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src-shared/channels';
import { CHANNELS, contract } from '../../src-shared/contract';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { handleIpc, type IpcSender } from './ipcHandler';

const APP = 'file:///opt/Flowbridge/resources/app.asar/out/renderer/index.html';
const ours: IpcSender = { frameUrl: `${APP}#/sequences`, isMainFrame: true, fromAppWindow: true };

describe('handleIpc: the sender check before every call', () => {
  let t: TestBackend;
  afterEach(async () => t?.close());

  it('answers the app’s own page in the app window’s main frame', async () => {
    t = openTestBackend();
    expect(await handleIpc(t.backend, APP, ours, 'sequences:create', { name: 'From IPC' })).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'From IPC' }),
    });
  });

  it.each<[string, IpcSender]>([
    ['another site', { ...ours, frameUrl: 'https://evil.example/' }],
    ['another local file', { ...ours, frameUrl: 'file:///tmp/evil.html' }],
    ['a page with a look-alike path', { ...ours, frameUrl: `${APP}.evil.html` }],
    ['devtools', { ...ours, frameUrl: 'devtools://devtools/bundled/inspector.html' }],
    ['a data: URL', { ...ours, frameUrl: 'data:text/html,<script>1</script>' }],
    ['no frame (destroyed)', { ...ours, frameUrl: undefined }],
    ['an iframe of the app page', { ...ours, isMainFrame: false }],
    ['another window', { ...ours, fromAppWindow: false }],
  ])('refuses %s with forbidden and runs nothing', async (_, sender) => {
    t = openTestBackend();
    const invoke = vi.spyOn(t.backend, 'invoke');
    expect(await handleIpc(t.backend, APP, sender, 'sequences:create', { name: 'x' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'IPC from an unknown sender' },
    });
    expect(invoke).not.toHaveBeenCalled();
    expect(await t.call('sequences:list', {})).toEqual([]);
  });

  it('refuses channels outside the contract even from our page', async () => {
    t = openTestBackend();
    for (const channel of ['fs:readFile', '__proto__', 'constructor', 'app:info ', '']) {
      expect(await handleIpc(t.backend, APP, ours, channel, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('registerIpc routes every contract channel, and only those, through handleIpc', () => {
    const source = readFileSync('src-main/electron/ipc.ts', 'utf8');
    expect(source).toMatch(/for \(const channel of CHANNELS\)\s*{\s*ipcMain\.handle\(channel, \(event, input: unknown\) => handleIpc\(/);
    expect(source.match(/ipcMain\.(handle|on|once|handleOnce)\(/g)).toEqual(['ipcMain.handle(']);
  });
});

describe('the channel list', () => {
  it('channels.ts names exactly the contract’s channels, in domain:verb form, without duplicates', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect(CHANNELS).toEqual(CHANNEL_NAMES);
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

interface FakeElectron {
  exposed: Record<string, unknown>;
  invoked: { channel: string; input: unknown }[];
  listening: string[];
  electron: unknown;
}

function fakeElectron(): FakeElectron {
  const fake: FakeElectron = { exposed: {}, invoked: [], listening: [], electron: null };
  fake.electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (fake.exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        fake.invoked.push({ channel, input });
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string) => fake.listening.push(channel),
      removeListener: () => undefined,
      send: () => {
        throw new Error('the preload must not use send');
      },
    },
  };
  return fake;
}

async function checkPreload(fake: FakeElectron): Promise<void> {
  // One object, under one name; never ipcRenderer itself.
  expect(Object.keys(fake.exposed)).toEqual(['flowbridge']);
  const api = fake.exposed.flowbridge as {
    host: string;
    invoke: Record<string, (input: unknown) => Promise<unknown>>;
    on: (e: string, l: () => void) => () => void;
  };
  expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'on']);
  expect(api.host).toBe('electron');
  expect(typeof api.invoke).toBe('object'); // A map of named methods, not a generic invoke(channel, ...).
  expect(Object.keys(api.invoke).sort()).toEqual([...CHANNEL_NAMES].sort());
  for (const channel of CHANNEL_NAMES) {
    await api.invoke[channel]!({ probe: channel });
    // Each method reaches exactly its own channel, whatever it is given.
    await api.invoke[channel]!('fs:readFile');
  }
  expect(fake.invoked.map((c) => c.channel)).toEqual(CHANNEL_NAMES.flatMap((c) => [c, c]));
  for (const event of EVENT_NAMES) api.on(event, () => undefined);
  expect(fake.listening).toEqual(EVENT_NAMES.map((e) => `event:${e}`));
  expect(() => api.on('ipc:anything', () => undefined)).toThrow(/Unknown event/);
  expect(fake.listening).toHaveLength(EVENT_NAMES.length);
}

describe('the preload exposes one named API built from the contract', () => {
  afterEach(() => {
    vi.doUnmock('electron');
    vi.resetModules();
  });

  it('source: src-preload/index.ts', async () => {
    const fake = fakeElectron();
    vi.doMock('electron', () => fake.electron as Record<string, unknown>);
    await import('../../src-preload/index');
    await checkPreload(fake);
  });

  it.skipIf(!existsSync('out/preload/index.cjs'))('built: out/preload/index.cjs (what the packaged app loads)', async () => {
    const fake = fakeElectron();
    const code = readFileSync('out/preload/index.cjs', 'utf8');
    const require = createRequire(import.meta.url);
    const module = { exports: {} };
    runInNewContext(code, {
      require: (id: string) => (id === 'electron' ? fake.electron : require(id)),
      module,
      exports: module.exports,
      Object,
      Error,
      String,
      Promise,
    });
    await checkPreload(fake);
  });

  it('the preload imports no zod, no backend code and nothing with a generic passthrough', () => {
    const source = readFileSync('src-preload/index.ts', 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../src-shared/api', '../src-shared/channels', 'electron'].sort());
    expect(source).toMatch(/CHANNEL_NAMES\.map\(\(channel\) => \[channel, \(input: unknown\) => ipcRenderer\.invoke\(channel, input\)\]\)/);
    expect(source).not.toMatch(/invoke\s*\(\s*channel\s*:\s*string/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
