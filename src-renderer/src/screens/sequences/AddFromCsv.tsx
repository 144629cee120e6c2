// Adding a spreadsheet's contacts to a sequence: the file, its encoding and its columns.
import { Stack, Text } from '@mantine/core';
import { ColumnMapping } from '../../components/csv/ColumnMapping';
import { CsvFilePicker } from '../../components/csv/CsvFilePicker';
import { EncodingPicker } from '../../components/csv/EncodingPicker';
import type { CsvDraft } from '../../hooks/useCsvDraft';

export function AddFromCsv({ csv }: { csv: CsvDraft }) {
  return (
    <Stack gap="sm">
      <CsvFilePicker onBytes={(bytes, file) => void csv.load(bytes, file.name)} />
      {csv.encoding && <EncodingPicker encoding={csv.encoding} garbled={csv.garbled} onChange={(e) => void csv.setEncoding(e)} />}
      {csv.preview && <ColumnMapping preview={csv.preview} columns={csv.columns} onChange={csv.setColumns} />}
      <Text size="xs" c="dimmed">
        The file's contacts are imported (new ones created, existing ones updated), then added to this sequence.
      </Text>
    </Stack>
  );
}
