// The state filter over a sequence's contacts: one chip per state with its count, and "Replied".
import { Button, Chip, Group } from '@mantine/core';
import { ENROLLMENT_STATES, type EnrollmentState, type StateCounts } from '../../../../src-shared/domain';
import { formatNumber } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';

export function EnrollmentFilters({
  counts,
  states,
  onStates,
  repliedOnly,
  onRepliedOnly,
}: {
  counts: StateCounts | undefined;
  states: EnrollmentState[];
  onStates: (states: EnrollmentState[]) => void;
  repliedOnly: boolean;
  onRepliedOnly: (on: boolean) => void;
}) {
  return (
    <Chip.Group multiple value={states} onChange={(v) => onStates(v)}>
      <Group gap={6} mb="sm" role="group" aria-label="Filter by state">
        {ENROLLMENT_STATES.map((s) => (
          <Chip key={s} value={s} size="xs" variant="outline">
            {STATE_LABELS[s]}
            {counts ? ` ${formatNumber(counts[s])}` : ''}
          </Chip>
        ))}
        <Chip checked={repliedOnly} onChange={onRepliedOnly} size="xs" variant="outline" color="teal" data-testid="filter-replied">
          Replied
        </Chip>
        {states.length > 0 && (
          <Button size="compact-xs" variant="subtle" onClick={() => onStates([])}>
            Show all states
          </Button>
        )}
      </Group>
    </Chip.Group>
  );
}
