// Links between an email and a Recruiterflow record (`rf_links`) and the jobs a record was assigned to
// (`rf_job_assignments`), each in the account it was made in (domain/account.ts): the only module that
// reads or writes these two tables.
import type { SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import type { Sqlite } from '../db/open';
import { eq } from 'drizzle-orm';
import { rfLinks } from '../db/schema';
import { statement } from '../db/statements';

type LinkRow = Pick<typeof rfLinks.$inferSelect, 'email' | 'rfId' | 'rfType'>;

export interface RfLink {
  id: number;
  type: SyncAs;
  /** 1 when Flowbridge created the record, 0 when it linked to one that existed. */
  created: number;
}

/** The server of an account (an identity made before accounts had fingerprints is its URL alone). */
export function accountBaseUrl(account: string): string {
  return account.split('#')[0] ?? account;
}

/**
 * The Recruiterflow record this email is linked to in that account: of that type when one is named,
 * otherwise the candidate profile first (a person can have both).
 */
export function findLink(ctx: Pick<Ctx, 'sqlite'>, account: string, email: string, type?: SyncAs): RfLink | null {
  const row = type
    ? statement(
        ctx.sqlite,
        'select rf_id as id, rf_type as type, created from rf_links where account = ? and email = ? and rf_type = ?',
      ).get(account, email, type)
    : statement(
        ctx.sqlite,
        "select rf_id as id, rf_type as type, created from rf_links where account = ? and email = ? order by rf_type = 'candidate' desc limit 1",
      ).get(account, email);
  return (row as RfLink | undefined) ?? null;
}

/** Links an email to a record in that account; a later link of the same type replaces the record id. */
export function saveLink(sqlite: Sqlite, account: string, email: string, rfId: number, rfType: SyncAs, created: boolean, at: number): void {
  statement(
    sqlite,
    `insert into rf_links (account, base_url, email, rf_id, rf_type, linked_at, created) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (account, email, rf_type) do update set rf_id = excluded.rf_id`,
  ).run(account, accountBaseUrl(account), email, rfId, rfType, at, created ? 1 : 0);
}

export function saveJobAssignment(sqlite: Sqlite, account: string, rfId: number, jobId: number, at: number): void {
  statement(
    sqlite,
    'insert into rf_job_assignments (account, base_url, rf_id, job_id, assigned_at) values (?, ?, ?, ?, ?) on conflict do nothing',
  ).run(account, accountBaseUrl(account), rfId, jobId, at);
}

export function isJobAssigned(sqlite: Sqlite, account: string, rfId: number, jobId: number): boolean {
  return (
    statement(sqlite, 'select 1 from rf_job_assignments where account = ? and rf_id = ? and job_id = ?').get(account, rfId, jobId) !==
    undefined
  );
}

/** Did Flowbridge create this email's record in this account (for another sequence)? Then it is ours, not a duplicate. */
export function createdByUs(sqlite: Sqlite, account: string, email: string): boolean {
  return statement(sqlite, 'select 1 from rf_links where account = ? and email = ? and created = 1').get(account, email) !== undefined;
}

/** Links of that account (kept, not reused, after a switch). */
export function countLinks(sqlite: Sqlite, account: string): number {
  return Number(sqlite.prepare('select count(*) from rf_links where account = ?').pluck().get(account));
}

/** Links and job assignments made under an older identity of the same account take its new identity. */
export function renameAccountLinks(sqlite: Sqlite, from: string, to: string): void {
  sqlite.prepare('update rf_links set account = ? where account = ?').run(to, from);
  sqlite.prepare('update rf_job_assignments set account = ? where account = ?').run(to, from);
}

/** Every link of the account, for the links check. */
export function linksOf(ctx: Pick<Ctx, 'db'>, account: string): LinkRow[] {
  return ctx.db
    .select({ email: rfLinks.email, rfId: rfLinks.rfId, rfType: rfLinks.rfType })
    .from(rfLinks)
    .where(eq(rfLinks.account, account))
    .orderBy(rfLinks.rfId)
    .all();
}

/** A record was merged away: the email's link names the survivor (the caller holds the transaction). */
export function relinkEmail(sqlite: Sqlite, account: string, email: string, type: SyncAs, from: number, to: number): void {
  sqlite
    .prepare('update rf_links set rf_id = ? where account = ? and email = ? and rf_type = ? and rf_id = ?')
    .run(to, account, email, type, from);
}

/**
 * A record was deleted: its link goes (a resync must create a new record, never reuse the id) and so do its
 * job assignments (the new record needs its own). The caller holds the transaction.
 */
export function dropDeletedRecord(sqlite: Sqlite, account: string, email: string, type: SyncAs, id: number): void {
  sqlite.prepare('delete from rf_links where account = ? and email = ? and rf_type = ? and rf_id = ?').run(account, email, type, id);
  sqlite.prepare('delete from rf_job_assignments where account = ? and rf_id = ?').run(account, id);
}
