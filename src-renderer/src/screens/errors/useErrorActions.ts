// The errors screen's actions: the error report export, and the bulk actions on the selected enrollments.
import { useState } from 'react';
import type { Resolution } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import type { Selection } from '../../hooks/useSelection';
import { downloadText } from '../../lib/download';
import { plural } from '../../lib/format';

export function useErrorActions(selection: Selection) {
  /** The export format or bulk action running now. */
  const [busy, setBusy] = useState<string | null>(null);

  async function exportAs(format: 'csv' | 'json') {
    setBusy(format);
    const r = await call('errors:export', { format });
    setBusy(null);
    if (!r) return;
    downloadText(r.filename, r.content, format === 'csv' ? 'text/csv' : 'application/json');
    notifyDone(`${plural(r.rows, 'row')} saved to ${r.filename}.`, 'Error report exported');
  }

  /** A decision on many flags at once: each is linked to its one matched record, created, or not synced. */
  async function resolveAll(action: Resolution) {
    const ids = [...selection.ids];
    setBusy(action);
    const r = await call('enrollments:resolve', { ids, action });
    setBusy(null);
    if (!r) return;
    const first = r.refused[0];
    const refused = first
      ? ` ${plural(r.refused.length, 'contact')} left as before (${first.email}: ${first.reason}${r.refused.length > 1 ? '; …' : ''}).`
      : '';
    notifyDone(`${plural(r.resolved, 'flag')} resolved.${refused}`, 'Bulk action finished');
    selection.clear();
  }

  async function bulk(action: 'clear' | 'retry') {
    const ids = [...selection.ids];
    setBusy(action);
    const r = action === 'clear' ? await call('enrollments:clear', { ids }) : await call('enrollments:retry', { ids });
    setBusy(null);
    if (!r) return;
    notifyDone(
      action === 'clear'
        ? `Cleared ${plural((r as { cleared: number }).cleared, 'flag')}.`
        : `${plural((r as { queued: number }).queued, 'contact')} queued again.`,
      'Bulk action finished',
    );
    selection.clear();
  }

  return { busy, exportAs, resolveAll, bulk };
}
