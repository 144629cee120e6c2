// Account defaults: what a sequence inherits unless it sets its own.
import { Alert, Button, Card, Center, Group, Loader, Select, Stack, Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-shared/domain';
import { notifyDone } from '../../api/call';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';
import { jobOptions } from '../../lib/jobs';
import { SYNC_AS_LABELS, SYNC_MODE_LABELS } from '../../lib/labels';
import { LoadError } from '../../components/LoadError';
import { DefaultStageCard } from './DefaultStageCard';
import { RecordLinksCard } from './RecordLinksCard';

type Draft = Pick<Settings, 'syncMode' | 'syncAs' | 'dedup' | 'defaultJobId' | 'reviewBeforeSync'>;

export function DefaultsPanel() {
  const settings = useApiQuery('settings:get', {}, { refetchOn: ['data:changed'] });
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    if (settings.data) {
      const { syncMode, syncAs, dedup, defaultJobId, reviewBeforeSync } = settings.data;
      setDraft({ syncMode, syncAs, dedup, defaultJobId, reviewBeforeSync });
    }
  }, [settings.data]);

  if (!settings.data && settings.error)
    return <LoadError what="your settings" message={settings.error.message} onRetry={settings.refetch} />;
  if (!draft || !settings.data)
    return (
      <Center h={200}>
        <Loader size="sm" aria-label="Loading settings" />
      </Center>
    );
  const s = settings.data;
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== s[k]);

  async function save() {
    if (!draft) return;
    const r = await run('settings:set', draft);
    if (r) notifyDone('New defaults apply to contacts added from now on.', 'Defaults saved');
  }

  return (
    <>
      <Card withBorder maw={640}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            <Alert role="note" color="yellow" variant="light">
              Changes apply only to contacts added after you save. Sequences with their own setting keep it.
            </Alert>
            <Select
              label="Default sync mode"
              allowDeselect={false}
              value={draft.syncMode}
              onChange={(v) => v && setDraft({ ...draft, syncMode: v })}
              data={(['off', 'on-add', 'on-reply'] as const).map((m) => ({ value: m, label: SYNC_MODE_LABELS[m] }))}
            />
            <Select
              label="Default sync as"
              allowDeselect={false}
              value={draft.syncAs}
              onChange={(v) => v && setDraft({ ...draft, syncAs: v })}
              data={(['candidate', 'contact'] as const).map((m) => ({ value: m, label: SYNC_AS_LABELS[m] }))}
            />
            <Select
              label="Default job"
              description={
                jobs.data && jobs.data.length === 0
                  ? 'No Recruiterflow jobs are cached yet: connect in the Recruiterflow connection tab to pick one.'
                  : 'Candidates are added to this job unless their sequence picks another. Open jobs first.'
              }
              allowDeselect={false}
              searchable
              value={draft.defaultJobId == null ? 'none' : String(draft.defaultJobId)}
              onChange={(v) => v && setDraft({ ...draft, defaultJobId: v === 'none' ? null : Number(v) })}
              data={jobOptions(jobs.data, [{ value: 'none', label: 'No job' }])}
            />
            <Switch
              label="Deduplication"
              description="Before adding a contact, look the email up in Recruiterflow and flag it for review if it already exists."
              checked={draft.dedup}
              onChange={(e) => setDraft({ ...draft, dedup: e.currentTarget.checked })}
            />
            <Switch
              label="Review before sync"
              description="New sync work waits in the queue, awaiting your review, until you approve it."
              checked={draft.reviewBeforeSync}
              onChange={(e) => setDraft({ ...draft, reviewBeforeSync: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={!dirty}>
                Save defaults
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <DefaultStageCard />
      <RecordLinksCard />
    </>
  );
}
