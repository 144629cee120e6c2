// A sequence's sync settings. Saving never changes existing enrollments: they keep what they captured.
import { Alert, Button, Card, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Sequence } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';
import { plural } from '../../lib/format';
import { SequenceSettingsFields, type SettingsDraft } from './SequenceSettingsFields';
import { SequenceStagesCard } from './SequenceStagesCard';

function draftOf(s: Sequence): SettingsDraft {
  return { syncMode: s.syncMode, syncAs: s.syncAs, jobId: s.jobId, disableSync: s.disableSync };
}

const APPLIES_TO_NEW = 'Changes apply only to contacts added after you save.';

export function SyncingTab({ sequence, queued }: { sequence: Sequence; queued: number }) {
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  const settings = useApiQuery('settings:get', {}, { refetchOn: ['data:changed'] });
  const [draft, setDraft] = useState<SettingsDraft>(draftOf(sequence));
  const [resyncing, setResyncing] = useState(false);
  // Turning Disable Sync on while items are queued: ask whether to cancel them too.
  const [askCancel, setAskCancel] = useState(false);
  const { busy, run } = useAction();

  // Reset the draft only when the saved settings change: a background refetch (every sync emits one)
  // returns a new object with the same values and must not wipe what the recruiter is editing.
  const savedKey = JSON.stringify(draftOf(sequence));
  useEffect(() => {
    setDraft(JSON.parse(savedKey) as SettingsDraft);
  }, [savedKey]);

  const original = draftOf(sequence);
  const dirty = (Object.keys(draft) as (keyof SettingsDraft)[]).some((k) => draft[k] !== original[k]);
  const disabling = draft.disableSync && !original.disableSync;

  async function save(cancelQueued?: boolean) {
    if (disabling && queued > 0 && cancelQueued === undefined) return setAskCancel(true);
    setAskCancel(false);
    const r = await run('sequences:update', { id: sequence.id, ...draft, cancelQueued: cancelQueued || undefined });
    if (!r) return;
    notifyDone(
      r.cancelled > 0 ? `Saved, and ${plural(r.cancelled, 'queued item')} of this sequence cancelled.` : `Saved. ${APPLIES_TO_NEW}`,
      'Sync settings saved',
    );
  }

  async function resync() {
    setResyncing(true);
    const r = await call('enrollments:resync', { sequenceId: sequence.id });
    setResyncing(false);
    if (r) notifyDone(`${r.message}.`, 'Resync');
  }

  return (
    <Stack maw={640}>
      <Alert role="note" color="yellow" variant="light" title="Only affects contacts added afterwards">
        {APPLIES_TO_NEW} Contacts already in this sequence keep the settings they were added with.
      </Alert>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            <SequenceSettingsFields value={draft} onChange={setDraft} jobs={jobs.data} defaults={settings.data} />
            <Text size="xs" c="dimmed">
              {APPLIES_TO_NEW}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(original)}>
                Discard changes
              </Button>
              <Button type="submit" loading={busy} disabled={!dirty}>
                Save sync settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <SequenceStagesCard sequenceId={sequence.id} />
      <Modal opened={askCancel} onClose={() => setAskCancel(false)} title="Also cancel what is already queued?">
        <Stack>
          <Text size="sm">
            Disable Sync applies to contacts added after you save. {plural(queued, 'contact')} of this sequence{' '}
            {queued === 1 ? 'is' : 'are'} already waiting in the sync queue and will still be sent to Recruiterflow unless you cancel{' '}
            {queued === 1 ? 'it' : 'them'} now. Contacts being sent at this moment finish.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void save(false)} loading={busy}>
              Keep them queued
            </Button>
            <Button color="red" onClick={() => void save(true)} loading={busy}>
              Cancel {plural(queued, 'queued item')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Divider />
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} size="sm">
            Sync contacts that never synced
          </Text>
          <Text size="sm" c="dimmed">
            Queues this sequence's contacts that were added while sync was off or before Recruiterflow was connected, using the current
            settings. Synced and flagged contacts are left alone.
          </Text>
        </div>
        <Button variant="default" loading={resyncing} onClick={() => void resync()} style={{ flexShrink: 0 }}>
          Resync sequence
        </Button>
      </Group>
    </Stack>
  );
}
