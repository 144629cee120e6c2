// A synced contact whose data changes in Flowbridge (the drawer's edit, a re-import of its row) is queued
// again, in the same transaction as the change, when its captured mapping has a rule that writes to
// existing records: the engine finds its link, skips the create and runs the update step. Contacts whose
// rules never write, and enrollments synced in another account than the one connected, are left alone
// (Resync stays the only way to send those).
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { statement } from '../db/statements';
import { settingsRow } from './settings';
import { enqueue } from '../store/queue';

/** Enrollments synced in the account connected now whose captured mapping writes to existing records. */
const WRITING_SYNCED = `from enrollments e
  where e.contact_id = c.id and e.state = 'synced'
    and e.rf_account = (select coalesce(account, base_url) from connections where user_id = e.user_id)
    and exists (select 1 from mapping_rules m where m.user_id = e.user_id and m.version = e.cap_mapping_version and m.write != 'never')`;

const SNAPSHOT = 'json_array(c.first_name, c.last_name, c.title, c.company, c.phone, c.linkedin_url, c.location, c.extra)';

export type ContactSnapshot = Map<number, string>;

/** Before a write: what the contacts among `emails` that could need an update hold now (usually none). */
export function snapshotSyncedContacts(sqlite: Sqlite, emails: string[]): ContactSnapshot {
  // The usual case (no rule of any mapping writes to existing records) costs an import nothing per row.
  if (statement(sqlite, "select 1 from mapping_rules where write != 'never' limit 1").get() === undefined) return new Map();
  const rows = statement(
    sqlite,
    `select c.id, ${SNAPSHOT} as snap from json_each(?) j join contacts c on c.email = j.value
     where exists (select 1 ${WRITING_SYNCED})`,
  ).all(JSON.stringify(emails)) as { id: number; snap: string }[];
  return new Map(rows.map((r) => [r.id, r.snap]));
}

/** After the write, in the same transaction: queues the enrollments of the contacts that changed. */
export function requeueChangedContacts(ctx: Ctx, before: ContactSnapshot): number {
  if (before.size === 0) return 0;
  const now = statement(ctx.sqlite, `select ${SNAPSHOT} from contacts c where c.id = ?`).pluck();
  const enrollmentsOf = statement(
    ctx.sqlite,
    `select e.id, e.user_id as userId ${WRITING_SYNCED.replace('from enrollments e', 'from enrollments e, contacts c')} and c.id = ?`,
  );
  let queued = 0;
  for (const [contactId, snap] of before) {
    if (now.get(contactId) === snap) continue;
    for (const e of enrollmentsOf.all(contactId) as { id: number; userId: number }[]) {
      queued += enqueue(ctx, [e.id], { held: settingsRow(ctx, e.userId).reviewBeforeSync });
    }
  }
  if (queued > 0) {
    ctx.events.emit('queue:changed', { reason: 'contact_changed' });
    ctx.wake(); // a running app sends the update soon (the scheduler's wake-up is deferred, never inside this transaction)
  }
  return queued;
}
