import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isValidEmail, type Integration, type Role } from '../../../../../src-shared/domain';
import { callResult, notifyDone, notifyError } from '../../../api/call';

export function AddTeammateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [group, setGroup] = useState('');
  const [integration, setIntegration] = useState<Integration>('recruiterflow');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  // What the backend refused sits on its field: a teammate with this email already, or the one owner.
  const [server, setServer] = useState<{ field: 'email' | 'role'; message: string } | null>(null);
  const emailError = touched && !isValidEmail(email) ? 'Enter a valid email address' : server?.field === 'email' ? server.message : null;
  const nameError = touched && !name.trim() ? 'Enter a name' : null;

  async function submit() {
    setTouched(true);
    if (!isValidEmail(email) || !name.trim()) return;
    setBusy(true);
    const result = await callResult('users:add', {
      email: email.trim(),
      name: name.trim(),
      role,
      group: group.trim() || null,
      integration,
    });
    setBusy(false);
    if (!result.ok) {
      const { code, message } = result.error;
      if (code === 'conflict' && role === 'owner') setServer({ field: 'role', message });
      else if (code === 'conflict' || result.error.field === 'email') setServer({ field: 'email', message });
      else notifyError(result.error);
      return;
    }
    const r = result.value;
    notifyDone(`${r.name} joined the team as ${r.role}.`, 'Teammate added');
    setEmail('');
    setName('');
    setGroup('');
    setTouched(false);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Add a teammate">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label="Email"
            required
            data-autofocus
            value={email}
            error={emailError}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setServer(null);
            }}
          />
          <TextInput label="Name" required value={name} error={nameError} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label="Role"
            allowDeselect={false}
            value={role}
            error={server?.field === 'role' ? server.message : null}
            onChange={(v) => {
              if (v) setRole(v);
              setServer(null);
            }}
            data={[
              { value: 'member', label: 'Member' },
              { value: 'manager', label: 'Manager' },
              { value: 'owner', label: 'Owner (there is only one)' },
            ]}
          />
          <TextInput
            label="Group"
            description="Optional, e.g. a team or office."
            value={group}
            onChange={(e) => setGroup(e.currentTarget.value)}
          />
          <Select
            label="Integration"
            description="Settings can only be cloned to teammates who use Recruiterflow."
            allowDeselect={false}
            value={integration}
            onChange={(v) => v && setIntegration(v)}
            data={[
              { value: 'recruiterflow', label: 'Recruiterflow' },
              { value: 'other', label: 'Another ATS' },
              { value: 'none', label: 'None' },
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add teammate
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
