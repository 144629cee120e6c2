import { Card, Center, Group, Loader, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../hooks/useApiQuery';
import { ActivityChart } from './ActivityChart';
import { SyncLog } from './SyncLog';
import { LoadError } from '../../components/LoadError';

export function ActivityScreen() {
  const [days, setDays] = useState('14');
  const summary = useApiQuery('activity:summary', { days: Number(days) }, { refetchOn: ['sync:progress'] });
  const replies = useApiQuery('mailbox:perDay', { days: Number(days) }, { refetchOn: ['mailbox:changed', 'data:changed'], quiet: true });
  return (
    <>
      <PageHeader title="Activity" description="What Flowbridge sent to Recruiterflow, day by day, and the full sync log." />
      <Card withBorder mb="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Syncs, errors and replies per day
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Period"
            value={days}
            onChange={setDays}
            data={[
              { value: '7', label: '7 days' },
              { value: '14', label: '14 days' },
              { value: '30', label: '30 days' },
            ]}
          />
        </Group>
        {!summary.data && summary.error ? (
          <LoadError what="the activity" message={summary.error.message} onRetry={summary.refetch} />
        ) : summary.data ? (
          summary.data.length ? (
            <ActivityChart buckets={summary.data} replies={replies.data} />
          ) : (
            <Text c="dimmed">No activity in this period.</Text>
          )
        ) : (
          <Center h={200}>
            <Loader size="sm" aria-label="Loading activity" />
          </Center>
        )}
      </Card>
      <Title order={2} size="h4" mb="sm">
        Sync log
      </Title>
      <SyncLog />
    </>
  );
}
