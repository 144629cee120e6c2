// The only module that writes `contacts`: the CSV import's batch statements, the drawer's edit, the
// delete, the demo workspace's marks, and the add's bare contacts (the "create" policy for unknown
// emails). Also the snapshot that tells which synced contacts a write changed (domain/changedContacts.ts).
// The full-text index follows the table by triggers (store/contactSearch.ts).
import type { Statement } from 'better-sqlite3';
import { asc, desc, eq, exists, ne } from 'drizzle-orm';
import { CONTACT_FIELDS, normalizeEmail } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import { contacts, enrollments } from '../db/schema';
import { statement } from '../db/statements';
import { WRITING_SYNCED_OF_C } from './enrollments';

/**
 * The import's statements, prepared once per import. `insert` does nothing on a known email (no
 * RETURNING, no lookup first), and only then `update` runs: non-empty cells replace, empty cells never
 * blank out what is stored, extra columns are merged. `touched` is 1 when the import's stamp wrote the email.
 */
export function contactWriteStatements(db: Sqlite): { touched: Statement; insert: Statement; update: Statement } {
  const touched = db.prepare('select 1 from contacts where email = ? and updated_at = ?').pluck();
  const insert = db.prepare(
    `insert into contacts (email, ${CONTACT_FIELDS.join(', ')}, extra, created_at, updated_at)
       values (?, ${CONTACT_FIELDS.map(() => '?').join(', ')}, ?, ?, ?)
       on conflict (email) do nothing`,
  );
  // nullif/coalesce: an empty cell keeps what is stored. json_patch of '{}' leaves extra as it is.
  const keep = (col: string) => `${col} = coalesce(nullif(?, ''), ${col})`;
  const update = db.prepare(
    `update contacts set ${CONTACT_FIELDS.map(keep).join(', ')},
         extra = json_patch(extra, ?), updated_at = ? where email = ?`,
  );
  return { touched, insert, update };
}

/** The drawer's edit: the named columns (checked names, never input) and `extra`, as a whole, if given. */
export function updateContactColumns(sqlite: Sqlite, id: number, values: Record<string, string>, now: number): void {
  const sets = Object.keys(values).map((column) => `${column} = @${column}`);
  sqlite.prepare(`update contacts set ${sets.join(', ')}, updated_at = @now where id = @id`).run({ ...values, id, now });
}

/**
 * Deletes the contacts of a JSON list of ids (their enrollments and queue rows cascade), except those with
 * an item being sent right now. The caller holds the transaction.
 */
export function deleteContactsUnlessInFlight(sqlite: Sqlite, list: string): { deleted: number; skipped: number } {
  const busy = sqlite
    .prepare(
      `select count(distinct e.contact_id) from enrollments e join sync_queue q on q.enrollment_id = e.id
           where q.state = 'in_flight' and e.contact_id in (select value from json_each(?))`,
    )
    .pluck()
    .get(list);
  const deleted = sqlite
    .prepare(
      `delete from contacts where id in (select value from json_each(?))
           and not exists (select 1 from enrollments e join sync_queue q on q.enrollment_id = e.id
                           where e.contact_id = contacts.id and q.state = 'in_flight')`,
    )
    .run(list).changes;
  return { deleted, skipped: Number(busy) };
}

/** The demo workspace's contacts are marked as demo data. */
export function markDemoContacts(sqlite: Sqlite, emails: string[]): void {
  sqlite.prepare(`update contacts set demo = 1 where email in (select value from json_each(?))`).run(JSON.stringify(emails));
}

/** Removes the demo contacts (their enrollments and queue items cascade). */
export function deleteDemoContacts(sqlite: Sqlite): number {
  return sqlite.prepare('delete from contacts where demo = 1').run().changes;
}

/** Makes each email a contact with only its email (the add's "create" policy for unknown emails). */
export function createBareContacts(sqlite: Sqlite, emails: string[], now: number): number {
  return sqlite
    .prepare(
      `insert into contacts (email, created_at, updated_at) select value, @now, @now from json_each(@list) where true
           on conflict (email) do nothing`,
    )
    .run({ now, list: JSON.stringify(emails) }).changes;
}

/**
 * The ids of the JSON list's emails that are contacts, in the list's order: how many are known, and what
 * the add's insert reads (a rowid lookup per row instead of a second lookup by email).
 */
export function contactIdsOf(sqlite: Sqlite, list: string): number[] {
  return sqlite.prepare<[string], number>('select c.id from json_each(?) j join contacts c on c.email = j.value').pluck().all(list);
}

/** Up to six emails of the JSON list that are not contacts (enough to name five and say "and more"). */
export function firstUnknownContacts(sqlite: Sqlite, list: string): string[] {
  return sqlite
    .prepare('select j.value from json_each(?) j where not exists (select 1 from contacts c where c.email = j.value) limit 6')
    .pluck()
    .all(list)
    .map(String);
}

/**
 * Is any contact demo data? Asked once per add: with none (the usual case) the demo update is skipped.
 * The question reads the (usually empty) contacts_demo index.
 */
export function anyDemoContact(sqlite: Sqlite): boolean {
  return sqlite.prepare('select 1 from contacts where demo = 1 limit 1').get() !== undefined;
}

/** The columns a synced contact's update sends, as one comparable value. */
const SNAPSHOT = `json_array(${CONTACT_FIELDS.map((f) => `c.${f}`).join(', ')}, c.extra)`;

/** Does any mapping rule write to existing records? Usually not, and then a write snapshots nothing. */
export function anyRuleWritesToRecords(sqlite: Sqlite): boolean {
  return statement(sqlite, "select 1 from mapping_rules where write != 'never' limit 1").get() !== undefined;
}

/** The snapshot of the contacts among `emails` with an enrollment whose update a change would send. */
export function snapshotsOfSynced(sqlite: Sqlite, emails: string[]): Map<number, string> {
  const rows = statement<[string], Pick<SqlRow<typeof contacts>, 'id'> & { snap: string }>(
    sqlite,
    `select c.id, ${SNAPSHOT} as snap from json_each(?) j join contacts c on c.email = j.value
     where exists (select 1 ${WRITING_SYNCED_OF_C})`,
  ).all(JSON.stringify(emails));
  return new Map(rows.map((r) => [r.id, r.snap]));
}

/** The contact's snapshot now (a prepared statement: asked once per changed contact). */
export function snapshotOf(sqlite: Sqlite): (contactId: number) => unknown {
  const now = statement(sqlite, `select ${SNAPSHOT} from contacts c where c.id = ?`).pluck();
  return (contactId) => now.get(contactId);
}

/** The extra columns of the latest contacts that have any (sampled: the mapping's list of sources). */
export function recentExtras(ctx: Pick<Ctx, 'db'>): string[] {
  return ctx.db
    .select({ extra: contacts.extra })
    .from(contacts)
    .where(ne(contacts.extra, '{}'))
    .orderBy(desc(contacts.id))
    .limit(2000)
    .all()
    .map((r) => r.extra);
}

/** The contacts enrolled in any sequence (whose mail a mailbox scan reads). */
export function enrolledContactsOf(ctx: Pick<Ctx, 'db'>): Pick<typeof contacts.$inferSelect, 'id' | 'email'>[] {
  return ctx.db
    .select({ id: contacts.id, email: contacts.email })
    .from(contacts)
    .where(exists(ctx.db.select({ one: enrollments.id }).from(enrollments).where(eq(enrollments.contactId, contacts.id))))
    .all();
}

/** The first contact's email (the mapping preview's sample), or null. */
export function firstContactEmail(ctx: Pick<Ctx, 'db'>): string | null {
  const row = ctx.db.select({ email: contacts.email }).from(contacts).orderBy(asc(contacts.id)).limit(1).get();
  return row?.email ?? null;
}

/** A contacts row as stored, read by raw SQL (the sync payload is built from the same shape). */
export type ContactDbRow = SqlRow<typeof contacts>;

export function contactByEmail(ctx: Pick<Ctx, 'sqlite'>, email: string): ContactDbRow | null {
  return ctx.sqlite.prepare<[string], ContactDbRow>('select * from contacts where email = ?').get(normalizeEmail(email)) ?? null;
}

/** The ids of the (normalized) emails that are contacts, and the emails that are not. */
export function contactIdsByEmail(sqlite: Sqlite, emails: string[]): { ids: number[]; unknown: string[] } {
  const find = sqlite.prepare('select id from contacts where email = ?').pluck();
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const email of emails) {
    const id = find.get(email);
    if (id === undefined) unknown.push(email);
    else ids.push(Number(id));
  }
  return { ids, unknown };
}

/** The emails of a list that are not contacts yet (normalized, in the order given, each once). */
export function missingContacts(ctx: Pick<Ctx, 'sqlite'>, emails: string[]): string[] {
  const list = JSON.stringify([...new Set(emails.map(normalizeEmail))]);
  return ctx.sqlite
    .prepare('select j.value from json_each(?) j where not exists (select 1 from contacts c where c.email = j.value) order by j.key')
    .pluck()
    .all(list)
    .map(String);
}
