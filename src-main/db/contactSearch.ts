// Substring search over contacts through the contact_search FTS5 index (trigram tokenizer; see migration
// 0002_contact_search.sql). Triggers note every changed contact in contact_search_pending; the index is
// brought up to date in one statement just before a search reads it, because FTS5 written row by row (as a
// trigger would) made a 100,000-contact import ten times slower than one bulk insert.
import { statement } from './statements';
import type { Sqlite } from './open';

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

/** Applies the pending changes to the index, in one transaction; does nothing (one read) when none wait. */
export function catchUpContactSearch(sqlite: Sqlite): void {
  if (!statement(sqlite, 'select exists (select 1 from contact_search_pending)').pluck().get()) return;
  sqlite
    .transaction(() => {
      statement(sqlite, 'delete from contact_search where rowid in (select id from contact_search_pending where in_index = 1)').run();
      statement(
        sqlite,
        `insert into contact_search (rowid, email, name, company)
         select c.id, c.email, trim(c.first_name || ' ' || c.last_name), c.company
         from contact_search_pending p join contacts c on c.id = p.id`,
      ).run();
      statement(sqlite, 'delete from contact_search_pending').run();
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
