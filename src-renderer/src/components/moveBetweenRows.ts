// Keyboard movement between the rows of a virtualized table.
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Arrow Up/Down from a control in a row moves to the same column's control in the row above or below
 * (rows scroll into view and the virtualizer renders them), so a long table needs no Tab marathon.
 */
export function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  // Popovers and menus are portalled, but their React events still bubble here.
  if (!event.currentTarget.contains(target) || target.getAttribute('aria-expanded') === 'true') return;
  const cell = target.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return;
  const column = Array.prototype.indexOf.call(row.children, cell);
  const within = Array.prototype.indexOf.call(cell.querySelectorAll(FOCUSABLE), target);
  const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  if (!next || next.getAttribute('aria-hidden') === 'true') return; // the spacer past the rendered rows
  const controls = next?.children[column]?.querySelectorAll<HTMLElement>(FOCUSABLE);
  const control = controls?.[Math.max(0, within)] ?? controls?.[0];
  if (!control) return;
  event.preventDefault();
  control.focus();
}
