// The desktop app's secret store glue, against a stand-in safeStorage: real encryption is used where
// the OS provides it, and Linux's fixed-password "basic_text" backend is not trusted to protect anything
// (the key stays in the 0600 file the command line can read, rather than a ciphertext it cannot).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fixtures';

const safe = { available: true, backend: 'gnome_libsecret' as string };

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (v: string) => Buffer.from([...Buffer.from(v)].map((b) => b ^ 0x33)),
    decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x33)).toString(),
  },
}));

const KEY = 'desktop-key-9a8b7c';
const file = (dir: string) => readFileSync(join(dir, 'secrets.json'), 'utf8');

describe('the desktop app secret store', () => {
  afterEach(() => {
    safe.available = true;
    safe.backend = 'gnome_libsecret';
  });

  it('encrypts with safeStorage where there is real encryption, and moves a plain key there on load', async () => {
    const { safeStorageSecrets } = await import('./secrets');
    const dir = tempDir();
    const { fileSecretStore } = await import('../secrets/fileSecretStore');
    fileSecretStore(dir).set('recruiterflow-api-key:1', KEY); // Typed into the command line.
    expect(file(dir)).toContain(KEY);
    const store = safeStorageSecrets(dir);
    store.upgrade();
    expect(file(dir)).not.toContain(KEY);
    expect(JSON.parse(file(dir))['recruiterflow-api-key:1']).toMatch(/^safe:/);
    expect(store.get('recruiterflow-api-key:1')).toBe(KEY);
  });

  it('on Linux with the basic_text backend (no keyring), keeps the 0600 file the other hosts can read', async () => {
    if (process.platform !== 'linux') return;
    safe.backend = 'basic_text';
    const { safeStorageSecrets } = await import('./secrets');
    const dir = tempDir();
    const store = safeStorageSecrets(dir);
    store.set('mailbox', 'pw');
    expect(JSON.parse(file(dir)).mailbox).toBe('plain:pw');
    expect(store.description).toMatch(/0600/);
  });
});
