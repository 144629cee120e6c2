// The shape of a row as better-sqlite3 returns it for `select *`: the schema's column names (snake_case)
// and types, read from the drizzle table, so raw SQL never needs a hand-written copy of a table. Booleans
// are stored as 0/1, and come back as numbers.
import type { Table } from 'drizzle-orm';

type Raw<T> = T extends boolean ? number : T;

export type SqlRow<T extends Table> = {
  [K in keyof T['_']['columns'] as T['_']['columns'][K]['_']['name']]: T['_']['columns'][K]['_']['notNull'] extends true
    ? Raw<T['_']['columns'][K]['_']['data']>
    : Raw<T['_']['columns'][K]['_']['data']> | null;
};
