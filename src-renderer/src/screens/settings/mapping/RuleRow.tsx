import { ActionIcon, Group, Select, Stack, Text, type ComboboxData } from '@mantine/core';
import type { MappingRule } from '../../../../../src-shared/domain';
import { IconTrash } from '../../../components/Icons';
import { WriteRuleSelect } from './WriteRuleSelect';

export interface RuleIssue {
  level: 'error' | 'warning' | 'info';
  text: string;
}

export function RuleRow({
  index,
  rule,
  sourceData,
  targetData,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  rule: MappingRule;
  sourceData: ComboboxData;
  targetData: ComboboxData;
  issues: RuleIssue[];
  onChange: (r: MappingRule) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Stack gap={4} role="group" aria-label={`Rule ${n}`}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Select
          label={index === 0 ? 'Flowbridge field' : undefined}
          aria-label={`Source field of rule ${n}`}
          placeholder="Source"
          searchable
          allowDeselect={false}
          value={rule.source || null}
          onChange={(v) => onChange({ ...rule, source: v ?? '' })}
          data={sourceData}
          style={{ flex: 1 }}
        />
        <Text aria-hidden="true" pb={8}>
          →
        </Text>
        <Select
          label={index === 0 ? 'Recruiterflow field' : undefined}
          aria-label={`Recruiterflow field of rule ${n}`}
          placeholder="Target"
          searchable
          allowDeselect={false}
          value={rule.target || null}
          onChange={(v) => onChange({ ...rule, target: v ?? '' })}
          data={targetData}
          style={{ flex: 1.4 }}
        />
        <WriteRuleSelect
          label={index === 0 ? 'On existing records' : undefined}
          ariaLabel={`Write rule of rule ${n}`}
          value={rule.write}
          onChange={(write) => onChange(write === 'never' ? { source: rule.source, target: rule.target } : { ...rule, write })}
        />
        <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={`Remove rule ${n}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {issues.map((i) => (
        <Text
          key={i.text}
          size="xs"
          c={i.level === 'error' ? 'red' : i.level === 'warning' ? 'orange' : 'dimmed'}
          role={i.level === 'error' ? 'alert' : undefined}
        >
          {i.text}
        </Text>
      ))}
    </Stack>
  );
}
