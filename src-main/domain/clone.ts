// Cloning the current user's Recruiterflow settings to teammates. Never the key, never the connection.
import { normalizeEmail, type CloneResult } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { allUsers } from '../store/users';
import { updateSettings, writeRequiredFields } from '../store/settings';
import { getMapping, writeMapping } from './mapping';
import { settingsRow } from './settings';
import { currentUserRow, integrationOf } from './users';

export function planClone(ctx: Pick<Ctx, 'db'>, target: { to?: string[]; all?: boolean }): CloneResult & { ids: number[] } {
  const me = currentUserRow(ctx);
  if (me.role === 'member') throw new AppError('forbidden', 'Only owners and managers can clone their settings to teammates');
  if (!target.all && (!target.to || target.to.length === 0))
    throw new AppError('invalid_input', 'Name teammates (--to) or choose all (--to-all)');
  const everyone = allUsers(ctx);
  let chosen = everyone;
  if (!target.all) {
    const wanted = [...new Set(target.to!.map(normalizeEmail))];
    const unknown = wanted.filter((e) => !everyone.some((u) => u.email === e));
    if (unknown.length > 0) throw new AppError('not_found', `No teammate with email ${unknown.join(', ')}`);
    chosen = everyone.filter((u) => wanted.includes(u.email));
  }
  const result: CloneResult & { ids: number[] } = { cloned: [], skipped: [], ids: [] };
  for (const user of chosen) {
    if (user.id === me.id) {
      // The caller appears in neither list when cloning to all; named explicitly, say why nothing happened.
      if (!target.all) result.skipped.push({ email: user.email, reason: 'self' });
      continue;
    }
    const integration = integrationOf(ctx, user);
    if (integration === 'recruiterflow') {
      result.cloned.push(user.email);
      result.ids.push(user.id);
    } else {
      result.skipped.push({ email: user.email, reason: integration === 'other' ? 'different_integration' : 'no_integration' });
    }
  }
  return result;
}

export function cloneSettings(ctx: Pick<Ctx, 'db' | 'events'>, target: { to?: string[]; all?: boolean }): CloneResult {
  const plan = planClone(ctx, target);
  const me = currentUserRow(ctx);
  const mine = settingsRow(ctx, me.id);
  const mapping = getMapping(ctx, me.id);
  ctx.db.transaction(() => {
    for (const id of plan.ids) {
      settingsRow(ctx, id);
      updateSettings(ctx, id, {
        syncMode: mine.syncMode,
        syncAs: mine.syncAs,
        dedup: mine.dedup,
        defaultJobId: mine.defaultJobId,
        defaultStage: mine.defaultStage,
        reviewBeforeSync: mine.reviewBeforeSync,
        defaultCurrency: mine.defaultCurrency,
      });
      writeMapping(ctx, id, mapping.rules);
      writeRequiredFields(ctx, id, mapping.required);
    }
  });
  ctx.events.emit('data:changed', { what: 'users' });
  return { cloned: plan.cloned, skipped: plan.skipped };
}
