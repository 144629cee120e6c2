// The sequence's name in the page header, renamed in place: the name belongs to the sequence, not to its
// sync settings. Errors (a name already used) sit on the field.
import { ActionIcon, Button, Group, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { Sequence } from '../../../../src-shared/domain';
import { callResult, notifyDone, notifyError } from '../../api/call';
import { IconPencil } from '../../components/Icons';

/** The rename button, shown next to the heading (outside it). */
export function RenameButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip label="Rename the sequence">
      <ActionIcon variant="subtle" color="gray" aria-label="Rename the sequence" onClick={onClick}>
        <IconPencil size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** The rename form that takes the heading's place while renaming. */
export function SequenceNameForm({ sequence, onDone }: { sequence: Sequence; onDone: () => void }) {
  const [name, setName] = useState(sequence.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const next = name.trim();
    if (!next) return setError('Give the sequence a name');
    if (next === sequence.name) return onDone();
    setBusy(true);
    const r = await callResult('sequences:update', { id: sequence.id, name: next });
    setBusy(false);
    if (!r.ok) {
      if (r.error.field === 'name') setError(r.error.message);
      else notifyError(r.error);
      return;
    }
    onDone();
    notifyDone(`Renamed to “${r.value.name}”.`, 'Sequence renamed');
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label="Sequence name"
          value={name}
          error={error}
          data-autofocus
          autoFocus
          size="md"
          w={420}
          maw="60vw"
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" loading={busy}>
          Save name
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
