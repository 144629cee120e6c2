// CSV import in four steps: choose a file, map its columns, import (with progress), read the summary.
import { Button, Group, Modal, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/domain';
import { notifyDone } from '../../api/call';
import { ColumnMapping, validateColumns } from '../../components/csv/ColumnMapping';
import { CsvFilePicker } from '../../components/csv/CsvFilePicker';
import { ImportSummaryView } from '../../components/csv/ImportSummaryView';
import { useAction } from '../../hooks/useAction';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { formatNumber } from '../../lib/format';

export function ImportWizard({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [step, setStep] = useState(0);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const csv = useCsvDraft();
  const { busy, run } = useAction();
  const problems = csv.preview ? validateColumns(csv.columns) : [];

  function close() {
    setStep(0);
    setSummary(null);
    csv.reset();
    onClose();
  }

  async function importNow() {
    if (!csv.text) return;
    setStep(2);
    const r = await run('contacts:import', { csv: csv.text, columns: csv.columns });
    if (!r) {
      setStep(1);
      return;
    }
    setSummary(r);
    setStep(3);
    notifyDone(`${r.imported} imported, ${r.updated} updated, ${r.rejected.length} rejected.`, 'Import finished');
  }

  return (
    <Modal opened={opened} onClose={close} title="Import contacts from CSV" size="xl" closeOnClickOutside={!busy}>
      <Stepper active={step} size="xs" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="Choose file" />
        <Stepper.Step label="Map columns" />
        <Stepper.Step label="Import" />
        <Stepper.Step label="Summary" />
      </Stepper>
      {step === 0 && (
        <Stack>
          <CsvFilePicker
            onText={(text, file) => {
              void csv.load(text, file.name).then((loaded) => loaded && setStep(1));
            }}
          />
          {csv.loading && <Text size="sm">Reading the file…</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {step === 1 && csv.preview && (
        <Stack>
          <Text size="sm" fw={600}>
            {csv.fileName}
          </Text>
          <ColumnMapping preview={csv.preview} columns={csv.columns} onChange={csv.setColumns} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => { csv.reset(); setStep(0); }}>
              Choose another file
            </Button>
            <Button onClick={() => void importNow()} disabled={problems.length > 0}>
              Import {formatNumber(csv.preview.totalRows)} rows
            </Button>
          </Group>
        </Stack>
      )}
      {step === 2 && (
        <Stack py="lg" role="status" aria-live="polite">
          <Text>
            Importing {formatNumber(csv.preview?.totalRows ?? 0)} rows from {csv.fileName}…
          </Text>
          <Progress value={100} animated striped size="lg" aria-label="Import progress" />
          <Text size="xs" c="dimmed">
            The import runs in one transaction: either every valid row is saved or none is.
          </Text>
        </Stack>
      )}
      {step === 3 && summary && (
        <Stack>
          <ImportSummaryView summary={summary} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { csv.reset(); setSummary(null); setStep(0); }}>
              Import another file
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
