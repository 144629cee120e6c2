// The update step: a record that existed before this attempt (found by the lookup, linked earlier, or a
// synced contact queued again because its data changed) gets the fields its mapping rules allow. It reads
// the record first, sends ONE update with only what differs, and logs every field changed with its old and
// new value. Reading first makes it safe to repeat: after a crash or a lost answer the retry finds the
// values already there and sends nothing.
import type { CustomFieldDef, FieldChange, MappingRule, SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { targetLabel } from '../domain/mapping';
import { settingsRow } from '../domain/settings';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError, type RecruiterflowClient } from '../recruiterflow';
import { insertFieldChanges } from '../store/fieldChanges';
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

/** 'released' when the claim was lost before a request: the new holder finishes the item. */
export async function runUpdateStep(
  ctx: Ctx,
  client: RecruiterflowClient,
  input: UpdateStepInput,
  io: UpdateStepIo,
): Promise<'done' | 'released'> {
  const { item, rfId, rfType } = input;
  // No rule writes to existing records (the default): no read, no update, as before write rules existed.
  if (!input.existed || writableRules(input.rules).length === 0) return 'done';
  if (!io.keep()) return 'released';
  const current = await io.send(() => (rfType === 'candidate' ? client.getCandidate(rfId) : client.getContact(rfId)));
  const plan = planFieldUpdate(item.contact, input.rules, rfType, input.customFields, current, {
    defaultCurrency: settingsRow(ctx, item.userId).defaultCurrency,
  });
  if (plan.problems.length > 0) throw new RecruiterflowError('invalid_data', plan.problems.join('; '));
  if (Object.keys(plan.body).length === 0) return 'done';
  if (!io.keep()) return 'released';
  await io.send(() => client.sendUpdate(rfType, rfId, plan.body));
  recordUpdated(ctx, item, rfType, rfId, plan.changes);
  return 'done';
}

function recordUpdated(ctx: Ctx, item: WorkItem, rfType: SyncAs, rfId: number, changes: FieldChange[]): void {
  const list = changes.map((c) => `${targetLabel(ctx, c.field)}: "${c.old}" → "${c.new}"`).join('; ');
  ctx.sqlite.transaction(() => {
    logEvent(ctx, 'info', 'sync.updated', `Updated ${rfType} #${rfId}: ${list || 'fields merged'}`, item);
    const logId = ctx.sqlite.prepare('select last_insert_rowid()').pluck().get() as number;
    insertFieldChanges(ctx.sqlite, ctx.clock.now(), logId, { enrollmentId: item.enrollmentId, email: item.email, rfType, rfId }, changes);
  })();
}
