// The payload Recruiterflow would receive for a sample contact under the rules being edited.
import { Alert, Card, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { MappingRule, SyncAs } from '../../../../../src-shared/domain';
import { JsonBlock } from '../../../components/JsonBlock';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { SampleContactPicker } from './SampleContactPicker';

export function MappingPreview({
  rules,
  email,
  onEmail,
  syncAs,
  onSyncAs,
}: {
  rules: MappingRule[];
  email: string | null;
  onEmail: (e: string | null) => void;
  syncAs: SyncAs;
  onSyncAs: (s: SyncAs) => void;
}) {
  const [debouncedRules] = useDebouncedValue(rules, 300);
  const preview = useApiQuery('mapping:preview', { email: email ?? undefined, rules: debouncedRules, syncAs }, { quiet: true });
  const data = preview.data;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Payload preview
        </Title>
        <SampleContactPicker value={email} onChange={onEmail} />
        <Group gap="xs">
          <Text size="sm">Sync as</Text>
          <SegmentedControl
            size="xs"
            aria-label="Preview as"
            value={syncAs}
            onChange={(v) => onSyncAs(v)}
            data={[
              { value: 'candidate', label: 'Candidate' },
              { value: 'contact', label: 'Contact' },
            ]}
          />
        </Group>
        {preview.error && (
          <Alert color="red" variant="light">
            {preview.error.message}
          </Alert>
        )}
        {data && data.problems.length > 0 && (
          <Alert color="red" variant="light" title="Recruiterflow would refuse some values" role="alert">
            <List size="sm">
              {data.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {data && data.email === null && data.payload === null ? (
          <Text size="sm" c="dimmed" ta="center" py="md" data-testid="mapping-preview-empty">
            No contacts yet: import one (Contacts → Import CSV) to see exactly what Recruiterflow would receive for it.
          </Text>
        ) : data ? (
          <>
            <Text size="xs" c="dimmed">
              {data.email ? `For ${data.email}` : 'For an example contact'}, sent as a {data.syncAs}:
            </Text>
            <JsonBlock value={data.payload} label="Payload preview" />
          </>
        ) : (
          !preview.error && (
            <Text size="sm" c="dimmed">
              Computing…
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
