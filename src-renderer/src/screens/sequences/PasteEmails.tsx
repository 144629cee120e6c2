// Adding pasted emails to a sequence: the list as typed, what in it is not an email, and the emails that
// are not contacts yet, for the recruiter to skip or create.
import { Alert, Button, Group, List, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { plural } from '../../lib/format';

export function PasteEmails({
  pasted,
  onPasted,
  error,
  valid,
  invalid,
  unknown,
  adding,
  onAdd,
}: {
  pasted: string;
  onPasted: (text: string) => void;
  /** What the backend said about the list itself. */
  error: string | null;
  valid: string[];
  invalid: string[];
  /** The pasted emails that are not contacts yet (null: not asked, or none). */
  unknown: string[] | null;
  adding: boolean;
  onAdd: (policy: 'skip' | 'create') => void;
}) {
  return (
    <>
      <Textarea
        label="Emails"
        description={
          'One per line, or separated by commas; "Name" <email> from a mail client works too. Emails that are not contacts yet are listed before anything is added.'
        }
        autosize
        minRows={6}
        maxRows={14}
        value={pasted}
        error={error}
        onChange={(e) => onPasted(e.currentTarget.value)}
      />
      <Text size="xs" mt={6} c={invalid.length ? 'red' : 'dimmed'}>
        {valid.length} valid email{valid.length === 1 ? '' : 's'}
        {invalid.length ? `; not an email: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? '…' : ''}` : ''}
      </Text>
      {unknown && (
        <Alert
          mt="sm"
          color="yellow"
          variant="light"
          title={`${plural(unknown.length, 'email')} ${unknown.length === 1 ? 'is' : 'are'} not a contact yet`}
          role="alert"
        >
          <Stack gap="xs">
            <ScrollArea.Autosize mah={140} type="auto">
              <List size="sm" aria-label="Emails that are not contacts">
                {unknown.slice(0, 200).map((e) => (
                  <List.Item key={e}>{e}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            {unknown.length > 200 && <Text size="xs">…and {unknown.length - 200} more</Text>}
            <Group gap="xs">
              <Button size="xs" variant="default" loading={adding} disabled={unknown.length === valid.length} onClick={() => onAdd('skip')}>
                Skip {unknown.length === 1 ? 'it' : 'them'}, add the others
              </Button>
              <Button size="xs" loading={adding} onClick={() => onAdd('create')}>
                Create {unknown.length === 1 ? 'it' : 'them'} as contacts and add all
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </>
  );
}
