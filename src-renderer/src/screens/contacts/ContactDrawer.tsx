// One contact: every field (standard and extra CSV columns), its Recruiterflow links and its enrollments.
import { Anchor, Badge, Button, Center, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ContactEditModal } from '../../components/ContactEditModal';
import { CONTACT_FIELDS, STANDARD_FIELDS } from '../../../../src-shared/domain';
import { RecordLink, useRecordUrlPattern } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import { useApiQuery } from '../../hooks/useApiQuery';
import { href } from '../../hooks/useRoute';
import { formatWhen } from '../../lib/format';
import { jobName } from '../../lib/jobs';
import { SYNC_AS_LABELS, fieldLabel } from '../../lib/labels';
import { ContactReplies } from './ContactReplies';
import { RecordJobs } from '../../components/RecordJobs';
import { ContactUpdates } from './ContactUpdates';

const STANDARD = new Set<string>(STANDARD_FIELDS);

export function ContactDrawer({ email, onClose }: { email: string | null; onClose: () => void }) {
  const detail = useApiQuery(
    'contacts:get',
    { email: email ?? '' },
    { enabled: !!email, refetchOn: ['data:changed', 'queue:changed', 'sync:progress'] },
  );
  const jobs = useApiQuery('jobs:list', {}, { enabled: !!email });
  const pattern = useRecordUrlPattern();
  const c = detail.data && detail.data.email === email ? detail.data : undefined;
  const standard = c ? CONTACT_FIELDS.map((f) => [f, c.fields[f] ?? ''] as const) : [];
  const extra = c ? Object.entries(c.fields).filter(([k]) => !STANDARD.has(k)) : [];
  const [editing, setEditing] = useState(false);

  return (
    <Drawer opened={!!email} onClose={onClose} position="right" size="xl" title={<Text fw={700}>{email}</Text>}>
      {!c ? (
        <Center h={200}>
          {detail.error ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" aria-label="Loading contact" />}
        </Center>
      ) : (
        <Stack gap="lg">
          <section aria-labelledby="contact-rf">
            <Title order={2} size="h5" id="contact-rf" mb={6}>
              Recruiterflow
            </Title>
            {c.recruiterflowIds.length ? (
              <Group gap="xs">
                <Badge variant="light" color="teal">
                  {c.recruiterflowType ? SYNC_AS_LABELS[c.recruiterflowType] : 'Record'}
                </Badge>
                {c.recruiterflowIds.map((id) => (
                  <RecordLink key={id} id={id} type={c.recruiterflowType} pattern={pattern} />
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Not linked to a Recruiterflow record yet.
              </Text>
            )}
            <RecordJobs email={c.email} />
          </section>
          <ContactReplies email={c.email} />
          <ContactUpdates email={c.email} />
          <section aria-labelledby="contact-fields">
            <Group justify="space-between" mb={6}>
              <Title order={2} size="h5" id="contact-fields">
                Fields
              </Title>
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                Edit contact
              </Button>
            </Group>
            <FieldTable rows={standard} label="Standard fields" />
          </section>
          <section aria-labelledby="contact-extra">
            <Title order={2} size="h5" id="contact-extra" mb={6}>
              Extra CSV columns
            </Title>
            {extra.length ? (
              <FieldTable rows={extra} label="Extra CSV columns" raw />
            ) : (
              <Text size="sm" c="dimmed">
                None. Columns of an imported CSV that are not standard fields appear here.
              </Text>
            )}
          </section>
          <section aria-labelledby="contact-enrollments">
            <Title order={2} size="h5" id="contact-enrollments" mb={6}>
              Sequences
            </Title>
            {c.enrollments.length ? (
              <Table verticalSpacing={6} aria-label="Enrollments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Sequence</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>Sync as</Table.Th>
                    <Table.Th>Job</Table.Th>
                    <Table.Th>Mapping</Table.Th>
                    <Table.Th>Added</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.enrollments.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Anchor href={href(`/sequences/${encodeURIComponent(e.sequenceId)}`)} size="sm" onClick={onClose}>
                          {e.sequenceName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <StateBadge enrollment={e} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{SYNC_AS_LABELS[e.syncAs]}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.jobId == null ? '—' : jobName(jobs.data, e.jobId)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" title="The field-mapping version captured when the contact was added">
                          v{e.mappingVersion}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatWhen(e.addedAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                Not in any sequence.
              </Text>
            )}
          </section>
        </Stack>
      )}
      <ContactEditModal email={editing ? email : null} onClose={() => setEditing(false)} />
    </Drawer>
  );
}

function FieldTable({ rows, label, raw }: { rows: readonly (readonly [string, string])[]; label: string; raw?: boolean }) {
  return (
    <Table withTableBorder verticalSpacing={4} aria-label={label}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w="40%" scope="row" fw={500}>
              {raw ? k : fieldLabel(k)}
            </Table.Th>
            <Table.Td>
              <Text size="sm" c={v ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                {v || '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
