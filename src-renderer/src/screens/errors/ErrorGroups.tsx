import { Badge, NavLink, Paper, ScrollArea, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';

/** Errors grouped by message: pick one to see only its enrollments. */
export function ErrorGroups({
  groups,
  total,
  value,
  onChange,
}: {
  groups: { error: string; count: number }[];
  total: number;
  value: string | null;
  onChange: (error: string | null) => void;
}) {
  return (
    <Paper withBorder p={4} w={260} style={{ flexShrink: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6} id="error-groups-label">
        Group by error
      </Text>
      <ScrollArea.Autosize mah="calc(100dvh - 300px)" type="auto">
        <nav aria-labelledby="error-groups-label">
          <NavLink
            component="button"
            label="All errors"
            active={value === null}
            aria-current={value === null ? 'true' : undefined}
            onClick={() => onChange(null)}
            rightSection={<Badge size="sm" variant="light">{formatNumber(total)}</Badge>}
          />
          {groups.map((g) => (
            <NavLink
              key={g.error}
              component="button"
              label={<Text size="sm" lineClamp={2}>{g.error}</Text>}
              title={g.error}
              active={value === g.error}
              aria-current={value === g.error ? 'true' : undefined}
              onClick={() => onChange(g.error)}
              rightSection={<Badge size="sm" variant="light" color="red">{formatNumber(g.count)}</Badge>}
            />
          ))}
        </nav>
      </ScrollArea.Autosize>
    </Paper>
  );
}
