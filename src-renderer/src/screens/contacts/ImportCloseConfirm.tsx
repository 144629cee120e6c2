// Asked before closing the import wizard would lose something: a chosen file (discard it?) or a running
// import (stop it after the current batch?).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

export function ImportCloseConfirm({
  opened,
  importing,
  fileName,
  onKeep,
  onConfirm,
}: {
  opened: boolean;
  /** The import is running (stop it) rather than being prepared (discard it). */
  importing: boolean;
  fileName: string | null;
  onKeep: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onKeep} title={importing ? 'Stop this import?' : 'Discard this import?'} size="sm" centered>
      <Stack>
        <Text size="sm">
          {importing
            ? 'The import stops after the current batch. Rows saved so far stay imported.'
            : `${fileName ?? 'The file'} and your column choices will be discarded. Nothing has been imported yet.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep}>
            {importing ? 'Keep importing' : 'Keep editing'}
          </Button>
          <Button color="red" onClick={onConfirm}>
            {importing ? 'Stop import' : 'Discard'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
