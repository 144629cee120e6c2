// SQL of `owner_pairings` (a Flowbridge user's chosen Recruiterflow owner) and the reads of `rf_users` it needs.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { ownerPairings, rfUsers } from '../db/schema';

export type OwnerPairingRow = typeof ownerPairings.$inferSelect;
export type RfUserRow = typeof rfUsers.$inferSelect;

export function pairingOf(db: Db, userId: number, baseUrl: string): OwnerPairingRow | null {
  return (
    db
      .select()
      .from(ownerPairings)
      .where(and(eq(ownerPairings.userId, userId), eq(ownerPairings.baseUrl, baseUrl)))
      .get() ?? null
  );
}

/** Sets (or, with null, removes) the user's chosen owner on this account server. */
export function writePairing(db: Db, userId: number, baseUrl: string, rfUserId: number | null, now: number): void {
  if (rfUserId === null) {
    db.delete(ownerPairings)
      .where(and(eq(ownerPairings.userId, userId), eq(ownerPairings.baseUrl, baseUrl)))
      .run();
    return;
  }
  db.insert(ownerPairings)
    .values({ userId, baseUrl, rfUserId, pairedAt: now })
    .onConflictDoUpdate({ target: [ownerPairings.userId, ownerPairings.baseUrl], set: { rfUserId, pairedAt: now } })
    .run();
}

export function cachedRfUsers(db: Db, baseUrl: string): RfUserRow[] {
  return db.select().from(rfUsers).where(eq(rfUsers.baseUrl, baseUrl)).orderBy(rfUsers.name).all();
}
