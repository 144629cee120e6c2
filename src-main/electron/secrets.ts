// The desktop app's secret store: the OS keychain shared with browser mode and the command line
// (osKeychain), with Electron's safeStorage as the desktop app's own fallback (and to read keys saved by
// earlier versions, which upgrade() then moves into the keychain). Linux's "basic_text" safeStorage
// backend encrypts with a password built into Chromium: it protects nothing, and would only lock the
// command line out of the key, so there the desktop app keeps the same 0600 file as the other hosts.
import { safeStorage } from 'electron';
import { fileSecretStore, type Cipher } from '../secrets/fileSecretStore';
import { osKeychain } from '../secrets/osKeychain';
import type { SecretStore } from '../secrets/secretStore';

function safeStorageCipher(): Cipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  return {
    canEncrypt: backend !== 'basic_text' && backend !== 'unknown',
    encrypt: (value) => safeStorage.encryptString(value),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

export function safeStorageSecrets(dataDir: string): SecretStore {
  return fileSecretStore(dataDir, { keychain: osKeychain(), cipher: safeStorageCipher() });
}
