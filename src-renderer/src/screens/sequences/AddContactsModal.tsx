// "Add contacts" to a sequence: from the contact list, pasted emails, or a CSV file (imported first).
import { Alert, Button, Group, Modal, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import type { AddSummary, ImportSummary } from '../../../../src-shared/domain';
import { parseEmailList } from '../../../../src-shared/emailList';
import { callResult, notifyDone, notifyError } from '../../api/call';
import { validateColumns } from '../../components/csv/ColumnMapping';
import { useAction } from '../../hooks/useAction';
import { useCsvDraft } from '../../hooks/useCsvDraft';
import { AddFromCsv } from './AddFromCsv';
import { AddResultView } from './AddResultView';
import { PasteEmails } from './PasteEmails';
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
        <AddResultView result={result} onAddMore={() => setResult(null)} onDone={close} />
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
              <PasteEmails
                pasted={pasted}
                onPasted={(text) => {
                  setPasted(text);
                  setPasteError(null);
                  setUnknown(null);
                }}
                error={pasteError}
                valid={valid}
                invalid={invalid}
                unknown={unknown}
                adding={adding}
                onAdd={(policy) => void addPasted(policy)}
              />
            </Tabs.Panel>
            <Tabs.Panel value="csv" pt="sm">
              <AddFromCsv csv={csv} />
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
