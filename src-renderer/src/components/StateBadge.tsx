// The one badge used wherever an enrollment appears: its state, and for problems an explanation and the fix.
import { Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  DELETED_CODE,
  DELETED_IN_RECRUITERFLOW,
  DELETED_OTHER_ACCOUNT_CODE,
  POSSIBLE_MATCH,
  type FlagMatch,
  type Resolution,
} from '../../../src-shared/domain';
import { DeletedRecordFix } from './DeletedRecordFix';
import { PossibleMatchEvidence } from './PossibleMatchEvidence';
import { openContactEditor } from './ContactEditModal';
import { call, notifyDone, notifyError } from '../api/call';
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
  [DELETED_CODE]: {
    label: DELETED_IN_RECRUITERFLOW,
    color: 'red',
    title: 'The record was deleted in Recruiterflow',
    text: 'Its Recruiterflow record is gone, and none of its emails is on another record (a merge would have been followed). Resync creates a new record.',
  },
  [DELETED_OTHER_ACCOUNT_CODE]: {
    label: 'Deleted in another account',
    color: 'gray',
    title: 'Its record in another Recruiterflow account was deleted',
    text: 'The record was deleted in the Recruiterflow account connected before; this contact was never synced to the account connected now. Resync sends it here; switching back shows it as deleted there again.',
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
        text: 'Deduplication found this email in Recruiterflow, so Flowbridge stopped before creating a duplicate. Check the record below: link to it if it is the same person, or choose not to sync.',
      };
    case 'exists_as': {
      const other = s.errorCode === 'exists_as_contact' ? 'Contact' : 'Candidate';
      const wanted = other === 'Contact' ? 'Candidate' : 'Contact';
      return {
        label: `Exists in Recruiterflow as a ${other}`,
        color: 'orange',
        title: `Exists in Recruiterflow as a ${other}`,
        text: `This sequence syncs a ${wanted}${other === 'Contact' ? ' (with its job)' : ''}, but Recruiterflow has this email only as a ${other}. Nothing was synced. Create a ${wanted} profile too (one person can have both), or link to the ${other}${other === 'Contact' ? ' without the job' : ''}.`,
      };
    }
    case 'possible':
      return {
        label: POSSIBLE_MATCH,
        color: 'orange',
        title: POSSIBLE_MATCH,
        text: "No record has this email, but one has the contact's LinkedIn URL or phone: Recruiterflow takes that for the same person. Nothing was created. Link to the record if it is the same person, create a new record if not, or choose not to sync.",
      };
    case 'custom_field':
      return {
        label: 'Custom field error',
        color: 'red',
        title: 'A mapped field was refused',
        text: "A value for one of the mapped fields cannot be sent. Edit the contact and retry, retry with today's mapping (if you changed it since), or sync without this field.",
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

  async function act(action: 'clear' | 'retry' | 'replied' | 'remap' | 'withoutField') {
    setBusy(true);
    const ids = [enrollment.id];
    if (action === 'replied') {
      const r = await call('enrollments:markReplied', { ids });
      if (r) notifyDone(`${enrollment.email}: reply recorded, the contact is queued.`, 'Reply recorded');
    } else if (action === 'clear') {
      const r = await call('enrollments:clear', { ids });
      if (r) notifyDone(`${enrollment.email}: flag cleared, the contact continues.`, 'Flag cleared');
    } else {
      const r = await call('enrollments:retry', { ids, remap: action === 'remap', withoutField: action === 'withoutField' });
      const how = action === 'remap' ? " with today's mapping" : action === 'withoutField' ? ' without the refused field' : '';
      if (r) notifyDone(`${enrollment.email}: queued for another attempt${how}.`, 'Retry queued');
    }
    setBusy(false);
    setOpened(false);
  }

  async function resolve(action: Resolution, rfId?: number) {
    setBusy(true);
    const r = await call('enrollments:resolve', { ids: [enrollment.id], action, rfId });
    setBusy(false);
    if (r && r.resolved > 0) {
      const said =
        action === 'skip' ? 'it will not be synced' : action === 'create' ? 'a new record will be created' : 'linked, and queued';
      notifyDone(`${enrollment.email}: ${said}.`, 'Flag resolved');
      setOpened(false);
    } else if (r) notifyError({ code: 'conflict', message: r.refused[0]?.reason ?? 'Not resolved' }, 'Not resolved');
  }

  function go(to: string) {
    setOpened(false);
    navigate(to);
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={kind === 'exists' || kind === 'exists_as' || kind === 'possible' ? 380 : 320}
      position="bottom-start"
      withArrow
      shadow="md"
      trapFocus
      returnFocus
    >
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
          {(kind === 'exists' || kind === 'exists_as') && <Evidence matches={enrollment.matches ?? []} />}
          {kind === 'possible' && <PossibleMatchEvidence matches={enrollment.matches ?? []} />}
          {enrollment.state === 'not_synced' && enrollment.errorCode === DELETED_CODE && (
            <DeletedRecordFix id={enrollment.id} email={enrollment.email} onDone={() => setOpened(false)} />
          )}
          {(kind === 'exists' || kind === 'exists_as' || kind === 'possible') && (
            <Group gap="xs">
              {(enrollment.matches ?? []).map((m) => (
                <Button key={`${m.type}${m.id}`} size="xs" loading={busy} onClick={() => void resolve('link', m.id)}>
                  {kind === 'exists_as'
                    ? `Link to the ${typeLabel(m.type)}${m.type === 'contact' ? ' without the job' : ''}`
                    : (enrollment.matches ?? []).length > 1
                      ? `Link to #${m.id}`
                      : 'Link to this record'}
                </Button>
              ))}
              {(kind === 'possible' || createAllowed(enrollment.matches ?? [], enrollment.syncAs)) && (
                <Button size="xs" variant="default" loading={busy} onClick={() => void resolve('create')}>
                  {kind === 'exists_as' ? `Create a ${typeLabel(enrollment.syncAs ?? 'candidate')} profile too` : 'Create a new record'}
                </Button>
              )}
              <Button size="xs" variant="default" loading={busy} onClick={() => void resolve('skip')}>
                Don't sync
              </Button>
            </Group>
          )}
          <Group gap="xs">
            {(kind === 'flagged' || (kind === 'exists' && (enrollment.matches ?? []).length === 0)) && (
              <Button size="xs" loading={busy} onClick={() => void act('clear')}>
                Clear and continue
              </Button>
            )}
            {enrollment.state === 'awaiting_reply' && (
              <Button size="xs" loading={busy} onClick={() => void act('replied')}>
                Mark replied
              </Button>
            )}
            {(kind === 'custom_field' || kind === 'failed') && enrollment.state === 'failed' && (
              <>
                <Button
                  size="xs"
                  onClick={() => {
                    setOpened(false);
                    openContactEditor(enrollment.email, enrollment.id);
                  }}
                >
                  Edit the contact
                </Button>
                <Button size="xs" variant="default" loading={busy} onClick={() => void act('remap')}>
                  Retry with today's mapping
                </Button>
                {enrollment.errorField && (
                  <Button size="xs" variant="default" loading={busy} onClick={() => void act('withoutField')}>
                    Sync without this field
                  </Button>
                )}
              </>
            )}
            {kind === 'unauthorized' && (
              <Button size="xs" onClick={() => go('/settings/connection')}>
                Reconnect
              </Button>
            )}
            {kind === 'retrying' && (
              <Button size="xs" loading={busy} onClick={() => void act('retry')}>
                Retry now
              </Button>
            )}
            {(kind === 'failed' || kind === 'custom_field' || kind === 'unauthorized') && enrollment.state !== 'flagged' && (
              <Button size="xs" variant="default" loading={busy} onClick={() => void act('retry')}>
                Retry
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

const typeLabel = (type: 'candidate' | 'contact') => (type === 'candidate' ? 'Candidate' : 'Contact');

/** Recruiterflow allows one record of a type per email: a new one only when no record of that type matched. */
function createAllowed(matches: FlagMatch[], syncAs: 'candidate' | 'contact' | undefined): boolean {
  return syncAs !== undefined && matches.length > 0 && !matches.some((m) => m.type === syncAs);
}

/** The matched record(s): type, id, name, every email, and which one matched. */
function Evidence({ matches }: { matches: FlagMatch[] }) {
  if (matches.length === 0)
    return (
      <Text size="xs" c="dimmed">
        The matched record was not recorded (flagged by an earlier version).
      </Text>
    );
  return (
    <Stack gap={6} aria-label="Matched records">
      {matches.map((m) => (
        <Stack key={`${m.type}${m.id}`} gap={0} p={6} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}>
          <Text size="sm" fw={600}>
            {typeLabel(m.type)} #{m.id}
            {m.name ? ` · ${m.name}` : ''}
          </Text>
          <Text size="xs">
            Emails:{' '}
            {m.emails.map((e, i) => (
              <span key={e}>
                {i > 0 ? ', ' : ''}
                {e === m.matchedEmail ? <b>{e}</b> : e}
              </span>
            ))}
          </Text>
          <Text size="xs" c="dimmed">
            Matched on {m.matchedEmail}
            {m.emails[0] !== undefined && m.emails[0] !== m.matchedEmail ? ' (a second address of this record)' : ''}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
