// A sequence's sync settings. Saving never changes existing enrollments: they keep what they captured.
import { Alert, Button, Card, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Sequence } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';
import { plural } from '../../lib/format';
import { SequenceSettingsFields, type SettingsDraft } from './SequenceSettingsFields';

function draftOf(s: Sequence): SettingsDraft {
  return { syncMode: s.syncMode, syncAs: s.syncAs, jobId: s.jobId, disableSync: s.disableSync };
}

const APPLIES_TO_NEW = 'Changes apply only to contacts added after you save.';

export function SyncingTab({ sequence }: { sequence: Sequence }) {
  const jobs = useApiQuery('jobs:list', {}, { refetchOn: ['data:changed'] });
  const settings = useApiQuery('settings:get', {}, { refetchOn: ['data:changed'] });
  const [draft, setDraft] = useState<SettingsDraft>(draftOf(sequence));
  const [name, setName] = useState(sequence.name);
  const [resyncing, setResyncing] = useState(false);
  const { busy, run } = useAction();

  useEffect(() => {
    setDraft(draftOf(sequence));
    setName(sequence.name);
  }, [sequence]);

  const original = draftOf(sequence);
  const dirty = name.trim() !== sequence.name || (Object.keys(draft) as (keyof SettingsDraft)[]).some((k) => draft[k] !== original[k]);

  async function save() {
    const r = await run('sequences:update', { id: sequence.id, name: name.trim() || undefined, ...draft });
    if (r) notifyDone(`Saved. ${APPLIES_TO_NEW}`, 'Sync settings saved');
  }

  async function resync() {
    setResyncing(true);
    const r = await call('enrollments:resync', { sequenceId: sequence.id });
    setResyncing(false);
    if (r) notifyDone(`${plural(r.queued, 'contact')} queued under the current settings.`, 'Resync');
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
            <TextInput label="Sequence name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <SequenceSettingsFields value={draft} onChange={setDraft} jobs={jobs.data} defaults={settings.data} />
            <Text size="xs" c="dimmed">
              {APPLIES_TO_NEW}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty} onClick={() => { setDraft(original); setName(sequence.name); }}>
                Discard changes
              </Button>
              <Button type="submit" loading={busy} disabled={!dirty}>
                Save sync settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Divider />
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} size="sm">
            Sync contacts that never synced
          </Text>
          <Text size="sm" c="dimmed">
            Queues this sequence's contacts that were added while sync was off or before Recruiterflow was connected, using the
            current settings. Synced and flagged contacts are left alone.
          </Text>
        </div>
        <Button variant="default" loading={resyncing} onClick={() => void resync()} style={{ flexShrink: 0 }}>
          Resync sequence
        </Button>
      </Group>
    </Stack>
  );
}
