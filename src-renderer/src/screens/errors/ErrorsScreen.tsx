// Every flagged, failed and retrying enrollment, filterable by state and grouped by error; exportable.
import { Button, Card, Chip, EmptyState, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { ErrorRow, Resolution } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { BulkBar } from '../../components/BulkBar';
import { CellLink, Truncated, When } from '../../components/CellButton';
import { IconCheck, IconDownload } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { StateBadge } from '../../components/StateBadge';
import { tableRegionId, VirtualTable, type Column } from '../../components/VirtualTable';
import { useApiQuery } from '../../hooks/useApiQuery';
import { usePagedRows } from '../../hooks/usePagedRows';
import { href } from '../../hooks/useRoute';
import { useSelection } from '../../hooks/useSelection';
import { downloadText } from '../../lib/download';
import { formatNumber, plural } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { ErrorGroups } from './ErrorGroups';

type ErrState = 'flagged' | 'failed' | 'retrying';
const ERR_STATES: ErrState[] = ['flagged', 'failed', 'retrying'];
const REFRESH = ['data:changed', 'queue:changed', 'sync:progress'] as const;

export function ErrorsScreen() {
  const [states, setStates] = useState<ErrState[]>([]);
  // The chosen group's key (error code and cause), and its readable cause for the count line.
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const selection = useSelection();
  const stateFilter = states.length ? states : undefined;
  const groups = useApiQuery('errors:list', { states: stateFilter, limit: 1 }, { refetchOn: REFRESH });

  const key = JSON.stringify({ states: stateFilter, group: error ?? undefined });
  const groupLabel = groups.data?.groups.find((g) => g.key === error)?.error ?? null;
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      call('errors:list', { ...(JSON.parse(key) as { states?: ErrState[]; group?: string }), offset, limit }),
    [key],
  );
  const rows = usePagedRows<ErrorRow>(fetchPage, key, { refetchOn: REFRESH });

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

  const columns: Column<ErrorRow>[] = [
    {
      key: 'email',
      header: 'Contact',
      grow: 1.4,
      render: (e) => <CellLink href={href(`/contacts/${encodeURIComponent(e.email)}`)}>{e.email}</CellLink>,
    },
    {
      key: 'seq',
      header: 'Sequence',
      hideBelow: 900,
      render: (e) => <CellLink href={href(`/sequences/${encodeURIComponent(e.sequenceId)}`)}>{e.sequenceName}</CellLink>,
    },
    {
      key: 'state',
      header: 'Problem',
      width: 200,
      render: (e) => <StateBadge enrollment={{ ...e, id: e.enrollmentId }} />,
    },
    // The message is what a recruiter reads here: it keeps the most room, and other columns give way first.
    { key: 'error', header: 'Error', grow: 2.2, render: (e) => <Truncated size="sm">{e.error}</Truncated> },
    { key: 'first', header: 'First seen', width: 120, hideBelow: 700, render: (e) => <When at={e.firstSeen} /> },
    { key: 'attempts', header: 'Attempts', width: 96, hideBelow: 980, render: (e) => <Text size="sm">{e.attempts}</Text> },
  ];

  const total = groups.data?.total ?? 0;
  const nothingAtAll = groups.data && total === 0 && !stateFilter;

  return (
    <>
      <PageHeader
        title="Errors"
        description="Contacts that need attention: flagged for review, failed, or waiting to retry. Each badge explains the problem and offers its fix."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={busy === 'csv'}
              onClick={() => void exportAs('csv')}
            >
              Export CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={busy === 'json'}
              onClick={() => void exportAs('json')}
            >
              Export JSON
            </Button>
          </>
        }
      />
      {nothingAtAll ? (
        <Card withBorder padding="xl">
          <EmptyState
            icon={<IconCheck size={28} />}
            variant="light"
            color="teal"
            title="No errors"
            description="Every contact is synced, queued or waiting for its trigger. Problems show up here when they happen."
          />
        </Card>
      ) : (
        <>
          <Group align="flex-end" gap="lg" mb="sm">
            <ErrorGroups
              groups={groups.data?.groups ?? []}
              total={total}
              value={error}
              onChange={(e) => {
                setError(e);
                selection.clear();
              }}
            />
            <Chip.Group
              multiple
              value={states}
              onChange={(v) => {
                setStates(v);
                setError(null);
                selection.clear();
              }}
            >
              <Group gap={6} pb={6} role="group" aria-label="Filter by state">
                {ERR_STATES.map((s) => (
                  <Chip key={s} value={s} size="sm" variant="outline">
                    {STATE_LABELS[s]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Group>
          <BulkBar count={selection.size} onClear={selection.clear} returnFocusTo={tableRegionId('Errors')}>
            <Button size="xs" variant="default" loading={busy === 'clear'} onClick={() => void bulk('clear')}>
              Clear flag
            </Button>
            <Button size="xs" variant="default" loading={busy === 'retry'} onClick={() => void bulk('retry')}>
              Retry
            </Button>
            <Button size="xs" variant="default" loading={busy === 'link'} onClick={() => void resolveAll('link')}>
              Link to the matched record
            </Button>
            <Button size="xs" variant="default" loading={busy === 'create'} onClick={() => void resolveAll('create')}>
              Create a new record
            </Button>
            <Button size="xs" variant="default" loading={busy === 'skip'} onClick={() => void resolveAll('skip')}>
              Don't sync
            </Button>
          </BulkBar>
          <div>
            <Text size="sm" c="dimmed" mb={6} aria-live="polite">
              {rows.total === null ? 'Loading…' : `${formatNumber(rows.total)} shown${groupLabel ? ` for “${groupLabel}”` : ''}`}
            </Text>
            <VirtualTable
              label="Errors"
              rows={rows}
              columns={columns}
              getId={(e) => e.enrollmentId}
              describeRow={(e) => `${e.email} in ${e.sequenceName}`}
              selection={selection}
              empty={
                <Text c="dimmed" ta="center" py="xl">
                  No errors match these filters.
                </Text>
              }
            />
          </div>
        </>
      )}
    </>
  );
}
