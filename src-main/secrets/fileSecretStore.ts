import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from './secretStore';

/**
 * Secrets in `secrets.json` in the data folder, mode 0600, written atomically. Used where Electron's
 * safeStorage is not available (browser mode, the command line). An optional codec lets the desktop
 * host encrypt each value with safeStorage while keeping this file format.
 */
export function fileSecretStore(
  dataDir: string,
  codec: { encode(v: string): string; decode(v: string): string; description: string } = {
    encode: (v) => v,
    decode: (v) => v,
    description: 'file readable only by you (mode 0600)',
  },
): SecretStore {
  const file = join(dataDir, 'secrets.json');
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>): void => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  return {
    description: codec.description,
    get(name) {
      const value = read()[name];
      return value === undefined ? null : codec.decode(value);
    },
    set(name, value) {
      write({ ...read(), [name]: codec.encode(value) });
    },
    delete(name) {
      const values = read();
      delete values[name];
      write(values);
    },
  };
}
