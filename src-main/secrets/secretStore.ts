// Named secrets (the Recruiterflow API key per user, the mailbox password, ...). Every host (desktop,
// browser mode, command line) opens the same store over the same data folder; see fileSecretStore.ts
// for where a secret can live. Secrets never go into the database or the logs.
import { AppError } from '../../src-shared/result';

/** Why a stored secret cannot be read by this process. */
type UnreadableWhy =
  /** Encrypted with the desktop app's safeStorage, which only the desktop app can decrypt. */
  | 'desktop_encrypted'
  /** In the OS keychain, which this process cannot open (no keychain service, or it is locked). */
  | 'keychain_unavailable'
  /** The keychain opens but holds no such entry (the folder came from another computer, or it was removed). */
  | 'keychain_missing'
  /** The desktop app's safeStorage failed to decrypt it (another user or another computer). */
  | 'undecryptable';

export type SecretLookup =
  { state: 'missing' } | { state: 'present'; value: string } | { state: 'unreadable'; why: UnreadableWhy; detail?: string };

export interface SecretStore {
  /** What is stored under `name`, without ever throwing. */
  lookup(name: string): SecretLookup;
  /** The secret, or null when none is stored; throws secret_unreadable when one is stored that this process cannot read. */
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Moves every readable secret to the best place this host has (a plain one into the keychain or safeStorage). */
  upgrade(): void;
  /** Where a secret set now is kept, for the Settings screen ("your system keychain", "file 0600"). */
  readonly description: string;
}

/**
 * One line that says why `what` ("the Recruiterflow API key") cannot be used here and what to do. The
 * caller never sends an unreadable secret anywhere: it is not the secret, and a refusal it would earn
 * must not pause anything for the hosts that can read it.
 */
export function unreadableMessage(what: string, lookup: Extract<SecretLookup, { state: 'unreadable' }>, fix: string): string {
  const detail = lookup.detail ? ` (${lookup.detail})` : '';
  switch (lookup.why) {
    case 'desktop_encrypted':
      return `${capital(what)} was saved by the desktop app and is encrypted with this computer's keychain; this process cannot decrypt it, so it was not sent. Use the desktop app, or ${fix}`;
    case 'keychain_unavailable':
      return `${capital(what)} is kept in this computer's keychain, which cannot be opened here${detail}; it was not sent. Run from your desktop session, or ${fix}`;
    case 'keychain_missing':
      return `${capital(what)} is kept in a keychain, and this computer's keychain does not hold it (was the data folder copied from another computer?); ${fix}`;
    case 'undecryptable':
      return `${capital(what)} could not be decrypted with this computer's keychain${detail}; it was not sent. ${capital(fix)}`;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** get() for stores: the value, null, or a secret_unreadable error naming the secret. */
export function valueOrThrow(name: string, lookup: SecretLookup): string | null {
  if (lookup.state === 'missing') return null;
  if (lookup.state === 'present') return lookup.value;
  throw new AppError('secret_unreadable', unreadableMessage(`the secret "${name}"`, lookup, 'store it again here.'));
}
