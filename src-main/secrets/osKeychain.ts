// The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux desktops)
// through @napi-rs/keyring, a maintained N-API binding of the keyring-rs crate: it loads in Node and in
// Electron alike, so the desktop app, browser mode and the command line share one keychain entry.
import { createRequire } from 'node:module';

/** A keychain as the secret store uses it: strings under an account name, one service. Tests inject a Map. */
export interface Keychain {
  /** The value, or null when there is no such entry. Throws when the keychain cannot be opened. */
  get(account: string): string | null;
  set(account: string, value: string): void;
  delete(account: string): void;
}

const KEYCHAIN_SERVICE = 'Flowbridge';

interface KeyringEntry {
  getPassword(): string | null;
  setPassword(password: string): void;
  deletePassword(): boolean;
}
interface KeyringModule {
  Entry: new (service: string, account: string, options?: { linux?: { store?: 'secret-service' | 'keyutils' } }) => KeyringEntry;
}

/**
 * The system keychain, or null where there is none to use: FLOWBRIDGE_KEYCHAIN=off (the tests, or a
 * user who wants the 0600 file), or the native module cannot load on this platform. A keychain that
 * exists but cannot be opened (Linux without a D-Bus session, as on a headless server) throws on use,
 * and the store falls back then.
 */
export function osKeychain(env: NodeJS.ProcessEnv = process.env): Keychain | null {
  if (env.FLOWBRIDGE_KEYCHAIN === 'off') return null;
  let keyring: KeyringModule;
  try {
    keyring = createRequire(import.meta.url)('@napi-rs/keyring') as KeyringModule;
  } catch {
    return null;
  }
  // On Linux only the Secret Service persists: the kernel keyring (keyring-rs's fallback) forgets
  // everything at logout or reboot, which would silently lose the key. Pin it, so it fails instead.
  const entry = (account: string) => new keyring.Entry(KEYCHAIN_SERVICE, account, { linux: { store: 'secret-service' } });
  return {
    get: (account) => entry(account).getPassword(),
    set: (account, value) => entry(account).setPassword(value),
    delete: (account) => {
      entry(account).deletePassword();
    },
  };
}

/** A keychain in memory, for tests of the keychain path on machines without one. */
export function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (account) => entries.get(account) ?? null,
    set: (account, value) => void entries.set(account, value),
    delete: (account) => void entries.delete(account),
  };
}
