// The jobs cached from Recruiterflow (sequences pick their job from them), and refreshing them.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifyDone } from '../../../api/call';
import type { useAction } from '../../../hooks/useAction';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { plural } from '../../../lib/format';
import type { PendingAction } from './usePendingAction';

export function JobsCard({
  connected,
  pending,
  act,
  run,
}: {
  connected: boolean;
  pending: string | null;
  act: PendingAction;
  run: ReturnType<typeof useAction>['run'];
}) {
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4">
            Jobs
          </Title>
          <Text size="sm" c="dimmed">
            {!jobs.data
              ? 'Loading…'
              : jobs.data.length === 0
                ? `No jobs cached yet. ${connected ? 'Refresh to load them from Recruiterflow.' : 'Connect (or use the Sandbox) to load them.'}`
                : `${plural(jobs.data.length, 'job')} cached (${jobs.data.filter((j) => j.isOpen).length} open). Sequences pick their job from this list.`}
          </Text>
        </div>
        <Button
          variant="default"
          loading={pending === 'jobs'}
          disabled={!connected}
          onClick={() =>
            void act('jobs', async () => {
              const r = await run('jobs:refresh', {});
              if (r) {
                notifyDone(`${plural(r.length, 'job')} loaded from Recruiterflow.`, 'Jobs refreshed');
                jobs.refetch();
              }
            })
          }
        >
          Refresh jobs
        </Button>
      </Group>
    </Card>
  );
}
