// A sequence's bulk actions against a real backend: "select all matching" reaches rows the table never
// loaded (past the first thousand) and only those the search matches; a bulk action acts on the selection.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealBackend, Providers, type RealBackend } from '../../../test/realBackend';
import { useSelection } from '../../hooks/useSelection';
import { useEnrollmentBulk, type EnrollmentQuery } from './useEnrollmentBulk';

describe('useEnrollmentBulk', () => {
  let rb: RealBackend;
  let sequenceId: string;
  const emails = Array.from({ length: 1_205 }, (_, i) => `p${i}@acme.example`);
  beforeEach(async () => {
    rb = installRealBackend();
    await rb.call('contacts:import', { csv: ['email', ...emails, 'other@elsewhere.example'].join('\n') });
    sequenceId = (await rb.call('sequences:create', { name: 'Backend' })).id;
    await rb.call('sequences:add', { sequenceId, emails });
    // Another sequence's contact is never selected from this one.
    const other = await rb.call('sequences:create', { name: 'Other' });
    await rb.call('sequences:add', { sequenceId: other.id, emails: ['other@elsewhere.example'] });
  });
  afterEach(() => rb.close());

  function renderBulk(query: EnrollmentQuery, total: number) {
    return renderHook(
      () => {
        const selection = useSelection();
        return { selection, ...useEnrollmentBulk(selection, query, total) };
      },
      { wrapper: Providers },
    );
  }

  it('selects every row the query matches, past the first page of a thousand', async () => {
    const { result } = renderBulk({ sequenceId, sort: 'addedAt', dir: 'desc' }, 1_205);
    await act(() => result.current.selectAllMatching());
    expect(result.current.selection.size).toBe(1_205);
    expect(result.current.busy).toBeNull();
  });

  it('selects only what the search matches', async () => {
    const { result } = renderBulk({ sequenceId, search: 'p12', sort: 'addedAt', dir: 'desc' }, 12);
    await act(() => result.current.selectAllMatching());
    // p12, p120-p129 and p1200-p1204
    expect(result.current.selection.size).toBe(16);
  });

  it('removes the selected contacts only, and spends the selection', async () => {
    const page = await rb.call('sequences:enrollments', { sequenceId, search: 'p7@', limit: 10 });
    const { result } = renderBulk({ sequenceId, sort: 'addedAt', dir: 'desc' }, 1_205);
    act(() => result.current.selection.replace(page.rows.map((r) => r.id)));
    act(() => result.current.setConfirmRemove(true));
    await act(() => result.current.bulk('remove'));
    await waitFor(() => expect(result.current.selection.size).toBe(0));
    expect(result.current.confirmRemove).toBe(false);
    const left = await rb.call('sequences:enrollments', { sequenceId, limit: 1 });
    expect(left.total).toBe(1_204);
    expect((await rb.call('sequences:enrollments', { sequenceId, search: 'p7@', limit: 10 })).total).toBe(0);
  });
});
