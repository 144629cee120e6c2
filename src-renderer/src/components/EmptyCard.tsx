// The empty state of a list: an icon, what belongs here, and the one action that adds it.
import { Button, Card, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyCard({
  icon,
  title,
  description,
  action,
  onAction,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <Card withBorder padding="xl">
      <EmptyState icon={icon} variant="light" title={title} description={description}>
        <EmptyState.Actions>
          <Button onClick={onAction}>{action}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
