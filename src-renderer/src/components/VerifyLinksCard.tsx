// Settings → Connection: read the linked records back from Recruiterflow now (it also runs every 6 hours),
// and say what changed there: records merged (relinked) and records deleted (their contacts marked).
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LinksVerifyResult } from '../../../src-shared/contract';
import { call, notifyDone } from '../api/call';
import { plural } from '../lib/format';

function summary(r: LinksVerifyResult): string {
  const parts = [`${plural(r.present, 'record')} of ${r.checked} still there`];
  if (r.relinked.length) parts.push(`${plural(r.relinked.length, 'link')} moved to the record it was merged into`);
  if (r.deleted.length) parts.push(`${plural(r.deleted.length, 'contact')} marked Deleted in Recruiterflow (Resync creates a new record)`);
  return `${parts.join('; ')}. ${plural(r.requests, 'read')}, nothing written.`;
}

export function VerifyLinksCard({ connected }: { connected: boolean }) {
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LinksVerifyResult | null>(null);

  async function verify() {
    setBusy(true);
    const r = await call('links:verify', {});
    setBusy(false);
    if (!r) return;
    setLast(r);
    notifyDone(summary(r), 'Links verified');
  }

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>Linked records</Title>
        <Text size="sm" c="dimmed">
          Records can be deleted or merged in Recruiterflow. Flowbridge reads its linked records back every 6 hours: a merged record is
          followed to the one that survives, a deleted one marks its contact &ldquo;Deleted in Recruiterflow&rdquo;. It only reads.
        </Text>
        <Group>
          <Button variant="default" loading={busy} disabled={!connected} onClick={() => void verify()}>
            Verify links now
          </Button>
        </Group>
        {last && (
          <Text size="sm" aria-live="polite" data-testid="verify-summary">
            {summary(last)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
