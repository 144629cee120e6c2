// Release readiness without building installers (that needs the network): electron-builder.yml names
// every target, ships the app and the resources main.ts loads from where it looks for them, never
// rebuilds native code, and its beforePack hook refuses a missing or foreign better-sqlite3 build.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../src-main/testing/fixtures';

interface Resource {
  from: string;
  to: string;
}
/** The parts of electron-builder.yml these tests read; the assertions check their values. */
interface Platform {
  target: (string | { target: string })[];
  icon: string;
  maintainer?: string;
  entitlements?: string;
  hardenedRuntime?: boolean;
}
interface BuilderConfig {
  [key: string]: unknown;
  linux: Platform;
  mac: Platform;
  win: Platform;
  artifactName: string;
  appImage: { artifactName: string };
  dmg: { artifactName: string };
  nsis: { artifactName: string };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; version: string; devDependencies: Record<string, string> };
const main = readFileSync('src-main/electron/main.ts', 'utf8');
const hook = createRequire(import.meta.url)('../build/check-native.cjs') as {
  (context: unknown): Promise<void>;
  nativeFormat(bytes: Buffer): { platform: string; arch: string };
  checkNative(projectDir: string, platform: string, arch: number): void;
};

const targets = (section: { target: (string | { target: string })[] }) => section.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('names the app and builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Flowbridge');
    expect(targets(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targets(config.mac)).toContain('dmg');
    expect(targets(config.win)).toContain('nsis');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb requires one
    for (const name of [config.artifactName, config.appImage.artifactName, config.dmg.artifactName, config.nsis.artifactName]) {
      expect(name).toMatch(/\$\{productName\}.*\$\{version\}.*\$\{arch\}\.\$\{ext\}$/);
    }
  });

  it('ships the built app and its package.json, whose main is in the build', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('puts the migrations and the Electron build of better-sqlite3 where main.ts looks for them', () => {
    const resources = config.extraResources as Resource[];
    expect(resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'drizzle', to: 'drizzle' }),
        { from: 'native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
      ]),
    );
    expect(main).toContain("join(process.resourcesPath, 'native', 'better_sqlite3.node')");
    expect(main).toContain("app.isPackaged ? join(process.resourcesPath, 'drizzle')");
    expect(existsSync('drizzle/meta/_journal.json')).toBe(true);
    // The script that makes the native build writes it where extraResources takes it from.
    expect(readFileSync('scripts/build-electron-sqlite.mjs', 'utf8')).toContain("join(root, 'native', 'electron', 'better_sqlite3.node')");
  });

  it('never rebuilds native dependencies (we ship our own Electron build) and checks it before packing', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.beforePack).toBe('build/check-native.cjs');
    expect(typeof hook).toBe('function');
    expect(pkg.devDependencies.electron).toBeDefined(); // electron-builder takes the Electron version from here
  });

  it('has its icons and macOS entitlements', () => {
    for (const section of [config.linux, config.mac, config.win]) {
      const png = readFileSync(section.icon);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: macOS needs 512+, Windows 256+
      expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    }
    const plist = readFileSync(config.mac.entitlements ?? '', 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(config.mac.hardenedRuntime).toBe(true);
  });
});

describe('the beforePack check of the native build', () => {
  const elf = (machine: number) => {
    const b = Buffer.alloc(64);
    b.writeUInt32BE(0x7f454c46, 0);
    b[5] = 1;
    b.writeUInt16LE(machine, 18);
    return b;
  };
  const macho = (cpu: number) => {
    const b = Buffer.alloc(32);
    b.writeUInt32LE(0xfeedfacf, 0);
    b.writeUInt32LE(cpu, 4);
    return b;
  };
  const pe = (machine: number) => {
    const b = Buffer.alloc(256);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80, 'latin1');
    b.writeUInt16LE(machine, 0x84);
    return b;
  };

  it('reads the OS and CPU of a native module from its header', () => {
    expect(hook.nativeFormat(elf(0x3e))).toEqual({ platform: 'linux', arch: 'x64' });
    expect(hook.nativeFormat(elf(0xb7))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(hook.nativeFormat(macho(0x0100000c))).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(hook.nativeFormat(macho(0x01000007))).toEqual({ platform: 'darwin', arch: 'x64' });
    expect(hook.nativeFormat(pe(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(hook.nativeFormat(Buffer.from('not a binary'))).toEqual({ platform: 'unknown', arch: 'unknown' });
    // The real Node build of better-sqlite3 on this machine.
    const real = hook.nativeFormat(readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expect(real).toEqual({ platform: process.platform, arch: process.arch });
  });

  function project(binary: Buffer | null) {
    const dir = tempDir('flowbridge-pack-');
    mkdirSync(join(dir, 'drizzle', 'meta'), { recursive: true });
    writeFileSync(join(dir, 'drizzle', 'meta', '_journal.json'), '{"entries":[]}');
    if (binary) {
      mkdirSync(join(dir, 'native', 'electron'), { recursive: true });
      writeFileSync(join(dir, 'native', 'electron', 'better_sqlite3.node'), binary);
    }
    return dir;
  }

  it('lets a matching build through and refuses a missing or foreign one', async () => {
    const X64 = 1;
    const ARM64 = 3;
    expect(() => hook.checkNative(project(elf(0x3e)), 'linux', X64)).not.toThrow();
    expect(() => hook.checkNative(project(macho(0x0100000c)), 'darwin', ARM64)).not.toThrow();
    expect(() => hook.checkNative(project(pe(0x8664)), 'win32', X64)).not.toThrow();
    expect(() => hook.checkNative(project(null), 'linux', X64)).toThrow(/build-electron-sqlite/);
    expect(() => hook.checkNative(project(elf(0x3e)), 'win32', X64)).toThrow(/built for linux-x64, but this installer is for win32-x64/);
    expect(() => hook.checkNative(project(elf(0x3e)), 'linux', ARM64)).toThrow(/linux-arm64/);
    await expect(hook({ packager: { projectDir: project(null) }, electronPlatformName: 'darwin', arch: ARM64 })).rejects.toThrow(/missing/);
  });
});
