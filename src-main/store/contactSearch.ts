// Substring search over contacts through the contact_search FTS5 index (trigram tokenizer; see migrations
// 0006 and 0007). The index is brought up to date in one statement just before a search reads it, because
// FTS5 written row by row (as a trigger would) made a 100,000-contact import ten times slower than one bulk
// insert. What it has to catch up on: contacts above the indexed-through mark in `meta` (new contacts: no
// trigger, so an import pays nothing per row), and the updated or deleted ones that triggers note in
// contact_search_pending.
import type { Sqlite } from '../db/open';
import { statement } from '../db/statements';
import { getMeta, putMeta } from './meta';

/** The indexed columns: the contact's email, its "first last" name and its company. */
export type SearchColumn = 'email' | 'name' | 'company';

/** Trigrams need three characters: shorter searches are answered by a LIKE scan (same results, slower). */
const MIN_INDEXED_LENGTH = 3;

/** A LIKE pattern for `search` as a substring, with LIKE's own wildcards escaped (use with escape '\'). */
function likePattern(search: string): string {
  return `%${search
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The FTS5 query matching `search` as one contiguous substring of any of `columns`; null when too short. */
export function trigramQuery(search: string, columns: readonly SearchColumn[]): string | null {
  const text = search.trim();
  if ([...text].length < MIN_INDEXED_LENGTH) return null;
  // A quoted FTS5 string is taken literally (no operators); its own double quotes are doubled.
  return `{${columns.join(' ')}} : "${text.replace(/"/g, '""')}"`;
}

/** The highest contact id the index has seen; every contact above it is new to the index. */
const INDEXED_THROUGH = 'search.indexedThrough';

/** Applies the pending changes to the index, in one transaction; does nothing (two reads) when none wait. */
export function catchUpContactSearch(sqlite: Sqlite): void {
  const through = Number(getMeta({ sqlite }, INDEXED_THROUGH) ?? 0);
  const pending = statement(sqlite, 'select exists (select 1 from contact_search_pending)').pluck().get() === 1;
  if (!pending && statement(sqlite, 'select exists (select 1 from contacts where id > ?)').pluck().get(through) !== 1) return;
  sqlite
    .transaction(() => {
      statement(sqlite, 'delete from contact_search where rowid in (select id from contact_search_pending where in_index = 1)').run();
      // One row per contact, whether it is new, changed, or both.
      statement(
        sqlite,
        `insert into contact_search (rowid, email, name, company)
         select c.id, c.email, trim(c.first_name || ' ' || c.last_name), c.company
         from contacts c where c.id > @through or c.id in (select id from contact_search_pending)`,
      ).run({ through });
      statement(sqlite, 'delete from contact_search_pending').run();
      const last = statement(sqlite, 'select coalesce(max(id), 0) from contacts').pluck().get();
      putMeta(sqlite, INDEXED_THROUGH, String(last));
    })
    .immediate();
}

export interface SearchCondition {
  /** A condition for a WHERE clause, using the named parameter @search. */
  sql: string;
  search: string;
}

/**
 * The condition "the contact whose id is `idColumn` contains `search` in one of `columns`": an index
 * lookup when the search is long enough for trigrams, otherwise a LIKE over `likeExpressions` (the same
 * columns as SQL expressions of the query's own tables). Brings the index up to date first.
 */
export function contactSearchCondition(
  sqlite: Sqlite,
  search: string,
  target: { idColumn: string; columns: readonly SearchColumn[]; likeExpressions: readonly string[] },
): SearchCondition {
  const query = trigramQuery(search, target.columns);
  if (query === null) {
    return { sql: `(${target.likeExpressions.map((e) => `${e} like @search escape '\\'`).join(' or ')})`, search: likePattern(search) };
  }
  catchUpContactSearch(sqlite);
  return { sql: `${target.idColumn} in (select rowid from contact_search where contact_search match @search)`, search: query };
}
