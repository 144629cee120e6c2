// A pick of one of a job's pipeline stages, by name. `empty` is what no choice means here
// ("First stage", "Default stage", "No reply stage").
import { Select } from '@mantine/core';
import type { JobStage } from '../../../src-shared/ownerStages';

export function StageSelect(props: {
  label: string;
  description: string;
  stages: JobStage[];
  value: string | null;
  empty: string;
  disabled?: boolean;
  onChange: (value: string | null) => void;
}) {
  const NONE = '__none__';
  return (
    <Select
      label={props.label}
      description={props.description}
      allowDeselect={false}
      disabled={props.disabled}
      value={props.value ?? NONE}
      onChange={(v) => props.onChange(v === null || v === NONE ? null : v)}
      data={[{ value: NONE, label: props.empty }, ...props.stages.map((s) => ({ value: s.name, label: s.name }))]}
    />
  );
}
