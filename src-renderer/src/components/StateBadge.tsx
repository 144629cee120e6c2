// The one badge used wherever an enrollment appears: its state, and for problems an explanation and the fix.
import { Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, notifyDone } from '../api/call';
import { navigate } from '../hooks/useRoute';
import { errorKind, type BadgeSubject, type ErrorKind } from '../lib/errorKind';
import { formatDateTime, formatRelative } from '../lib/format';
import { STATE_COLORS, STATE_HELP, STATE_LABELS } from '../lib/labels';

interface Explained {
  label: string;
  color: string;
  title: string;
  text: string;
}

const NOT_SYNCED_REASONS: Record<string, Explained> = {
  other_account: {
    label: 'Synced in another account',
    color: 'gray',
    title: 'Synced to another Recruiterflow account',
    text: 'This contact was synced while a different Recruiterflow account was connected. Its record there is kept, and not reused here. Resync sends it to the account connected now; switching back shows it synced again.',
  },
  demo: {
    label: 'Demo data',
    color: 'grape',
    title: 'Demo data stays out of real accounts',
    text: 'Demo contacts and sequences are only ever sent to the built-in Sandbox, never to a real Recruiterflow account. Remove demo data on the Sequences page to take it out.',
  },
  skipped: {
    label: "Don't sync",
    color: 'gray',
    title: 'You chose not to sync it',
    text: 'You decided this contact should not go to Recruiterflow. Resync leaves it alone.',
  },
  cancelled: {
    label: 'Not synced',
    color: 'gray',
    title: 'Sync cancelled',
    text: 'You cancelled its sync in the Queue. Use Resync to queue it under the current settings.',
  },
};

function explain(s: BadgeSubject, kind: ErrorKind): Explained {
  switch (kind) {
    case 'exists':
      return {
        label: 'Exists in Recruiterflow',
        color: 'orange',
        title: 'Already in Recruiterflow',
        text: 'Deduplication found this email in Recruiterflow, so Flowbridge stopped before creating a duplicate. If it is the right person, clear the flag and the contact continues (it is linked to the existing record).',
      };
    case 'custom_field':
      return {
        label: 'Custom field error',
        color: 'red',
        title: 'A mapped field was refused',
        text: 'Recruiterflow rejected a value for one of the mapped fields. Fix the field mapping (or the contact data), then retry.',
      };
    case 'unauthorized':
      return {
        label: 'Unauthorized',
        color: 'red',
        title: 'Recruiterflow refused the API key',
        text: 'The key was revoked or is wrong. Reconnect with a valid key in Settings; the queued work is kept and continues afterwards.',
      };
    case 'retrying':
      return {
        label: `Retrying ${s.nextAttemptAt ? formatRelative(s.nextAttemptAt) : ''}`.trim(),
        color: 'yellow',
        title: 'Temporary problem, will retry',
        text: `${STATE_HELP.retrying}${s.nextAttemptAt ? ` Next attempt: ${formatDateTime(s.nextAttemptAt)}.` : ''}`,
      };
    case 'failed':
      return { label: 'Failed', color: 'red', title: 'Sync failed', text: STATE_HELP.failed };
    case 'flagged':
      return { label: 'Flagged', color: 'orange', title: 'Flagged for review', text: STATE_HELP.flagged };
    default: {
      // Not synced, with a reason of its own: each says what happened, not just "not synced".
      const reason = s.errorCode ? NOT_SYNCED_REASONS[s.errorCode] : undefined;
      if (reason && s.state === 'not_synced') return reason;
      return { label: STATE_LABELS[s.state], color: STATE_COLORS[s.state], title: STATE_LABELS[s.state], text: STATE_HELP[s.state] };
    }
  }
}

export function StateBadge({ enrollment }: { enrollment: BadgeSubject }) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const kind = errorKind(enrollment);
  const info = explain(enrollment, kind);
  const problem = kind !== 'none';

  async function act(action: 'clear' | 'retry' | 'replied') {
    setBusy(true);
    const ids = [enrollment.id];
    if (action === 'replied') {
      const r = await call('enrollments:markReplied', { ids });
      if (r) notifyDone(`${enrollment.email}: reply recorded, the contact is queued.`, 'Reply recorded');
    } else if (action === 'clear') {
      const r = await call('enrollments:clear', { ids });
      if (r) notifyDone(`${enrollment.email}: flag cleared, the contact continues.`, 'Flag cleared');
    } else {
      const r = await call('enrollments:retry', { ids });
      if (r) notifyDone(`${enrollment.email}: queued for another attempt.`, 'Retry queued');
    }
    setBusy(false);
    setOpened(false);
  }

  function go(to: string) {
    setOpened(false);
    navigate(to);
  }

  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="bottom-start" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          color={info.color}
          variant={problem ? 'filled' : 'light'}
          tt="none"
          onClick={() => setOpened((o) => !o)}
          // Escape closes from the badge too: the dropdown takes the focus a tick after it opens.
          onKeyDown={(e) => {
            if (e.key === 'Escape' && opened) setOpened(false);
          }}
          aria-haspopup="dialog"
          aria-expanded={opened}
          title={problem ? `${info.label}: show how to fix` : info.label}
          style={{ cursor: 'pointer', maxWidth: '100%' }}
        >
          {info.label}
        </Badge>
      </Popover.Target>
      <Popover.Dropdown role="dialog">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {info.title}
          </Text>
          <Text size="sm">{info.text}</Text>
          {enrollment.error && enrollment.error !== info.label && (
            <Text size="xs" c="dimmed">
              Message: {enrollment.error}
              {enrollment.attempts ? ` (${enrollment.attempts} attempt${enrollment.attempts === 1 ? '' : 's'})` : ''}
            </Text>
          )}
          <Group gap="xs">
            {(kind === 'exists' || kind === 'flagged') && (
              <Button size="xs" loading={busy} onClick={() => void act('clear')}>
                Clear and continue
              </Button>
            )}
            {kind === 'custom_field' && (
              <Button size="xs" onClick={() => go('/settings/mapping')}>
                Edit mapping
              </Button>
            )}
            {kind === 'unauthorized' && (
              <Button size="xs" onClick={() => go('/settings/connection')}>
                Reconnect
              </Button>
            )}
            {enrollment.state === 'awaiting_reply' && (
              <Button size="xs" loading={busy} onClick={() => void act('replied')}>
                Mark replied
              </Button>
            )}
            {kind === 'retrying' && (
              <Button size="xs" loading={busy} onClick={() => void act('retry')}>
                Retry now
              </Button>
            )}
            {(kind === 'failed' || kind === 'custom_field' || kind === 'unauthorized') && enrollment.state !== 'flagged' && (
              <Button size="xs" variant={kind === 'failed' ? 'filled' : 'default'} loading={busy} onClick={() => void act('retry')}>
                Retry
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
