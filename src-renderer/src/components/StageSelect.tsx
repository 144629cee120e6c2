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
      data={[
        { value: NONE, label: props.empty },
        ...props.stages.map((s) => ({ value: s.name, label: s.name })),
        // A saved name this job does not have (its job changed since): shown, so it can be seen and replaced.
        ...(props.value !== null && !props.stages.some((s) => s.name === props.value)
          ? [{ value: props.value, label: `${props.value} (not a stage of this job: nothing moves)` }]
          : []),
      ]}
    />
  );
}
