// Where API keys live. The desktop host passes a safeStorage-backed store; browser mode and the
// command line use a file readable only by the user. Keys never go into the database or the logs.
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Where the secret is kept, for the Settings screen ("encrypted by the OS keychain", "file 0600"). */
  readonly description: string;
}

