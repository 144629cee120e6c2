// "Add contacts" to a sequence: from the contact list, pasted emails, or a CSV file (imported first).
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AddSummary, ImportSummary } from '../../../../src-shared/domain';
import { parseEmailList } from '../../../../src-shared/emailList';
import { callResult, notifyDone, notifyError } from '../../api/call';
import { ColumnMapping, validateColumns } from '../../components/csv/ColumnMapping';
import { CsvFilePicker } from '../../components/csv/CsvFilePicker';
import { EncodingPicker } from '../../components/csv/EncodingPicker';
import { ImportSummaryView } from '../../components/csv/ImportSummaryView';
import { useAction } from '../../hooks/useAction';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { plural } from '../../lib/format';
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
  // Pasted emails that are not contacts yet: listed, and the recruiter chooses to skip or create them.
  const [unknown, setUnknown] = useState<string[] | null>(null);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const { emails: valid, invalid } = parseEmailList(pasted);
  const csvProblems = csv.preview ? validateColumns(csv.columns) : ['Choose a file'];

  const count = source === 'contacts' ? picked.size : source === 'paste' ? valid.length : (csv.preview?.totalRows ?? 0);
  const canSubmit = source === 'csv' ? csvProblems.length === 0 : count > 0;

  function close() {
    setResult(null);
    setPicked(new Set());
    setPasted('');
    setUnknown(null);
    setPasteError(null);
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
    if (source === 'contacts') {
      const r = await run('sequences:add', { sequenceId, emails: [...picked] });
      if (r) done(r);
      return;
    }
    // Pasted: find the ones that are not contacts first, and ask what to do with them.
    setAdding(true);
    const missing = await callResult('contacts:missing', { emails: valid });
    setAdding(false);
    if (!missing.ok) return setPasteError(missing.error.message);
    if (missing.value.missing.length > 0) return setUnknown(missing.value.missing);
    await addPasted('fail');
  }

  async function addPasted(policy: 'fail' | 'skip' | 'create') {
    setAdding(true);
    const r = await callResult('sequences:add', { sequenceId, emails: valid, unknown: policy });
    setAdding(false);
    if (r.ok) {
      setUnknown(null);
      done(r.value);
    } else if (r.error.field === 'emails' || r.error.code === 'unknown_contact') {
      // About the list itself: shown on the field, not in a toast.
      setUnknown(null);
      setPasteError(r.error.message);
    } else notifyError(r.error);
  }

  function done(r: AddSummary) {
    setResult({ add: r });
    const extra = `${r.created ? `, ${r.created} new contacts created` : ''}${r.skipped?.length ? `, ${r.skipped.length} skipped (not contacts)` : ''}`;
    notifyDone(`${r.added} added, ${r.alreadyEnrolled} already enrolled, ${r.flagged.length} flagged${extra}.`, 'Contacts added');
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
                description={
                  'One per line, or separated by commas; "Name" <email> from a mail client works too. Emails that are not contacts yet are listed before anything is added.'
                }
                autosize
                minRows={6}
                maxRows={14}
                value={pasted}
                error={pasteError}
                onChange={(e) => {
                  setPasted(e.currentTarget.value);
                  setPasteError(null);
                  setUnknown(null);
                }}
              />
              <Text size="xs" mt={6} c={invalid.length ? 'red' : 'dimmed'}>
                {valid.length} valid email{valid.length === 1 ? '' : 's'}
                {invalid.length ? `; not an email: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? '…' : ''}` : ''}
              </Text>
              {unknown && (
                <Alert
                  mt="sm"
                  color="yellow"
                  variant="light"
                  title={`${plural(unknown.length, 'email')} ${unknown.length === 1 ? 'is' : 'are'} not a contact yet`}
                  role="alert"
                >
                  <Stack gap="xs">
                    <ScrollArea.Autosize mah={140} type="auto">
                      <List size="sm" aria-label="Emails that are not contacts">
                        {unknown.slice(0, 200).map((e) => (
                          <List.Item key={e}>{e}</List.Item>
                        ))}
                      </List>
                    </ScrollArea.Autosize>
                    {unknown.length > 200 && <Text size="xs">…and {unknown.length - 200} more</Text>}
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        loading={adding}
                        disabled={unknown.length === valid.length}
                        onClick={() => void addPasted('skip')}
                      >
                        Skip {unknown.length === 1 ? 'it' : 'them'}, add the others
                      </Button>
                      <Button size="xs" loading={adding} onClick={() => void addPasted('create')}>
                        Create {unknown.length === 1 ? 'it' : 'them'} as contacts and add all
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              )}
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
            New enrollments take this sequence's current sync settings; with deduplication on, contacts that already exist in Recruiterflow
            are flagged for review.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              onClick={() => void submit()}
              loading={busy || csv.loading || adding}
              disabled={!canSubmit || (source === 'paste' && unknown !== null)}
            >
              {source === 'csv' ? 'Import and add' : `Add ${count || ''} contact${count === 1 ? '' : 's'}`.replace('  ', ' ')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
