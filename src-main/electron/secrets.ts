// API keys encrypted with the OS keychain through safeStorage, in the data folder's secrets file.
// Where safeStorage cannot encrypt (e.g. Linux without a keyring), the file stays readable only by you.
import { safeStorage } from 'electron';
import { fileSecretStore } from '../secrets/fileSecretStore';
import type { SecretStore } from '../secrets/secretStore';

export function safeStorageSecrets(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return fileSecretStore(dataDir);
  return fileSecretStore(dataDir, {
    description: 'encrypted with your system keychain',
    encode: (value) => `safe:${safeStorage.encryptString(value).toString('base64')}`,
    decode: (stored) => (stored.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(stored.slice(5), 'base64')) : stored),
  });
}
