// The encoding a CSV file is read with: detected per file, shown with why, and changeable before anything
// is imported. The preview below it (the column step's first rows) re-reads the file on every change, so
// the user sees "José" or "JosÃ©" before choosing. Rows with characters that fit no encoding are counted:
// they are rejected, never imported as "Jos�".
import { Alert, Group, Select, Text } from '@mantine/core';
import { CSV_ENCODINGS, ENCODING_LABELS, isCsvEncoding, type EncodingChoice } from '../../../../src-shared/csvEncoding';
import { plural } from '../../lib/format';

export function EncodingPicker({
  encoding,
  garbled,
  onChange,
  disabled,
}: {
  encoding: EncodingChoice;
  garbled: number;
  onChange: (e: EncodingChoice['encoding']) => void;
  disabled?: boolean;
}) {
  return (
    <>
      <Group align="flex-end" gap="md" wrap="nowrap">
        <Select
          label="Text encoding"
          w={340}
          size="xs"
          allowDeselect={false}
          disabled={disabled}
          data={CSV_ENCODINGS.map((e) => ({ value: e, label: ENCODING_LABELS[e] }))}
          value={encoding.encoding}
          onChange={(v) => v && isCsvEncoding(v) && onChange(v)}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="xs" c="dimmed" pb={6} data-testid="encoding-reason">
          {encoding.reason}
        </Text>
      </Group>
      {garbled > 0 && (
        <Alert color="orange" variant="light" role="alert" title="Some characters do not fit this encoding">
          {plural(garbled, 'row has', 'rows have')} characters that cannot be read as {ENCODING_LABELS[encoding.encoding]}. They will be
          rejected, not imported with “�” in them. If names look wrong in the preview, choose another encoding.
        </Alert>
      )}
    </>
  );
}
