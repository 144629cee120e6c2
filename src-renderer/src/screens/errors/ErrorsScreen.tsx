// Every flagged, failed and retrying enrollment, filterable by state and grouped by error; exportable.
import { Button, Card, Chip, EmptyState, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { ErrorRow } from '../../../../src-shared/domain';
import { call } from '../../api/call';
import { IconCheck, IconDownload } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable } from '../../components/VirtualTable';
import { useApiQuery } from '../../hooks/useApiQuery';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useSelection } from '../../hooks/useSelection';
import { formatNumber } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { errorColumns } from './errorColumns';
import { ErrorGroups } from './ErrorGroups';
import { ErrorsBulkBar } from './ErrorsBulkBar';
import { useErrorActions } from './useErrorActions';

type ErrState = 'flagged' | 'failed' | 'retrying';
const ERR_STATES: ErrState[] = ['flagged', 'failed', 'retrying'];
const REFRESH = ['data:changed', 'queue:changed', 'sync:progress'] as const;

export function ErrorsScreen() {
  const [states, setStates] = useState<ErrState[]>([]);
  // The chosen group's key (error code and cause), and its readable cause for the count line.
  const [error, setError] = useState<string | null>(null);
  const selection = useSelection();
  const { busy, exportAs, resolveAll, bulk } = useErrorActions(selection);
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
          <ErrorsBulkBar
            selection={selection}
            busy={busy}
            onBulk={(action) => void bulk(action)}
            onResolve={(action) => void resolveAll(action)}
            tableLabel="Errors"
          />
          <div>
            <Text size="sm" c="dimmed" mb={6} aria-live="polite">
              {rows.total === null ? 'Loading…' : `${formatNumber(rows.total)} shown${groupLabel ? ` for “${groupLabel}”` : ''}`}
            </Text>
            <VirtualTable
              label="Errors"
              rows={rows}
              columns={errorColumns}
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
