// The Recruiterflow fields the account requires. The API does not say, so the recruiter does; a contact
// missing one fails before anything is sent, with the field named.
import { Button, Card, Group, MultiSelect, Stack, Text, Title, type ComboboxData } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifyDone } from '../../../api/call';
import { useAction } from '../../../hooks/useAction';

export function RequiredFields({ saved, targetData }: { saved: string[]; targetData: ComboboxData }) {
  const [fields, setFields] = useState<string[]>(saved);
  const { busy, run } = useAction();
  useEffect(() => setFields(saved), [saved]);
  const dirty = JSON.stringify(fields) !== JSON.stringify(saved);
  async function save() {
    const r = await run('mapping:setRequired', { fields });
    if (r) notifyDone('Contacts missing one of these fields will not be sent to Recruiterflow.', 'Required fields saved');
  }
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Required fields
        </Title>
        <Text size="sm" c="dimmed">
          Fields your Recruiterflow account requires. A contact that would be created without one fails before anything is sent, with the
          field named; edit the contact and retry.
        </Text>
        <MultiSelect
          aria-label="Required Recruiterflow fields"
          placeholder={fields.length ? undefined : 'None'}
          searchable
          data={targetData}
          value={fields}
          onChange={setFields}
        />
        <Group justify="flex-end">
          <Button loading={busy} disabled={!dirty} onClick={() => void save()}>
            Save required fields
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
