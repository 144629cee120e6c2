// The end of an item that reached its record: recorded as created or linked, or, for a synced contact
// queued again (its update, its reply stage), as a follow-up, so that `sync run` and the Activity screen
// do not count it as linked a second time. The update and the stage move are counted for what they did.
import type { SyncCounts } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { recordSynced, type WorkItem } from './outcomes';

export interface StepsDone {
  updated: 'updated' | 'done';
  moved: 'moved' | 'done';
}

export function finishItem(
  ctx: Ctx,
  item: WorkItem & { syncedBefore: boolean },
  rfId: number,
  how: 'created' | 'linked',
  hadLink: boolean,
  steps: StepsDone,
  counts: SyncCounts,
): 'created' | 'linked' | 'followed_up' {
  if (steps.updated === 'updated') counts.updated += 1;
  if (steps.moved === 'moved') counts.moved += 1;
  // Synced before and still linked here: nothing new was created or linked, the record was followed up.
  if (!(item.syncedBefore && hadLink && how === 'linked')) {
    recordSynced(ctx, item, rfId, how);
    return how;
  }
  const did = [steps.updated === 'updated' ? 'updated' : '', steps.moved === 'moved' ? 'moved to its stage' : ''].filter(Boolean);
  const followUp =
    did.length === 2 ? 'updated_moved' : steps.updated === 'updated' ? 'updated' : steps.moved === 'moved' ? 'moved' : 'unchanged';
  recordSynced(ctx, item, rfId, 'followed_up', `: ${did.length > 0 ? did.join(', ') : 'nothing to change'}`, followUp);
  return 'followed_up';
}
