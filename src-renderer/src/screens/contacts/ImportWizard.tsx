// CSV import in four steps: choose a file, check its encoding and map its columns, import (with progress
// and Cancel), read the summary. Escape or the close button never throws away a chosen file without asking.
import { Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/domain';
import { call, notifyDone } from '../../api/call';
import { ColumnMapping, validateColumns } from '../../components/csv/ColumnMapping';
import { CsvFilePicker } from '../../components/csv/CsvFilePicker';
import { EncodingPicker } from '../../components/csv/EncodingPicker';
import { ImportSummaryView } from '../../components/csv/ImportSummaryView';
import { useAction } from '../../hooks/useAction';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { useServerEvent } from '../../hooks/useServerEvent';
import { formatNumber, plural } from '../../lib/format';
import { ImportCloseConfirm } from './ImportCloseConfirm';
import { ImportProgress } from './ImportProgress';

export function ImportWizard({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [step, setStep] = useState(0);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [rowsRead, setRowsRead] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const importId = useRef<string | null>(null);
  const csv = useCsvDraft();
  const { busy, run } = useAction();
  const problems = csv.preview ? validateColumns(csv.columns) : [];
  const total = csv.preview?.totalRows ?? 0;

  useServerEvent('import:progress', (p) => {
    if (p.importId === importId.current) setRowsRead(p.rowsRead);
  });

  function close() {
    setStep(0);
    setSummary(null);
    setConfirming(false);
    csv.reset();
    onClose();
  }

  /** Escape, the close button, a click outside: ask first while a chosen file or a running import would be lost. */
  function requestClose() {
    if (step === 1 || step === 2) setConfirming(true);
    else close();
  }

  async function cancelImport() {
    if (importId.current) await call('contacts:importCancel', { importId: importId.current });
  }

  async function importNow() {
    if (!csv.text) return;
    setRowsRead(0);
    setStep(2);
    importId.current = crypto.randomUUID();
    const r = await run('contacts:import', {
      csv: csv.text,
      columns: csv.columns,
      encoding: csv.encoding ?? undefined,
      importId: importId.current,
    });
    importId.current = null;
    if (!r) {
      setStep(1);
      return;
    }
    setSummary(r);
    setStep(3);
    notifyDone(
      `${formatNumber(r.imported)} imported, ${formatNumber(r.updated)} updated, ${formatNumber(r.rejected.length)} rejected.`,
      'Import finished',
    );
  }

  return (
    <Modal opened={opened} onClose={requestClose} title="Import contacts from CSV" size="min(72rem, 96vw)" closeOnClickOutside={step !== 2}>
      <Stepper active={step} size="xs" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="Choose file" />
        <Stepper.Step label="Encoding and columns" />
        <Stepper.Step label="Import" />
        <Stepper.Step label="Summary" />
      </Stepper>
      {step === 0 && (
        <Stack>
          <CsvFilePicker
            onBytes={(bytes, file) => {
              void csv.load(bytes, file.name).then((loaded) => loaded && setStep(1));
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
      {step === 1 && csv.preview && csv.encoding && (
        <Stack>
          <Text size="sm" fw={600}>
            {csv.fileName}
          </Text>
          <EncodingPicker encoding={csv.encoding} garbled={csv.garbled} onChange={(e) => void csv.setEncoding(e)} disabled={csv.loading} />
          <ColumnMapping preview={csv.preview} columns={csv.columns} onChange={csv.setColumns} />
          <Group justify="space-between">
            <Button
              variant="default"
              onClick={() => {
                csv.reset();
                setStep(0);
              }}
            >
              Choose another file
            </Button>
            <Button onClick={() => void importNow()} disabled={problems.length > 0 || csv.loading}>
              Import {plural(total, 'row')}
            </Button>
          </Group>
        </Stack>
      )}
      {step === 2 && <ImportProgress csv={csv} total={total} rowsRead={rowsRead} busy={busy} onCancel={() => void cancelImport()} />}
      {step === 3 && summary && (
        <Stack>
          <ImportSummaryView summary={summary} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                csv.reset();
                setSummary(null);
                setStep(0);
              }}
            >
              Import another file
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
      <ImportCloseConfirm
        opened={confirming}
        importing={step === 2}
        fileName={csv.fileName}
        onKeep={() => setConfirming(false)}
        onConfirm={() => {
          if (step === 2) {
            setConfirming(false);
            void cancelImport();
          } else close();
        }}
      />
    </Modal>
  );
}
