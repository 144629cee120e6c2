// The bulk actions on a sequence's selected contacts, and "select all matching" across rows never loaded.
import { useState } from 'react';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call, notifyDone } from '../../api/call';
import type { Selection } from '../../hooks/useSelection';
import { plural } from '../../lib/format';

export type Bulk = 'markReplied' | 'resync' | 'clear' | 'retry' | 'remove';
/** The table's search, filters and sort: "select all matching" selects what they match. */
export type EnrollmentQuery = Omit<ChannelInput<'sequences:enrollments'>, 'offset' | 'limit'>;

export function useEnrollmentBulk(selection: Selection, query: EnrollmentQuery, total: number | null) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState<Bulk | 'selectAll' | null>(null);

  async function selectAllMatching() {
    if (!total) return;
    setBusy('selectAll');
    const ids: number[] = [];
    for (let offset = 0; offset < total; offset += 1000) {
      const page = await call('sequences:enrollments', { ...query, offset, limit: 1000 });
      if (!page) break;
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 1000) break;
    }
    selection.replace(ids);
    setBusy(null);
  }

  async function bulk(action: Bulk) {
    const ids = [...selection.ids];
    setBusy(action);
    let message: string | null = null;
    if (action === 'markReplied') {
      const r = await call('enrollments:markReplied', { ids });
      if (r) message = `Recorded a reply for ${plural(r.recorded, 'contact')}.`;
    } else if (action === 'resync') {
      const r = await call('enrollments:resync', { ids });
      if (r) message = `${r.message}.`;
    } else if (action === 'clear') {
      const r = await call('enrollments:clear', { ids });
      if (r) message = `Cleared the flag on ${plural(r.cleared, 'contact')}.`;
    } else if (action === 'retry') {
      const r = await call('enrollments:retry', { ids });
      if (r) message = `${plural(r.queued, 'contact')} queued for another attempt.`;
    } else {
      const r = await call('enrollments:remove', { ids });
      if (r) message = `Removed ${plural(r.removed, 'contact')} from the sequence.`;
      setConfirmRemove(false);
    }
    setBusy(null);
    if (message) {
      notifyDone(message, 'Bulk action finished');
      selection.clear();
    }
  }

  return { busy, bulk, selectAllMatching, confirmRemove, setConfirmRemove };
}
