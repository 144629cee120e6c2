// The account identity of a connection (`connections.account`), read and written by the account switch
// (domain/account.ts). The rest of a connection is domain/connection.ts's (drizzle).
import type { Sqlite } from '../db/open';

/** The account a user is connected to (its base URL for a connection made before accounts had fingerprints). */
export function connectedAccount(sqlite: Sqlite, userId: number): string | null {
  const row = sqlite.prepare('select coalesce(account, base_url) from connections where user_id = ?').pluck().get(userId);
  return typeof row === 'string' ? row : null;
}

export function setConnectedAccount(sqlite: Sqlite, userId: number, account: string): void {
  sqlite.prepare('update connections set account = ? where user_id = ?').run(account, userId);
}
