// "Add contacts" to a sequence: from the contact list, pasted emails, or a CSV file (imported first).
import { Alert, Button, Group, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AddSummary, ImportSummary } from '../../../../src-shared/domain';
import { isValidEmail } from '../../../../src-shared/domain';
import { notifyDone } from '../../api/call';
import { ColumnMapping, validateColumns } from '../../components/csv/ColumnMapping';
import { CsvFilePicker } from '../../components/csv/CsvFilePicker';
import { EncodingPicker } from '../../components/csv/EncodingPicker';
import { ImportSummaryView } from '../../components/csv/ImportSummaryView';
import { useAction } from '../../hooks/useAction';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { splitEmails } from '../../lib/csvFile';
import { AddSummaryView } from './AddSummaryView';
import { PickContacts } from './PickContacts';

type Source = 'contacts' | 'paste' | 'csv';

export function AddContactsModal({ sequenceId, opened, onClose }: { sequenceId: string; opened: boolean; onClose: () => void }) {
  const [source, setSource] = useState<Source>('contacts');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [pasted, setPasted] = useState('');
  const csv = useCsvDraft();
  const [result, setResult] = useState<{ add: AddSummary; import?: ImportSummary } | null>(null);
  const { busy, run } = useAction();

  const pastedEmails = splitEmails(pasted);
  const invalid = pastedEmails.filter((e) => !isValidEmail(e));
  const valid = pastedEmails.filter((e) => isValidEmail(e));
  const csvProblems = csv.preview ? validateColumns(csv.columns) : ['Choose a file'];

  const count = source === 'contacts' ? picked.size : source === 'paste' ? valid.length : csv.preview?.totalRows ?? 0;
  const canSubmit = source === 'csv' ? csvProblems.length === 0 : count > 0;

  function close() {
    setResult(null);
    setPicked(new Set());
    setPasted('');
    csv.reset();
    onClose();
  }

  async function submit() {
    if (source === 'csv') {
      if (!csv.text) return;
      const r = await run('sequences:addCsv', { sequenceId, csv: csv.text, columns: csv.columns, encoding: csv.encoding ?? undefined });
      if (r) {
        setResult({ add: r, import: r.import });
        notifyDone(`${r.added} added, ${r.alreadyEnrolled} already enrolled, ${r.flagged.length} flagged.`, 'Contacts added');
      }
      return;
    }
    const emails = source === 'contacts' ? [...picked] : valid;
    const r = await run('sequences:add', { sequenceId, emails });
    if (r) {
      setResult({ add: r });
      notifyDone(`${r.added} added, ${r.alreadyEnrolled} already enrolled, ${r.flagged.length} flagged.`, 'Contacts added');
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Add contacts to this sequence" size={source === 'csv' && !result ? 'xl' : 'lg'}>
      {result ? (
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
            <Button variant="default" onClick={() => setResult(null)}>
              Add more
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Tabs value={source} onChange={(v) => v && setSource(v as Source)}>
            <Tabs.List>
              <Tabs.Tab value="contacts">From your contacts</Tabs.Tab>
              <Tabs.Tab value="paste">Paste emails</Tabs.Tab>
              <Tabs.Tab value="csv">Upload a spreadsheet</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="contacts" pt="sm">
              <PickContacts selected={picked} onChange={setPicked} />
            </Tabs.Panel>
            <Tabs.Panel value="paste" pt="sm">
              <Textarea
                label="Emails"
                description="One per line, or separated by commas. They must already be contacts (import them first otherwise)."
                autosize
                minRows={6}
                maxRows={14}
                value={pasted}
                onChange={(e) => setPasted(e.currentTarget.value)}
              />
              <Text size="xs" mt={6} c={invalid.length ? 'red' : 'dimmed'}>
                {valid.length} valid email{valid.length === 1 ? '' : 's'}
                {invalid.length ? `; not an email: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? '…' : ''}` : ''}
              </Text>
            </Tabs.Panel>
            <Tabs.Panel value="csv" pt="sm">
              <Stack gap="sm">
                <CsvFilePicker onBytes={(bytes, file) => void csv.load(bytes, file.name)} />
                {csv.encoding && <EncodingPicker encoding={csv.encoding} garbled={csv.garbled} onChange={(e) => void csv.setEncoding(e)} />}
                {csv.preview && <ColumnMapping preview={csv.preview} columns={csv.columns} onChange={csv.setColumns} />}
                <Text size="xs" c="dimmed">
                  The file's contacts are imported (new ones created, existing ones updated), then added to this sequence.
                </Text>
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <Alert role="note" variant="light" color="gray">
            New enrollments take this sequence's current sync settings; with deduplication on, contacts that already exist in
            Recruiterflow are flagged for review.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={busy || csv.loading} disabled={!canSubmit}>
              {source === 'csv' ? 'Import and add' : `Add ${count || ''} contact${count === 1 ? '' : 's'}`.replace('  ', ' ')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
