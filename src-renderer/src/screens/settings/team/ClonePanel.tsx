// "Clone my settings to teammates": pick teammates (or all), review who is cloned and who is skipped, confirm.
import { Alert, Button, Card, Checkbox, Group, List, Modal, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CloneResult, User } from '../../../../../src-shared/domain';
import { notifyDone } from '../../../api/call';
import { useAction } from '../../../hooks/useAction';
import { CLONE_SKIP_REASONS } from '../../../lib/labels';

export function ClonePanel({ me, users }: { me: User | undefined; users: User[] }) {
  const [to, setTo] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [plan, setPlan] = useState<CloneResult | null>(null);
  const [done, setDone] = useState<CloneResult | null>(null);
  const { busy, run } = useAction();
  const allowed = me?.role === 'owner' || me?.role === 'manager';
  const teammates = users.filter((u) => !u.current);
  const target = all ? { all: true } : { to };
  const nameOf = (email: string) => users.find((u) => u.email === email)?.name ?? email;

  async function review() {
    setDone(null);
    const r = await run('settings:clonePlan', target);
    if (r) setPlan(r);
  }

  async function confirm() {
    const r = await run('settings:clone', target);
    setPlan(null);
    if (!r) return;
    setDone(r);
    notifyDone(`Cloned to ${r.cloned.length} teammate${r.cloned.length === 1 ? '' : 's'}, ${r.skipped.length} skipped.`, 'Settings cloned');
  }

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          Clone my settings to teammates
        </Title>
        <Text size="sm" c="dimmed">
          Copies your Recruiterflow integration settings (sync mode, sync as, deduplication, default job and field mapping) to teammates who
          use Recruiterflow. Your API key is never copied.
        </Text>
        {allowed && teammates.length === 0 ? (
          <Alert role="note" color="gray" variant="light">
            No teammates yet. Add one above, then clone your settings to them.
          </Alert>
        ) : !allowed ? (
          <Alert role="note" color="gray" variant="light">
            Only owners and managers can clone settings{me ? `; you are a ${me.role}` : ''}.
          </Alert>
        ) : (
          <>
            <MultiSelect
              label="Teammates"
              placeholder={all ? 'All teammates' : 'Choose teammates'}
              searchable
              disabled={all}
              value={to}
              onChange={setTo}
              data={teammates.map((u) => ({ value: u.email, label: `${u.name} (${u.email})` }))}
              nothingFoundMessage="No teammate matches"
            />
            <Checkbox label="All teammates" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button loading={busy && !plan} disabled={!all && to.length === 0} onClick={() => void review()}>
                Review clone…
              </Button>
            </Group>
          </>
        )}
        {done && <CloneOutcome result={done} nameOf={nameOf} title="Last clone" />}
      </Stack>
      <Modal opened={!!plan} onClose={() => setPlan(null)} title="Clone your settings?">
        {plan && (
          <Stack>
            <CloneOutcome result={plan} nameOf={nameOf} title="" planned />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPlan(null)}>
                Cancel
              </Button>
              <Button loading={busy} disabled={plan.cloned.length === 0} onClick={() => void confirm()}>
                Clone to {plan.cloned.length} teammate{plan.cloned.length === 1 ? '' : 's'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function CloneOutcome({
  result,
  nameOf,
  title,
  planned,
}: {
  result: CloneResult;
  nameOf: (e: string) => string;
  title: string;
  planned?: boolean;
}) {
  return (
    <Stack gap="xs" aria-label={planned ? 'Clone plan' : 'Clone result'} role="region">
      {title && <Text fw={600}>{title}</Text>}
      <Text size="sm" fw={600}>
        {planned ? 'Will receive your settings' : 'Cloned'} ({result.cloned.length})
      </Text>
      {result.cloned.length ? (
        <List size="sm" aria-label={planned ? 'Will be cloned' : 'Cloned'}>
          {result.cloned.map((e) => (
            <List.Item key={e}>
              {nameOf(e)} ({e})
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          Nobody.
        </Text>
      )}
      <Text size="sm" fw={600}>
        Skipped ({result.skipped.length})
      </Text>
      {result.skipped.length ? (
        <List size="sm" aria-label="Skipped">
          {result.skipped.map((s) => (
            <List.Item key={s.email}>
              {nameOf(s.email)} ({s.email}) — {CLONE_SKIP_REASONS[s.reason]}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          Nobody.
        </Text>
      )}
    </Stack>
  );
}
