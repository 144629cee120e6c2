// What adding contacts to a sequence did (and, for a spreadsheet, what importing it did first).
import { Button, Group, Stack, Text } from '@mantine/core';
import type { AddSummary, ImportSummary } from '../../../../src-shared/domain';
import { ImportSummaryView } from '../../components/csv/ImportSummaryView';
import { AddSummaryView } from './AddSummaryView';

export function AddResultView({
  result,
  onAddMore,
  onDone,
}: {
  result: { add: AddSummary; import?: ImportSummary };
  onAddMore: () => void;
  onDone: () => void;
}) {
  return (
    <Stack>
      {result.import && (
        <>
          <Text fw={600}>CSV import</Text>
          <ImportSummaryView summary={result.import} />
          <Text fw={600}>Sequence</Text>
        </>
      )}
      <AddSummaryView summary={result.add} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onAddMore}>
          Add more
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
