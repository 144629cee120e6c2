// The bulk bar over the errors table: clear flags, retry, or resolve the selected flags one way.
import { Button } from '@mantine/core';
import type { Resolution } from '../../../../src-shared/domain';
import { BulkBar } from '../../components/BulkBar';
import { tableRegionId } from '../../components/VirtualTable';
import type { Selection } from '../../hooks/useSelection';

export function ErrorsBulkBar({
  selection,
  busy,
  onBulk,
  onResolve,
  tableLabel,
}: {
  selection: Selection;
  busy: string | null;
  onBulk: (action: 'clear' | 'retry') => void;
  onResolve: (action: Resolution) => void;
  tableLabel: string;
}) {
  return (
    <BulkBar count={selection.size} onClear={selection.clear} returnFocusTo={tableRegionId(tableLabel)}>
      <Button size="xs" variant="default" loading={busy === 'clear'} onClick={() => onBulk('clear')}>
        Clear flag
      </Button>
      <Button size="xs" variant="default" loading={busy === 'retry'} onClick={() => onBulk('retry')}>
        Retry
      </Button>
      <Button size="xs" variant="default" loading={busy === 'link'} onClick={() => onResolve('link')}>
        Link to the matched record
      </Button>
      <Button size="xs" variant="default" loading={busy === 'create'} onClick={() => onResolve('create')}>
        Create a new record
      </Button>
      <Button size="xs" variant="default" loading={busy === 'skip'} onClick={() => onResolve('skip')}>
        Don't sync
      </Button>
    </BulkBar>
  );
}
