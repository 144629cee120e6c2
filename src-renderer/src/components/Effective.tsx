import { Text } from '@mantine/core';

/** A setting's effective value and where it comes from (the sequence's own, or the account default). */
export function Effective({ value, inherited }: { value: string; inherited: boolean }) {
  return (
    <div>
      <Text size="sm" lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {inherited ? 'account default' : 'own setting'}
      </Text>
    </div>
  );
}
