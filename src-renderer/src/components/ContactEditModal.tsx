// Editing one contact: the standard fields and the extra CSV columns. The fix for a value Recruiterflow
// refused: correct it here, then retry (the enrollment that failed is retried when one is given).
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CONTACT_FIELDS, STANDARD_FIELDS } from '../../../src-shared/domain';
import { call, notifyDone } from '../api/call';
import { useApiQuery } from '../hooks/useApiQuery';
import { fieldLabel } from '../lib/labels';

const STANDARD = new Set<string>(STANDARD_FIELDS);

export function ContactEditModal({ email, retryId, onClose }: { email: string | null; retryId?: number; onClose: () => void }) {
  const detail = useApiQuery('contacts:get', { email: email ?? '' }, { enabled: !!email });
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const loaded = detail.data && detail.data.email === email ? detail.data : undefined;

  // Filled once per contact opened: a refetch while the user types must not undo their edits.
  const [filledFor, setFilledFor] = useState<string | null>(null);
  useEffect(() => {
    if (loaded && filledFor !== loaded.email) {
      setValues({ ...loaded.fields });
      setFilledFor(loaded.email);
    }
    if (!email && filledFor !== null) setFilledFor(null);
  }, [loaded, email, filledFor]);

  // The value is read in the handler: React clears currentTarget before a state updater runs.
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const extraKeys = Object.keys(values).filter((k) => !STANDARD.has(k));

  async function save(retry: boolean) {
    if (!email) return;
    setBusy(true);
    const fields = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, values[f] ?? '']));
    const extra = Object.fromEntries(extraKeys.map((k) => [k, values[k] ?? '']));
    const saved = await call('contacts:update', { email, fields, extra });
    if (saved && retry && retryId !== undefined) {
      const r = await call('enrollments:retry', { ids: [retryId] });
      if (r) notifyDone(`${email}: saved, and queued for another attempt.`, 'Contact saved');
    } else if (saved) notifyDone(`${email}: saved.`, 'Contact saved');
    setBusy(false);
    if (saved) onClose();
  }

  return (
    <Modal opened={!!email} onClose={onClose} title={<Text fw={700}>Edit {email}</Text>} size="lg">
      {!loaded ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(retryId !== undefined);
          }}
        >
          <Stack>
            <SimpleGrid cols={2}>
              {CONTACT_FIELDS.map((f) => (
                <TextInput key={f} label={fieldLabel(f)} value={values[f] ?? ''} onChange={(e) => set(f, e.currentTarget.value)} />
              ))}
            </SimpleGrid>
            {extraKeys.length > 0 && (
              <>
                <Title order={3} size="h6">
                  Extra fields
                </Title>
                <SimpleGrid cols={2}>
                  {extraKeys.map((k) => (
                    <TextInput key={k} label={k} value={values[k] ?? ''} onChange={(e) => set(k, e.currentTarget.value)} />
                  ))}
                </SimpleGrid>
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              {retryId !== undefined && (
                <Button variant="default" loading={busy} onClick={() => void save(false)}>
                  Save only
                </Button>
              )}
              <Button type="submit" loading={busy}>
                {retryId !== undefined ? 'Save and retry' : 'Save'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

const OPEN_EVENT = 'flowbridge:edit-contact';

/**
 * Opens the editor from anywhere (a badge's popover in a table row). The editor lives in the shell, not in
 * the row: a table row may be re-rendered from scratch while the user types.
 */
export function openContactEditor(email: string, retryId?: number): void {
  window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: { email, retryId } }));
}

export function ContactEditHost() {
  const [target, setTarget] = useState<{ email: string; retryId?: number } | null>(null);
  useEffect(() => {
    const open = (e: Event) => setTarget((e as CustomEvent<{ email: string; retryId?: number }>).detail);
    window.addEventListener(OPEN_EVENT, open);
    return () => window.removeEventListener(OPEN_EVENT, open);
  }, []);
  return <ContactEditModal email={target?.email ?? null} retryId={target?.retryId} onClose={() => setTarget(null)} />;
}
