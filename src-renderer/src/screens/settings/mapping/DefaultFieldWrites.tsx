// The standard fields are mapped by default and never written to records that already exist. Choosing a
// write rule for one here adds a rule of its own (same source and target) to the mapping being edited.
import { Stack, Table, Text } from '@mantine/core';
import type { MappingRule, WriteRule } from '../../../../../src-shared/domain';
import { fieldLabel } from '../../../lib/labels';
import { WriteRuleSelect } from './WriteRuleSelect';

export function DefaultFieldWrites({
  defaults,
  rules,
  onAdd,
}: {
  defaults: MappingRule[];
  rules: MappingRule[];
  onAdd: (rule: MappingRule) => void;
}) {
  const open = defaults.filter((d) => !rules.some((r) => r.source === d.source));
  if (open.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Default fields on records that already exist
      </Text>
      <Text size="xs" c="dimmed">
        When Flowbridge links to a record Recruiterflow already has, or a synced contact changes, only fields with a write rule are updated.
        Email is never changed.
      </Text>
      <Table verticalSpacing={2} aria-label="Write rules of the default fields">
        <Table.Tbody>
          {open.map((d) => (
            <Table.Tr key={d.source}>
              <Table.Td>
                <Text size="sm">
                  {fieldLabel(d.source)} → {d.target}
                </Text>
              </Table.Td>
              <Table.Td>
                <WriteRuleSelect
                  ariaLabel={`Write rule of the default field ${fieldLabel(d.source)}`}
                  value="never"
                  onChange={(write: WriteRule) => {
                    if (write !== 'never') onAdd({ ...d, write });
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
