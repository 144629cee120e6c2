// Prepared statements, prepared once per connection. Preparing is the costly part of a small query, and
// the sync engine runs the same few statements for every contact (a third of its CPU before this cache).
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './open';

const caches = new WeakMap<Sqlite, Map<string, Statement<unknown[]>>>();

/**
 * The statement for `sql` on `sqlite`, prepared on first use. It is shared: callers must not switch its
 * mode (pluck, raw, expand), and it must not be iterated while another caller runs it.
 * `Row` is the row type the SQL returns (from the schema), declared here as at `sqlite.prepare<Params, Row>`.
 */
export function statement<Params extends unknown[] = unknown[], Row = unknown>(sqlite: Sqlite, sql: string): Statement<Params, Row> {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare(sql)));
  // The cache is keyed by the SQL text, so the same text always declares the same row type.
  return stmt as unknown as Statement<Params, Row>;
}
