// A sequence's pipeline stage and reply stage, picked from its job's stages (the default job's without one).
// Like the job, both are captured when a contact is added: saving changes nothing for contacts already in.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifyDone } from '../../api/call';
import { StageSelect } from '../../components/StageSelect';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';

export function SequenceStagesCard({ sequenceId }: { sequenceId: string }) {
  const saved = useApiQuery('stages:get', { sequenceId }, { refetchOn: ['data:changed'] });
  const [stage, setStage] = useState<string | null>(null);
  const [replyStage, setReplyStage] = useState<string | null>(null);
  const { busy, run } = useAction();
  const savedKey = JSON.stringify([saved.data?.stage ?? null, saved.data?.replyStage ?? null]);
  useEffect(() => {
    const [s, r] = JSON.parse(savedKey) as [string | null, string | null];
    setStage(s);
    setReplyStage(r);
  }, [savedKey]);

  const data = saved.data;
  const dirty = data !== undefined && (stage !== data.stage || replyStage !== data.replyStage);
  const noJob = data !== undefined && data.jobId === null;
  const unknown = data !== undefined && data.jobId !== null && data.stages.length === 0;
  const firstStage = data?.stages[0]?.name ?? 'the first stage';
  const fallback = data?.defaultStage ? `Default stage (${data.defaultStage})` : `Default: ${firstStage}`;

  async function save() {
    const r = await run('stages:setSequence', { id: sequenceId, stage, replyStage });
    if (r) notifyDone('Saved. Applies to contacts added after you save.', 'Stages saved');
  }

  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Title order={3} size="h5">
            Pipeline stage
          </Title>
          {noJob && <Text size="sm">Choose a job for this sequence (or a default job) to pick its stages.</Text>}
          {unknown && <Text size="sm">The stages of job #{data.jobId} are not known yet: connect to Recruiterflow.</Text>}
          <StageSelect
            label="Stage"
            description="Where new candidates land on the job. Never moves a candidate back to an earlier stage."
            stages={data?.stages ?? []}
            value={stage}
            empty={fallback}
            disabled={noJob || unknown}
            onChange={setStage}
          />
          <StageSelect
            label="Reply stage"
            description="When the contact replies, the candidate moves to this stage (once per reply, never backwards)."
            stages={data?.stages ?? []}
            value={replyStage}
            empty="No reply stage"
            disabled={noJob || unknown}
            onChange={setReplyStage}
          />
          <Text size="xs" c="dimmed">
            Applies to contacts added after you save.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!dirty}>
              Save stages
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
