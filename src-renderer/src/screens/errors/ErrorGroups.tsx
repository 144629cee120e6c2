import { Select } from '@mantine/core';
import type { ErrorGroup } from '../../../../src-shared/domain';
import { formatNumber } from '../../lib/format';

const ALL = '__all__';

/**
 * Errors grouped by code and cause ("Expected Salary: not a number", whatever the value was): pick one to
 * see only its enrollments. (A select, so the error texts stay out of the page's button names.)
 */
export function ErrorGroups({
  groups,
  total,
  value,
  onChange,
}: {
  groups: ErrorGroup[];
  total: number;
  value: string | null;
  onChange: (error: string | null) => void;
}) {
  return (
    <Select
      label="Group by error"
      w={340}
      allowDeselect={false}
      value={value ?? ALL}
      onChange={(v) => onChange(!v || v === ALL ? null : v)}
      data={[
        { value: ALL, label: `All errors (${formatNumber(total)})` },
        ...groups.map((g) => ({ value: g.key, label: `${g.error || 'No message'} (${formatNumber(g.count)})` })),
      ]}
      comboboxProps={{ width: 480, position: 'bottom-start' }}
    />
  );
}
