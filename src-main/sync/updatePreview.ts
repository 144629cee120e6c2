// The dry run of the update step (sync/updateStep.ts): the read of the record and the one update its
// write rules allow, with the fields and the values the contact would give them.
import type { PlannedRequest } from '../../src-shared/contract';
import type { SyncAs } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import { effectiveRules, rulesFor, targetLabel, writeRuleOf } from '../domain/mapping';
import { cachedCustomFields } from '../domain/metadata';
import { settingsRow } from '../domain/settings';
import { planGet, planUpdate } from '../recruiterflow';
import { writableTargets } from './fieldUpdate';
import type { RfLink } from '../store/links';
import { buildPayload, type ContactSource } from './payload';

export interface UpdatePreviewRow extends ContactSource {
  userId: number;
  syncAs: SyncAs;
  version: number;
}

/** `link`: the record this enrollment is linked to already, or null (the lookup decides). */
export function plannedUpdate(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  row: UpdatePreviewRow,
  link: RfLink | null,
): { requests: PlannedRequest[]; said: string } {
  const rules = effectiveRules(rulesFor(ctx, row.userId, row.version));
  const targets = writableTargets(row, rules);
  if (targets.length === 0) return { requests: [], said: '' };
  const type = link?.type ?? row.syncAs;
  const writing = rules.filter((r) => targets.includes(r.target));
  const body = buildPayload(row, writing, type, cachedCustomFields(ctx), {
    defaultCurrency: settingsRow(ctx, row.userId).defaultCurrency,
  }).body;
  const sent = Object.fromEntries(
    Object.entries(body).filter(([k]) => (k === 'custom_fields' ? targets.some((t) => t.startsWith('custom:')) : targets.includes(k))),
  );
  const names = targets
    .map((t) => `${targetLabel(ctx, t)} (${writeRuleOf(writing.find((r) => r.target === t)!) === 'always' ? 'always' : 'if blank there'})`)
    .join(', ');
  const id = link?.id ?? 0;
  const read = planGet(type, id);
  const update = planUpdate(type, id, sent);
  const unknownId = (p: PlannedRequest): PlannedRequest =>
    link ? p : { ...p, path: p.path.replace('id=0', 'id=<found id>'), body: p.body && { ...p.body, id: '<found id>' } };
  const when = link ? '' : 'Only if a lookup finds the record. ';
  return {
    requests: [
      {
        ...unknownId(read),
        conditional: !link,
        note: `${when}Read ${type} ${link ? `#${link.id}` : ''} before updating it`.replace(/\s+/g, ' '),
      },
      {
        ...unknownId(update),
        conditional: true,
        note: `${when}Update only the fields that differ, custom fields as the whole list merged with what was read: ${names}`,
      },
    ],
    said: `Write rules: ${names}.`,
  };
}
