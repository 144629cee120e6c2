// The update step: a record that existed before this attempt (found by the lookup, linked earlier, or a
// synced contact queued again because its data changed) gets the fields its mapping rules allow. It reads
// the record first, sends ONE update with only what differs, and logs every field changed with its old and
// new value. Reading first makes it safe to repeat: after a crash or a lost answer the retry finds the
// values already there and sends nothing. The log stays true too: the planned changes are stored before the
// request (store/pendingUpdates.ts), and a retry that finds them on the record logs that update as done.
import type { CustomFieldDef, FieldChange, MappingRule, SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { targetLabel } from '../domain/mapping';
import { settingsRow } from '../domain/settings';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError, type RecruiterflowClient } from '../recruiterflow';
import { insertFieldChanges } from '../store/fieldChanges';
import { clearPendingUpdate, pendingUpdateOf, savePendingUpdate, type PendingUpdate } from '../store/pendingUpdates';
import { planFieldUpdate, writableRules } from './fieldUpdate';
import type { WorkItem } from './outcomes';
import type { ContactSource } from './payload';

export interface UpdateStepInput {
  item: WorkItem & { contact: ContactSource };
  rfId: number;
  rfType: SyncAs;
  /** False when this attempt created the record: it holds what we would write. */
  existed: boolean;
  rules: MappingRule[];
  customFields: CustomFieldDef[];
}

export interface UpdateStepIo {
  /** Sends one call, retrying 429s as the engine does. */
  send: <T>(call: () => Promise<T>) => Promise<T>;
  /** Renews the claim before a request; false when another claim holds the item now. */
  keep: () => boolean;
}

/**
 * 'updated' when an update of this item was sent (or found made by an attempt that died before logging it),
 * 'done' when there was nothing to change, 'released' when the claim was lost before a request: the new
 * holder finishes the item.
 */
export async function runUpdateStep(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  client: RecruiterflowClient,
  input: UpdateStepInput,
  io: UpdateStepIo,
): Promise<'updated' | 'done' | 'released'> {
  const { item, rfId, rfType } = input;
  // No rule writes to existing records (the default): no read, no update, as before write rules existed.
  if (!input.existed || writableRules(input.rules).length === 0) return 'done';
  if (!io.keep()) return 'released';
  const current = await io.send(() => (rfType === 'candidate' ? client.getCandidate(rfId) : client.getContact(rfId)));
  const plan = planFieldUpdate(item.contact, input.rules, rfType, input.customFields, current, {
    defaultCurrency: settingsRow(ctx, item.userId).defaultCurrency,
  });
  // An update planned by an attempt that died before logging it: when the record holds what it planned
  // (nothing of it left to change), it went through, and is logged now, once. Otherwise it never arrived,
  // and the plan below sends it again.
  const pending = pendingUpdateOf(ctx.sqlite, item.enrollmentId);
  const recovered = pending !== null && pending.rfId === rfId && landed(pending, plan.changes);
  if (pending && recovered) recordUpdated(ctx, item, pending);
  else if (pending) clearPendingUpdate(ctx.sqlite, item.enrollmentId);
  if (plan.problems.length > 0) throw new RecruiterflowError('invalid_data', plan.problems.join('; '));
  if (Object.keys(plan.body).length === 0) return recovered ? 'updated' : 'done';
  if (!io.keep()) return 'released';
  const planned: PendingUpdate = { rfType, rfId, changes: plan.changes };
  savePendingUpdate(ctx.sqlite, ctx.clock.now(), item.enrollmentId, planned);
  await io.send(() => client.sendUpdate(rfType, rfId, plan.body));
  recordUpdated(ctx, item, planned);
  return 'updated';
}

/** Whether every field the pending update planned now reads as planned (the new plan leaves it alone). */
function landed(pending: PendingUpdate, stillToChange: FieldChange[]): boolean {
  return pending.changes.every((c) => !stillToChange.some((s) => s.field === c.field));
}

/** The log line and its field changes, and the pending plan gone, in one transaction. */
function recordUpdated(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>, item: WorkItem, update: PendingUpdate): void {
  const { rfType, rfId, changes } = update;
  const list = changes.map((c) => `${targetLabel(ctx, c.field)}: "${c.old}" → "${c.new}"`).join('; ');
  ctx.sqlite.transaction(() => {
    const logId = logEvent(ctx, 'info', 'sync.updated', `Updated ${rfType} #${rfId}: ${list || 'fields merged'}`, item);
    insertFieldChanges(ctx.sqlite, ctx.clock.now(), logId, { enrollmentId: item.enrollmentId, email: item.email, rfType, rfId }, changes);
    clearPendingUpdate(ctx.sqlite, item.enrollmentId);
  })();
}
