import { Badge, NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorCount, queueCount, useAppStatus } from '../hooks/useAppStatus';
import { href } from '../hooks/useRoute';
import { formatNumber } from '../lib/format';
import { IconActivity, IconContacts, IconErrors, IconQueue, IconSequences, IconSettings } from './Icons';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
  count?: number;
  countColor?: string;
  shortcut: string;
}

export function NavBar({ active, onNavigate }: { active: string; onNavigate: () => void }) {
  const { status } = useAppStatus();
  const errors = errorCount(status);
  const queue = queueCount(status);
  const items: Item[] = [
    { to: 'sequences', label: 'Sequences', icon: <IconSequences />, shortcut: 'g s' },
    { to: 'contacts', label: 'Contacts', icon: <IconContacts />, shortcut: 'g c' },
    {
      to: 'queue',
      label: 'Sync queue',
      icon: <IconQueue />,
      count: queue,
      countColor: status?.queue.review || status?.queue.held ? 'violet' : 'blue',
      shortcut: 'g q',
    },
    { to: 'errors', label: 'Errors', icon: <IconErrors />, count: errors, countColor: 'red', shortcut: 'g e' },
    { to: 'activity', label: 'Activity', icon: <IconActivity />, shortcut: 'g a' },
    { to: 'settings', label: 'Settings', icon: <IconSettings />, shortcut: 'g t' },
  ];
  return (
    <nav aria-label="Main">
      <Stack gap={2}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            href={href(`/${item.to}`)}
            label={item.label}
            leftSection={item.icon}
            active={active === item.to}
            aria-current={active === item.to ? 'page' : undefined}
            title={`${item.label} (${item.shortcut})`}
            onClick={onNavigate}
            rightSection={
              item.count ? (
                <Badge
                  size="sm"
                  variant="filled"
                  color={item.countColor}
                  aria-label={`${formatNumber(item.count)} ${item.label === 'Errors' ? 'errors' : 'items'}`}
                >
                  {formatNumber(item.count)}
                </Badge>
              ) : undefined
            }
          />
        ))}
      </Stack>
    </nav>
  );
}
