// electron-builder beforePack hook: refuses to package when the Electron build of better-sqlite3
// (native/electron/better_sqlite3.node, made by scripts/build-electron-sqlite.mjs on THIS machine) is
// missing or was built for another OS or CPU than the installer being made. Without it the packaged app
// cannot open its database; with the wrong one it crashes on start. Build each OS's installer on that OS.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// electron-builder's Arch enum.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** The OS and CPU a native module was compiled for, from its header (ELF, Mach-O or PE). */
function nativeFormat(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const little = bytes[5] === 1;
    const machine = little ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
    return { platform: 'linux', arch: { 0x3e: 'x64', 0xb7: 'arm64', 0x28: 'armv7l', 0x03: 'ia32' }[machine] ?? `machine-${machine}` };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return { platform: 'darwin', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `cpu-${cpu}` };
  }
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal' };
  if (bytes.length >= 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (bytes.length >= pe + 6 && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = bytes.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[machine] ?? `machine-${machine}` };
    }
  }
  return { platform: 'unknown', arch: 'unknown' };
}

function checkNative(projectDir, platformName, archNumber) {
  const file = join(projectDir, 'native', 'electron', 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`node scripts/build-electron-sqlite.mjs\` first (it needs the network)`);
  }
  const want = { platform: platformName === 'mas' ? 'darwin' : platformName, arch: ARCH_NAMES[archNumber] ?? String(archNumber) };
  const got = nativeFormat(readFileSync(file));
  const archOk = got.arch === want.arch || (got.platform === 'darwin' && got.arch === 'universal');
  if (got.platform !== want.platform || !archOk) {
    throw new Error(
      `native/electron/better_sqlite3.node was built for ${got.platform}-${got.arch}, but this installer is for ${want.platform}-${want.arch}: ` +
        'build each installer on its own OS and CPU (delete native/electron and rerun scripts/build-electron-sqlite.mjs there)',
    );
  }
  const journal = join(projectDir, 'drizzle', 'meta', '_journal.json');
  if (!existsSync(journal)) throw new Error(`${journal} is missing: the app would have no migrations`);
}

module.exports = async function beforePack(context) {
  checkNative(context.packager.projectDir, context.electronPlatformName, context.arch);
};
module.exports.nativeFormat = nativeFormat;
module.exports.checkNative = checkNative;
