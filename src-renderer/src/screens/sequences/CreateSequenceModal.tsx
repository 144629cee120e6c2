import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { notifyDone } from '../../api/call';
import { useAction } from '../../hooks/useAction';
import { useApiQuery } from '../../hooks/useApiQuery';
import { navigate } from '../../hooks/useRoute';
import { SequenceSettingsFields, type SettingsDraft } from './SequenceSettingsFields';

const INITIAL: SettingsDraft = { syncMode: 'inherit', syncAs: 'inherit', jobId: 'inherit', disableSync: false };

export function CreateSequenceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<SettingsDraft>(INITIAL);
  const [touched, setTouched] = useState(false);
  const jobs = useApiQuery('jobs:list', {}, { enabled: opened, refetchOn: ['data:changed'] });
  const settings = useApiQuery('settings:get', {}, { enabled: opened });
  const { busy, run } = useAction();
  const nameError = touched && !name.trim() ? 'Give the sequence a name' : null;

  async function submit() {
    setTouched(true);
    if (!name.trim()) return;
    const created = await run('sequences:create', { name: name.trim(), ...draft });
    if (!created) return;
    notifyDone(`Sequence “${created.name}” created.`, 'Sequence created');
    setName('');
    setDraft(INITIAL);
    setTouched(false);
    onClose();
    navigate(`/sequences/${created.id}`);
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Create a sequence" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="e.g. Senior backend engineers – Berlin"
            required
            data-autofocus
            value={name}
            error={nameError}
            onChange={(e) => setName(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
          />
          <SequenceSettingsFields value={draft} onChange={setDraft} jobs={jobs.data} defaults={settings.data} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create sequence
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
