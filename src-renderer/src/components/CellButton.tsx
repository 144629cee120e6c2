import { Anchor } from '@mantine/core';

const CELL_STYLE = { display: 'block', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: 'left' } as const;

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
