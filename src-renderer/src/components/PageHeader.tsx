import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every screen's heading: focused after keyboard navigation, so screen readers announce the new page. */
export function PageHeader({
  title,
  description,
  actions,
  above,
  titleAside,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
  /** Next to the heading but outside it (e.g. a rename button), so the heading's name is the title alone. */
  titleAside?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
      <Stack gap={4}>
        {above}
        <Group gap="xs" wrap="nowrap" align="center">
          <Title order={1} size="h2" id="main-heading" tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {titleAside}
        </Group>
        {description && (
          <Text c="dimmed" size="sm" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
