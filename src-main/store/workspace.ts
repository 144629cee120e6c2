// Read model over `contacts` and `sequences` together: is the data folder empty, does it hold demo data?
// The two tables' writers are store/contacts.ts and store/sequences.ts; these questions join both.
import type { Sqlite } from '../db/open';

/** Nothing imported and no sequence made: the window offers the demo, and the demo may load only then. */
export function workspaceIsEmpty(sqlite: Sqlite): boolean {
  return sqlite.prepare('select (select count(*) from contacts) + (select count(*) from sequences)').pluck().get() === 0;
}

/** The demo folder's rows are there (the `demo` meta mark is the other sign, domain/appInfo.ts). */
export function holdsDemoRows(sqlite: Sqlite): boolean {
  return (
    sqlite
      .prepare('select exists (select 1 from contacts where demo = 1) or exists (select 1 from sequences where demo = 1)')
      .pluck()
      .get() === 1
  );
}
