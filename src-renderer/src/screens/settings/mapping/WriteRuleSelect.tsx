// A mapping rule's write rule: what an update may do to a record Recruiterflow already has.
import { Select } from '@mantine/core';
import type { WriteRule } from '../../../../../src-shared/domain';

const WRITE_RULE_OPTIONS: { value: WriteRule; label: string }[] = [
  { value: 'never', label: 'New records only' },
  { value: 'if_blank', label: 'Also if blank in Recruiterflow' },
  { value: 'always', label: 'Always (overwrite)' },
];

export function WriteRuleSelect({
  value,
  onChange,
  label,
  ariaLabel,
}: {
  value: WriteRule | undefined;
  onChange: (w: WriteRule) => void;
  label?: string;
  ariaLabel: string;
}) {
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      allowDeselect={false}
      value={value ?? 'never'}
      onChange={(v) => onChange(v ?? 'never')}
      data={WRITE_RULE_OPTIONS}
      w={220}
    />
  );
}
