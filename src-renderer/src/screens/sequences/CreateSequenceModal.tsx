import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { callResult, notifyDone, notifyError } from '../../api/call';
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
  const [busy, setBusy] = useState(false);
  // An error about the name (say, a name already used) sits on the name field, not in a toast.
  const [serverNameError, setServerNameError] = useState<string | null>(null);
  const nameError = touched && !name.trim() ? 'Give the sequence a name' : serverNameError;

  async function submit() {
    setTouched(true);
    if (!name.trim()) return;
    setBusy(true);
    const result = await callResult('sequences:create', { name: name.trim(), ...draft });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'name') setServerNameError(result.error.message);
      else notifyError(result.error);
      return;
    }
    const created = result.value;
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
            onChange={(e) => {
              setName(e.currentTarget.value);
              setServerNameError(null);
            }}
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
