// The default pipeline stage: where new candidates land on the default job (and on a sequence's job that
// has a stage of that name) unless their sequence picks one. Captured when a contact is added.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifyDone } from '../../api/call';
import { StageSelect } from '../../components/StageSelect';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';

export function DefaultStageCard() {
  const saved = useApiQuery('stages:get', {}, { refetchOn: ['data:changed'] });
  const [stage, setStage] = useState<string | null>(null);
  const { busy, run } = useAction();
  const savedStage = saved.data?.defaultStage ?? null;
  useEffect(() => setStage(savedStage), [savedStage]);
  const data = saved.data;
  const usable = data !== undefined && data.jobId !== null && data.stages.length > 0;

  async function save() {
    const r = await run('stages:setDefault', { stage });
    if (r) notifyDone('Saved. Applies to contacts added after you save.', 'Default stage saved');
  }

  return (
    <Card withBorder maw={640}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Title order={3} size="h5">
            Default stage
          </Title>
          {data && !usable && (
            <Text size="sm">
              {data.jobId === null
                ? 'Save a default job to pick one of its stages.'
                : 'Connect to Recruiterflow to read the default job’s stages.'}
            </Text>
          )}
          <StageSelect
            label="Default stage"
            description="Where new candidates land on the default job. Never moves a candidate back to an earlier stage."
            stages={data?.stages ?? []}
            value={stage}
            empty={`First stage${data?.stages[0] ? ` (${data.stages[0].name})` : ''}`}
            disabled={!usable}
            onChange={setStage}
          />
          <Text size="xs" c="dimmed">
            Applies to contacts added after you save.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={stage === savedStage}>
              Save default stage
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
