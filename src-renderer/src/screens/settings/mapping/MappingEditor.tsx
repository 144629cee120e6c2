// The field mapping editor: Flowbridge fields (standard and extra CSV columns) on the left, Recruiterflow
// standard and custom fields (with their types) on the right, checked against a sample contact and previewed.
import { Alert, Badge, Button, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { MappingRule, SyncAs } from '../../../../../src-shared/domain';
import { notifyDone } from '../../../api/call';
import { IconPlus } from '../../../components/Icons';
import { useAction } from '../../../hooks/useAction';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { fieldLabel } from '../../../lib/labels';
import { DefaultFieldWrites } from './DefaultFieldWrites';
import { FieldReference } from './FieldReference';
import { RequiredFields } from './RequiredFields';
import { MappingPreview } from './MappingPreview';
import { RuleRow } from './RuleRow';
import { ruleIssues } from './ruleIssues';
import { buildTargetIndex, targetSelectData } from './targets';
import { LoadError } from '../../../components/LoadError';

export function MappingEditor() {
  const catalog = useApiQuery('mapping:catalog', {}, { refetchOn: ['data:changed'] });
  const mapping = useApiQuery('mapping:get', {}, { refetchOn: ['data:changed'] });
  const settings = useApiQuery('settings:get', {});
  const firstContact = useApiQuery('contacts:list', { limit: 1, sort: 'updatedAt', dir: 'desc' });
  const [rules, setRules] = useState<MappingRule[] | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const [syncAs, setSyncAs] = useState<SyncAs | null>(null);
  const sample = useApiQuery('contacts:get', { email: email ?? '' }, { enabled: !!email, quiet: true });
  const { busy, run } = useAction();

  useEffect(() => {
    if (mapping.data) setRules(mapping.data.rules.map((r) => ({ ...r })));
  }, [mapping.data]);
  useEffect(() => {
    if (!email && firstContact.data?.rows[0]) setEmail(firstContact.data.rows[0].email);
  }, [firstContact.data, email]);
  const previewAs = syncAs ?? settings.data?.syncAs ?? 'candidate';

  const index = useMemo(() => (catalog.data ? buildTargetIndex(catalog.data) : new Map()), [catalog.data]);
  const targetData = useMemo(() => targetSelectData(index), [index]);
  const sourceData = useMemo(() => {
    const sources = catalog.data?.sources ?? [];
    return [
      {
        group: 'Standard fields',
        items: sources.filter((s) => s.kind === 'standard').map((s) => ({ value: s.name, label: fieldLabel(s.name) })),
      },
      { group: 'Extra CSV columns', items: sources.filter((s) => s.kind === 'extra').map((s) => ({ value: s.name, label: s.name })) },
    ].filter((g) => g.items.length);
  }, [catalog.data]);

  const failed = catalog.error ?? mapping.error;
  if ((!catalog.data || !mapping.data) && failed) {
    return (
      <LoadError
        what="the field mapping"
        message={failed.message}
        onRetry={() => {
          catalog.refetch();
          mapping.refetch();
        }}
      />
    );
  }
  if (!rules || !catalog.data || !mapping.data)
    return (
      <Center h={200}>
        <Loader size="sm" aria-label="Loading the mapping" />
      </Center>
    );

  const complete = rules.filter((r) => r.source && r.target);
  const sampleFields = sample.data && sample.data.email === email ? sample.data.fields : null;
  const issues = ruleIssues(rules, index, previewAs, sampleFields, email);
  const blocking = issues.some(
    (list, i) =>
      rules[i]!.source && rules[i]!.target && list.some((x) => x.level === 'error' && x.text.startsWith('Recruiterflow has no field')),
  );
  const dirty = JSON.stringify(complete) !== JSON.stringify(mapping.data.rules);
  const sampleErrors = issues.flat().filter((x) => x.level === 'error').length;

  function update(i: number, rule: MappingRule) {
    setRules((rs) => rs!.map((r, j) => (j === i ? rule : r)));
  }

  async function save() {
    const r = await run('mapping:set', { rules: complete });
    if (r) notifyDone(`Mapping version ${r.version} saved. It applies to contacts added from now on.`, 'Mapping saved');
  }

  return (
    <Stack>
      <Alert role="note" color="yellow" variant="light" title="Changes apply to contacts added afterwards">
        Each enrollment keeps the mapping version it was added with (currently version {mapping.data.version}). Contacts added after you
        save use the new rules; earlier ones are unchanged.
      </Alert>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder>
            <Stack gap="md">
              <Group justify="space-between">
                <Title order={2} size="h4">
                  Rules
                </Title>
                <Group gap="xs">
                  {dirty && (
                    <Badge color="yellow" variant="light">
                      Unsaved changes
                    </Badge>
                  )}
                  {sampleErrors > 0 && (
                    <Badge color="red" variant="light">
                      {sampleErrors} type problem{sampleErrors === 1 ? '' : 's'}
                    </Badge>
                  )}
                </Group>
              </Group>
              <Text size="sm" c="dimmed">
                Standard fields (name, email, phone, title, company, LinkedIn, location) are mapped by default. A rule for the same
                Flowbridge field replaces its default; rules for extra CSV columns fill Recruiterflow custom fields. Values for multi-select
                fields are split on “;”.
              </Text>
              {rules.length === 0 && (
                <Text size="sm" c="dimmed">
                  No custom rules: only the default mapping applies.
                </Text>
              )}
              {rules.map((rule, i) => (
                <RuleRow
                  key={i}
                  index={i}
                  rule={rule}
                  sourceData={sourceData}
                  targetData={targetData}
                  issues={issues[i] ?? []}
                  onChange={(r) => update(i, r)}
                  onRemove={() => setRules((rs) => rs!.filter((_, j) => j !== i))}
                />
              ))}
              <DefaultFieldWrites defaults={catalog.data.defaults} rules={rules} onAdd={(r) => setRules((rs) => [...rs!, r])} />
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => setRules((rs) => [...rs!, { source: '', target: '' }])}
                >
                  Add rule
                </Button>
                <Group gap="xs">
                  <Button variant="subtle" disabled={!dirty} onClick={() => setRules(mapping.data!.rules.map((r) => ({ ...r })))}>
                    Discard changes
                  </Button>
                  <Button loading={busy} disabled={!dirty || blocking} onClick={() => void save()}>
                    Save mapping
                  </Button>
                </Group>
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <MappingPreview rules={complete} email={email} onEmail={setEmail} syncAs={previewAs} onSyncAs={setSyncAs} />
        </Grid.Col>
      </Grid>
      <RequiredFields saved={mapping.data.required} targetData={targetData} />
      <FieldReference index={index} />
    </Stack>
  );
}
