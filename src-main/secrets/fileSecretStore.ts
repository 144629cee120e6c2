// The secret store every host opens. `secrets.json` in the data folder (mode 0600, written atomically)
// names each secret and says where its value lives:
//   "keychain:<account>"  in the OS keychain (service "Flowbridge"): every host on this computer reads it;
//   "safe:<base64>"       encrypted with the desktop app's safeStorage: only the desktop app reads it;
//   "plain:<value>"       the value itself, where neither is available (a server without a keychain).
// (A value without a prefix is a plain one written by an earlier version.) A new secret goes to the
// keychain when it opens, else to safeStorage (desktop app only), else plain; upgrade() moves stored
// ones the same way on start, so a key typed into the command line is encrypted once the desktop app
// or a keychain is there.
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Keychain } from './osKeychain';
import { valueOrThrow, type SecretLookup, type SecretStore } from './secretStore';

/** Electron's safeStorage, as the store needs it (src-main/electron/secrets.ts). */
export interface Cipher {
  /** False where encrypting would not protect anything (Linux's fixed-password "basic_text" backend). */
  canEncrypt: boolean;
  encrypt(value: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface SecretStoreOptions {
  /** The OS keychain (osKeychain()); null or absent keeps secrets out of it. */
  keychain?: Keychain | null;
  /** The desktop app's safeStorage; only the Electron host has one. */
  cipher?: Cipher | null;
}

type Where = 'keychain' | 'safe' | 'plain';

function parse(stored: string): { where: Where; rest: string } {
  for (const where of ['keychain', 'safe', 'plain'] as const) {
    if (stored.startsWith(`${where}:`)) return { where, rest: stored.slice(where.length + 1) };
  }
  return { where: 'plain', rest: stored };
}

export function fileSecretStore(dataDir: string, options: SecretStoreOptions = {}): SecretStore {
  const file = join(dataDir, 'secrets.json');
  const cipher = options.cipher ?? null;
  let keychain = options.keychain ?? null;
  // Keychain values by account: an account is never reused for another value, so this cannot go stale.
  const cache = new Map<string, string>();
  let keychainError: string | null = null;

  tighten(file);

  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>): void => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  const own = (values: Record<string, string>, name: string): string | undefined =>
    Object.hasOwn(values, name) ? values[name] : undefined;

  const lookupStored = (stored: string): SecretLookup => {
    const { where, rest } = parse(stored);
    if (where === 'plain') return { state: 'present', value: rest };
    if (where === 'safe') {
      if (!cipher) return { state: 'unreadable', why: 'desktop_encrypted' };
      try {
        return { state: 'present', value: cipher.decrypt(Buffer.from(rest, 'base64')) };
      } catch (error) {
        return { state: 'unreadable', why: 'undecryptable', detail: (error as Error).message };
      }
    }
    const cached = cache.get(rest);
    if (cached !== undefined) return { state: 'present', value: cached };
    if (!keychain)
      return {
        state: 'unreadable',
        why: 'keychain_unavailable',
        detail: 'FLOWBRIDGE_KEYCHAIN=off, or no keychain module for this platform',
      };
    try {
      const value = keychain.get(rest);
      if (value === null) return { state: 'unreadable', why: 'keychain_missing' };
      cache.set(rest, value);
      return { state: 'present', value };
    } catch (error) {
      return { state: 'unreadable', why: 'keychain_unavailable', detail: (error as Error).message };
    }
  };

  /** The stored form of a new value: in the keychain if it opens, else safeStorage, else plain. */
  const store = (value: string): string => {
    if (keychain) {
      const account = randomUUID();
      try {
        keychain.set(account, value);
        cache.set(account, value);
        return `keychain:${account}`;
      } catch (error) {
        // No keychain here (e.g. no D-Bus session): stop asking for the rest of this process.
        keychainError = (error as Error).message;
        keychain = null;
      }
    }
    if (cipher?.canEncrypt) return `safe:${cipher.encrypt(value).toString('base64')}`;
    return `plain:${value}`;
  };

  const forget = (stored: string | undefined): void => {
    if (stored === undefined) return;
    const { where, rest } = parse(stored);
    if (where !== 'keychain') return;
    cache.delete(rest);
    try {
      keychain?.delete(rest);
    } catch {
      // The keychain cannot be opened now: the entry is orphaned, never read again (its account is random).
    }
  };

  const bestWhere = (): Where => (keychain ? 'keychain' : cipher?.canEncrypt ? 'safe' : 'plain');

  const api: SecretStore = {
    get description() {
      const where = bestWhere();
      if (where === 'keychain') return 'your system keychain';
      if (where === 'safe') return 'encrypted with your system keychain';
      return keychainError
        ? `a file readable only by you (mode 0600); no system keychain here: ${keychainError}`
        : 'a file readable only by you (mode 0600)';
    },
    lookup(name) {
      const stored = own(read(), name);
      return stored === undefined ? { state: 'missing' } : lookupStored(stored);
    },
    get(name) {
      return valueOrThrow(name, api.lookup(name));
    },
    set(name, value) {
      const values = read();
      const before = own(values, name);
      const stored = store(value);
      // Unchanged (a plain value where no keychain opened): no write, which could race another host's.
      if (before !== undefined && parse(before).where === 'plain' && parse(before).rest === value && stored === `plain:${value}`) return;
      write({ ...values, [name]: stored });
      forget(before);
    },
    delete(name) {
      const values = read();
      const before = own(values, name);
      if (before === undefined) return;
      delete values[name];
      write(values);
      forget(before);
    },
    upgrade() {
      for (const [name, stored] of Object.entries(read())) {
        const { where } = parse(stored);
        if (where === 'keychain' || where === bestWhere()) continue;
        const found = lookupStored(stored);
        if (found.state !== 'present') continue;
        // safe -> keychain, plain -> keychain or safe; a failing keychain leaves the file as it was.
        const target = bestWhere();
        if (where === 'safe' && target !== 'keychain') continue;
        api.set(name, found.value);
      }
    },
  };
  return api;
}

/** A secrets.json loosened by hand or by a copy (cp without -p, an unzip) is made 0600 again. */
function tighten(file: string): void {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    // No file yet.
  }
}
