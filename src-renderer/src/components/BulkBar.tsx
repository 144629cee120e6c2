import { Button, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../lib/format';

/** The bar of bulk actions shown while rows are selected. */
export function BulkBar({ count, onClear, children, extra }: { count: number; onClear: () => void; children: ReactNode; extra?: ReactNode }) {
  if (count === 0) return null;
  return (
    <Paper withBorder p="xs" mb="sm" role="toolbar" aria-label="Bulk actions" bg="var(--mantine-primary-color-light)">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600} aria-live="polite">
            {formatNumber(count)} selected
          </Text>
          {extra}
        </Group>
        <Group gap="xs">
          {children}
          <Button size="xs" variant="subtle" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
