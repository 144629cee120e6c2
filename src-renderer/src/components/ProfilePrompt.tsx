// First start: Flowbridge asks who the recruiter is, instead of naming a placeholder owner on every
// sequence. A card above the screen, not a blocking dialog: the app can be explored first.
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { callResult, notifyDone, notifyError } from '../api/call';

export function ProfilePrompt({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    const missing = { name: name.trim() ? undefined : 'Your name is needed', email: email.trim() ? undefined : 'Your email is needed' };
    if (missing.name || missing.email) return setErrors(missing);
    setBusy(true);
    const r = await callResult('users:updateMe', { name: name.trim(), email: email.trim() });
    setBusy(false);
    if (!r.ok) {
      if (r.error.field === 'name' || r.error.field === 'email') setErrors({ [r.error.field]: r.error.message });
      else notifyError(r.error);
      return;
    }
    notifyDone(`Welcome, ${r.value.name}. Your sequences are now in your name.`, 'Profile saved');
    onSaved();
  }

  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="profile-prompt-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <div>
            {/* Not a heading: it sits above the screen's own h1. */}
            <Text fw={700} size="lg" id="profile-prompt-title">
              Who are you?
            </Text>
            <Text size="sm" c="dimmed">
              Your name and email mark you as the owner of this workspace and its sequences, and tell you apart from teammates. They stay on
              this computer.
            </Text>
          </div>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Your name"
              value={name}
              error={errors.name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setErrors((x) => ({ ...x, name: undefined }));
              }}
              w={240}
            />
            <TextInput
              label="Your email"
              type="email"
              value={email}
              error={errors.email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setErrors((x) => ({ ...x, email: undefined }));
              }}
              w={280}
            />
            <Button type="submit" loading={busy} mt={25}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
