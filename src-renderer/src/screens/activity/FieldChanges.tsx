// The fields an update changed in Recruiterflow, each with its old and new value.
import { List, Text } from '@mantine/core';
import type { FieldChange } from '../../../../src-shared/domain';

export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <List size="xs" spacing={0} aria-label="Fields changed">
      {changes.map((c) => (
        <List.Item key={c.label ?? c.field}>
          <Text size="xs" span fw={500}>
            {c.label ?? c.field}
          </Text>
          <Text size="xs" span c="dimmed">
            {': '}
            {c.old === '' ? '(blank)' : `“${c.old}”`} → “{c.new}”
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
