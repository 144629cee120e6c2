// A synced contact whose data changes in Flowbridge (the drawer's edit, a re-import of its row) is queued
// again, in the same transaction as the change, when its captured mapping has a rule that writes to
// existing records: the engine finds its link, skips the create and runs the update step. Contacts whose
// rules never write, and enrollments synced in another account than the one connected, are left alone
// (Resync stays the only way to send those).
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { settingsRow } from './settings';
import { anyRuleWritesToRecords, snapshotOf, snapshotsOfSynced } from '../store/contacts';
import { syncedEnrollmentsToUpdate } from '../store/enrollments';
import { enqueue } from '../store/queue';

export type ContactSnapshot = Map<number, string>;

/** Before a write: what the contacts among `emails` that could need an update hold now (usually none). */
export function snapshotSyncedContacts(sqlite: Sqlite, emails: string[]): ContactSnapshot {
  // The usual case (no rule of any mapping writes to existing records) costs an import nothing per row.
  if (!anyRuleWritesToRecords(sqlite)) return new Map();
  return snapshotsOfSynced(sqlite, emails);
}

/** After the write, in the same transaction: queues the enrollments of the contacts that changed. */
export function requeueChangedContacts(ctx: Ctx, before: ContactSnapshot): number {
  if (before.size === 0) return 0;
  const now = snapshotOf(ctx.sqlite);
  const enrollmentsOf = syncedEnrollmentsToUpdate(ctx.sqlite);
  let queued = 0;
  for (const [contactId, snap] of before) {
    if (now(contactId) === snap) continue;
    for (const e of enrollmentsOf(contactId)) {
      queued += enqueue(ctx, [e.id], { held: settingsRow(ctx, e.userId).reviewBeforeSync });
    }
  }
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'contact_changed' });
    ctx.wake(); // a running app sends the update soon (the scheduler's wake-up is deferred, never inside this transaction)
  }
  return queued;
}
