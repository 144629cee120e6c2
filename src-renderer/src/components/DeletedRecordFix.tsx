// The fix of "Deleted in Recruiterflow": the linked record is gone there (deleted, and its emails on no
// other record), so Resync sends the contact again and a new record is created.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { call, notifyDone } from '../api/call';

export function DeletedRecordFix({ id, email, onDone }: { id: number; email: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  async function resync() {
    setBusy(true);
    const r = await call('enrollments:resync', { ids: [id] });
    setBusy(false);
    if (!r) return;
    notifyDone(r.queued > 0 ? `${email}: queued; a new record will be created.` : r.message, 'Resync');
    onDone();
  }
  return (
    <Button size="xs" loading={busy} onClick={() => void resync()}>
      Resync
    </Button>
  );
}
