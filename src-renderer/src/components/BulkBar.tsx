import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useRef, type FocusEvent, type ReactNode } from 'react';
import { formatNumber } from '../lib/format';

/**
 * The bar of bulk actions shown while rows are selected. When an action empties the selection the bar goes
 * away; if the keyboard focus was in it (or in a confirmation it opened), the focus moves to `returnFocusTo`
 * (the table's region) instead of getting lost on the page.
 */
export function BulkBar({
  count,
  onClear,
  children,
  extra,
  returnFocusTo,
}: {
  count: number;
  onClear: () => void;
  children: ReactNode;
  extra?: ReactNode;
  returnFocusTo?: string;
}) {
  const owned = useRef(false);
  useEffect(() => {
    if (count > 0 || !owned.current) return;
    owned.current = false;
    const active = document.activeElement;
    if (returnFocusTo && (!active || active === document.body)) document.getElementById(returnFocusTo)?.focus();
  }, [count, returnFocusTo]);

  if (count === 0) return null;
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const next = e.relatedTarget as HTMLElement | null;
    // Focus going nowhere (a button disabled while it works) or into a dialog it opened still counts as ours.
    owned.current = !next || e.currentTarget.contains(next) || !!next.closest('[role="dialog"]');
  };
  return (
    <Paper
      withBorder
      p="xs"
      mb="sm"
      role="toolbar"
      aria-label="Bulk actions"
      bg="var(--mantine-primary-color-light)"
      onFocus={() => (owned.current = true)}
      onBlur={onBlur}
    >
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
