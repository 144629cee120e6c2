// The import's running step: rows read so far out of the file's, and Cancel (which keeps the rows saved).
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { ENCODING_LABELS } from '../../../../src-shared/csvEncoding';
import type { CsvDraft } from '../../hooks/useCsvDraft';
import { formatNumber, plural } from '../../lib/format';

export function ImportProgress({
  csv,
  total,
  rowsRead,
  busy,
  onCancel,
}: {
  csv: CsvDraft;
  /** The file's rows. */
  total: number;
  rowsRead: number;
  /** The import is still running (Cancel has something to stop). */
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <Stack py="lg" role="status" aria-live="polite">
      <Text>
        Importing {plural(total, 'row')} from {csv.fileName} ({csv.encoding ? ENCODING_LABELS[csv.encoding.encoding] : ''})…
      </Text>
      <Progress
        value={total > 0 ? Math.min(100, (rowsRead / total) * 100) : 0}
        size="lg"
        aria-label="Import progress"
        transitionDuration={200}
      />
      <Text size="sm" c="dimmed">
        {formatNumber(Math.min(rowsRead, total))} of {plural(total, 'row')} read. Rows are saved in batches as they go; Cancel stops after
        the current batch and keeps the rows saved so far.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={!busy}>
          Cancel import
        </Button>
      </Group>
    </Stack>
  );
}
