// Where a Recruiterflow record lives on the web: the pattern that turns an id into a link. The API does
// not say, so the default is an assumption (see the README) that the recruiter can correct here.
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEFAULT_RECORD_URL_PATTERN, recordUrl } from '../../../../src-shared/recordUrl';
import { callResult, notifyDone, notifyError } from '../../api/call';
import { useApiQuery } from '../../hooks/useApiQuery';

export function RecordLinksCard() {
  const settings = useApiQuery('settings:get', {}, { refetchOn: ['data:changed', 'connection:changed'] });
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setPattern(settings.data.recordUrlPattern);
  }, [settings.data]);
  if (!settings.data) return null;
  const saved = settings.data.recordUrlPattern;

  async function save(value: string | null) {
    setBusy(true);
    const r = await callResult('settings:set', { recordUrlPattern: value });
    setBusy(false);
    if (!r.ok) {
      if (r.error.field === 'recordUrlPattern') setError(r.error.message);
      else notifyError(r.error);
      return;
    }
    notifyDone(
      r.value.recordUrlPattern ? 'Recruiterflow ids now link to their records.' : 'Recruiterflow ids are shown without links.',
      'Record links saved',
    );
  }

  const example = recordUrl(pattern, 'candidate', 12345);
  return (
    <Card withBorder maw={640} mt="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(pattern.trim());
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Links to Recruiterflow records
          </Title>
          <TextInput
            label="Record web address"
            description={`{type} becomes candidate or contact, {id} the record's id. Leave empty for no links. Default: ${DEFAULT_RECORD_URL_PATTERN}`}
            value={pattern}
            error={error}
            onChange={(e) => {
              setPattern(e.currentTarget.value);
              setError(null);
            }}
          />
          <Text size="xs" c="dimmed">
            {example ? `Candidate #12345 opens ${example}` : 'Ids are shown as plain text.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" disabled={!settings.data.recordUrlPatternCustom} loading={busy} onClick={() => void save(null)}>
              Use the default
            </Button>
            <Button type="submit" loading={busy} disabled={pattern.trim() === saved}>
              Save link pattern
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
