import { Text } from '@mantine/core';
import { formatNumber } from '../lib/format';

/** A count in a table: dimmed when zero, coloured otherwise. */
export function CountCell({ value, color }: { value: number; color?: string }) {
  return (
    <Text size="sm" c={value ? color : 'dimmed'} fw={value && color ? 600 : undefined} ta="right">
      {formatNumber(value)}
    </Text>
  );
}
