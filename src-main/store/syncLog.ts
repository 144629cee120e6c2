// The sync log (table `sync_log`): every attempt, outcome and notable event, for the Activity screen and
// support. The only module that reads or writes it.
import type { LogEntry, Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import type { syncLog } from '../db/schema';
import { statement } from '../db/statements';

/** Writes one log line; returns its id (an update's field changes hang on it). */
export function logEvent(
  ctx: Pick<Ctx, 'sqlite' | 'clock'>,
  level: LogEntry['level'],
  event: string,
  message: string,
  about?: { enrollmentId?: number; email?: string },
): number {
  const insert = statement(ctx.sqlite, 'insert into sync_log (at, level, event, message, enrollment_id, email) values (?, ?, ?, ?, ?, ?)');
  return Number(insert.run(ctx.clock.now(), level, event, message, about?.enrollmentId ?? null, about?.email ?? null).lastInsertRowid);
}

/** One page of the log, newest first. */
export function logPage(ctx: Pick<Ctx, 'sqlite'>, q: { offset: number; limit: number }): Page<LogEntry> {
  const total = Number(ctx.sqlite.prepare('select count(*) as n from sync_log').pluck().get());
  const rows = ctx.sqlite
    .prepare<[number, number], Pick<typeof syncLog.$inferSelect, 'id' | 'at' | 'level' | 'event' | 'message' | 'email'>>(
      'select id, at, level, event, message, email from sync_log order by id desc limit ? offset ?',
    )
    .all(q.limit, q.offset);
  return { rows, total };
}

/** Syncs and errors per day (UTC), oldest first, including empty days. */
export function activitySummary(ctx: Pick<Ctx, 'sqlite' | 'clock'>, days: number): { day: string; synced: number; errors: number }[] {
  const dayMs = 86_400_000;
  const today = Math.floor(ctx.clock.now() / dayMs);
  const from = (today - days + 1) * dayMs;
  const rows = ctx.sqlite
    .prepare<[number], { d: number; synced: number; errors: number }>(
      `select at / ${dayMs} as d, sum(event in ('sync.created', 'sync.linked')) as synced, sum(level = 'error') as errors
       from sync_log where at >= ? group by d`,
    )
    .all(from);
  const byDay = new Map(rows.map((r) => [r.d, r]));
  return Array.from({ length: days }, (_, i) => {
    const d = today - days + 1 + i;
    const r = byDay.get(d);
    return { day: new Date(d * dayMs).toISOString().slice(0, 10), synced: r?.synced ?? 0, errors: r?.errors ?? 0 };
  });
}
