import { Anchor, Text } from '@mantine/core';
import { formatDateTime, formatWhen } from '../lib/format';

const CELL_STYLE = {
  display: 'block',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  textAlign: 'left',
} as const;

/** A link-styled button that fits a table cell (one line, ellipsis). */
export function CellButton({ children, onClick, label }: { children: string; onClick: () => void; label?: string }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={onClick} aria-label={label} title={children} style={CELL_STYLE}>
      {children}
    </Anchor>
  );
}

/** A link that fits a table cell (one line, ellipsis). */
export function CellLink({ children, href }: { children: string; href: string }) {
  return (
    <Anchor href={href} size="sm" title={children} style={CELL_STYLE}>
      {children}
    </Anchor>
  );
}

/** Text that fits a table cell: one line, ellipsis, the whole value as a tooltip; a dimmed dash when empty. */
export function Truncated({ children, size = 'sm' }: { children: string | null | undefined; size?: 'xs' | 'sm' }) {
  if (!children) {
    return (
      <Text size={size} c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Text size={size} truncate title={children}>
      {children}
    </Text>
  );
}

/** A time in a table cell: short ("14:05" today), the full date and time as a tooltip. */
export function When({ at }: { at: number | null | undefined }) {
  return (
    <Text size="sm" truncate title={at ? formatDateTime(at) : undefined}>
      {formatWhen(at)}
    </Text>
  );
}
