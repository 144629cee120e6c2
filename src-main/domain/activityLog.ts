// The Activity screen's log: the store's page, with the fields each update changed (old and new value,
// named as the mapping editor names them).
import type { LogEntry, Page } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { fieldChangesOfLogs } from '../store/fieldChanges';
import { logPage } from '../store/syncLog';
import { withLabels } from './mapping';

export function listLog(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  q: { offset: number; limit: number },
): Page<LogEntry> {
  const page = logPage(ctx, q);
  const changes = fieldChangesOfLogs(
    ctx.sqlite,
    page.rows.filter((r) => r.event === 'sync.updated').map((r) => r.id),
  );
  return {
    rows: page.rows.map((r) => (changes.has(r.id) ? { ...r, changes: withLabels(ctx, changes.get(r.id)!) } : r)),
    total: page.total,
  };
}
