import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { GO_KEYS } from '../hooks/useGoHotkeys';

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Stack gap="xs">
        {GO_KEYS.map((g) => (
          <Group key={g.key} justify="space-between">
            <Text size="sm">Go to {g.label}</Text>
            <span>
              <Kbd>g</Kbd> then <Kbd>{g.key}</Kbd>
            </span>
          </Group>
        ))}
        <Group justify="space-between">
          <Text size="sm">Focus the search box</Text>
          <Kbd>/</Kbd>
        </Group>
        <Group justify="space-between">
          <Text size="sm">In a table: the same control one row up or down</Text>
          <span>
            <Kbd>↑</Kbd> <Kbd>↓</Kbd>
          </span>
        </Group>
        <Group justify="space-between">
          <Text size="sm">Select or unselect a row (on its checkbox)</Text>
          <Kbd>Space</Kbd>
        </Group>
        <Group justify="space-between">
          <Text size="sm">Show this help</Text>
          <Kbd>?</Kbd>
        </Group>
        <Text size="xs" c="dimmed">
          Tab and Shift+Tab move between controls; Enter or Space activates them; Escape closes dialogs, drawers and popovers. The “g”
          shortcuts are off while a dialog is open.
        </Text>
      </Stack>
    </Modal>
  );
}
