// Above the queue table: the filter by state (with counts) and "Apply to all…".
import { Button, Group, Menu, SegmentedControl } from '@mantine/core';
import type { SyncStatus } from '../../../../src-shared/contract';
import type { QueueOp as Op } from './queueColumns';
import { countLabel, FILTERS } from './queueFilters';

export function QueueToolbar({
  filter,
  onFilter,
  counts,
  onApplyToAll,
}: {
  filter: string;
  onFilter: (filter: string) => void;
  counts: SyncStatus['queue'] | undefined;
  /** Asks to apply an operation to every item of the queue (a confirmation follows). */
  onApplyToAll: (op: Op) => void;
}) {
  return (
    <Group justify="space-between" mb="sm" gap="sm">
      <SegmentedControl
        aria-label="Filter the queue by state"
        value={filter}
        onChange={onFilter}
        data={Object.entries(FILTERS).map(([value, f]) => ({
          value,
          label: `${f.label}${counts ? countLabel(value, counts) : ''}`,
        }))}
      />
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default">Apply to all…</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onApplyToAll('approve')}>Approve all awaiting review</Menu.Item>
          <Menu.Item onClick={() => onApplyToAll('release')}>Release all you held</Menu.Item>
          <Menu.Item onClick={() => onApplyToAll('hold')}>Hold all waiting</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => onApplyToAll('cancel')}>
            Cancel all
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
