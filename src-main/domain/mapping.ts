// Versioned custom field mapping. `mapping set` writes a new version; enrollments keep the version
// they were captured with, so a change applies only to contacts added afterwards.
import type { Mapping, MappingRule, WriteRule } from '../../src-shared/domain';
import { CONTACT_FIELDS } from '../../src-shared/domain';
import type { MappingCatalog } from '../../src-shared/contract';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { firstContactEmail, recentExtras } from '../store/contacts';
import { insertRules, rulesOfVersion } from '../store/mappingRules';
import { readRequiredFields, updateSettings, writeRequiredFields } from '../store/settings';
import { cachedCustomFields } from './metadata';
import { settingsRow } from './settings';
import { currentUserRow } from './users';

/** Recruiterflow standard fields a rule may target, with how a value is written. */
const STANDARD_TARGETS: MappingCatalog['targets'] = [
  { target: 'first_name', label: 'First name', type: 'text', object: 'both', choices: [] },
  { target: 'last_name', label: 'Last name', type: 'text', object: 'both', choices: [] },
  { target: 'title', label: 'Title', type: 'text', object: 'both', choices: [] },
  { target: 'organization', label: 'Organization', type: 'text', object: 'both', choices: [] },
  { target: 'client_company', label: 'Client company', type: 'text', object: 'contact', choices: [] },
  { target: 'phone_number', label: 'Phone', type: 'text', object: 'both', choices: [] },
  { target: 'linkedin_profile', label: 'LinkedIn profile', type: 'url', object: 'both', choices: [] },
  { target: 'twitter_profile', label: 'Twitter profile', type: 'url', object: 'both', choices: [] },
  { target: 'github_profile', label: 'GitHub profile', type: 'url', object: 'both', choices: [] },
  { target: 'location', label: 'Location', type: 'text', object: 'both', choices: [] },
  { target: 'source', label: 'Source', type: 'text', object: 'both', choices: [] },
  { target: 'tags', label: 'Tags (split on ;)', type: 'list', object: 'both', choices: [] },
  { target: 'skills', label: 'Skills (split on ;)', type: 'list', object: 'both', choices: [] },
];

/** The default mapping of the standard fields; a custom rule for the same source replaces its entry. */
const DEFAULT_RULES: MappingRule[] = [
  { source: 'first_name', target: 'first_name' },
  { source: 'last_name', target: 'last_name' },
  { source: 'title', target: 'title' },
  { source: 'company', target: 'organization' },
  { source: 'phone', target: 'phone_number' },
  { source: 'linkedin_url', target: 'linkedin_profile' },
  { source: 'location', target: 'location' },
];

/** The rules of one mapping version; `write` is shown only where it is not the default (never). */
export function rulesFor(ctx: Pick<Ctx, 'db'>, userId: number, version: number): MappingRule[] {
  return rulesOfVersion(ctx, userId, version).map((r) => (r.write === 'never' ? { source: r.source, target: r.target } : r));
}

/**
 * Custom rules layered over the defaults: the full rule set an enrollment is synced with. A default field
 * gets a write rule by a custom rule for the same source (`title=title`, write always).
 */
export function effectiveRules(custom: MappingRule[]): MappingRule[] {
  const overridden = new Set(custom.map((rule) => rule.source));
  return [...DEFAULT_RULES.filter((rule) => !overridden.has(rule.source)), ...custom];
}

export function writeRuleOf(rule: MappingRule): WriteRule {
  return rule.write ?? 'never';
}

export function getMapping(ctx: Pick<Ctx, 'db'>, userId = currentUserRow(ctx).id): Mapping {
  const version = settingsRow(ctx, userId).mappingVersion;
  return { version, rules: rulesFor(ctx, userId, version), required: readRequiredFields(ctx, userId) };
}

/** Known Recruiterflow field names (standard targets), for checking a required field or a rule's target. */
function knownTarget(target: string): boolean {
  return target.startsWith('custom:') || STANDARD_TARGETS.some((t) => t.target === target);
}

/**
 * Sets which Recruiterflow fields the account requires. Not versioned: it describes the account as it is
 * now, and a create Recruiterflow would refuse is refused as surely for a contact added last week.
 */
export function setRequiredFields(ctx: Pick<Ctx, 'db' | 'events'>, fields: string[]): Mapping {
  const unknown = fields.filter((f) => f !== 'email' && !knownTarget(f));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      `Unknown Recruiterflow field ${unknown.join(', ')}; use one of ${STANDARD_TARGETS.map((t) => t.target).join(', ')} or custom:<fieldId>`,
    );
  }
  const user = currentUserRow(ctx);
  writeRequiredFields(ctx, user.id, fields);
  ctx.events.emit('data:changed', { what: 'mapping' });
  return getMapping(ctx, user.id);
}

/** Field changes with the name a recruiter knows each field by. */
export function withLabels<T extends { field: string }>(
  ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>,
  changes: T[],
): (T & { label: string })[] {
  return changes.map((c) => ({ ...c, label: targetLabel(ctx, c.field) }));
}

/** A field's label for messages: "Title", "Hiring Budget" (a custom field by its name, else "custom field 201"). */
export function targetLabel(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>, target: string): string {
  const standard = STANDARD_TARGETS.find((t) => t.target === target);
  if (standard) return standard.label;
  if (target === 'email') return 'Email';
  const id = Number(target.slice('custom:'.length));
  const def = cachedCustomFields(ctx).find((f) => f.id === id);
  return def ? def.name : `custom field ${id}`;
}

export function validateRules(rules: MappingRule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule.source === 'email')
      throw new AppError('invalid_input', 'The email is always synced as the record email; it cannot be remapped');
    if (seen.has(rule.source)) throw new AppError('invalid_input', `Source ${rule.source} is mapped twice`);
    seen.add(rule.source);
    if (!knownTarget(rule.target)) {
      throw new AppError(
        'invalid_input',
        `Unknown Recruiterflow field ${rule.target}; use one of ${STANDARD_TARGETS.map((t) => t.target).join(', ')} or custom:<fieldId>`,
      );
    }
  }
}

/** Replaces the custom rules of `userId` with a new version (inside the caller's transaction if any). */
export function writeMapping(ctx: Pick<Ctx, 'db'>, userId: number, rules: MappingRule[]): number {
  validateRules(rules);
  return ctx.db.transaction(() => {
    const current = settingsRow(ctx, userId).mappingVersion;
    const next = current + 1;
    insertRules(
      ctx,
      userId,
      next,
      rules.map((rule) => ({ source: rule.source, target: rule.target, write: rule.write ?? 'never' })),
    );
    updateSettings(ctx, userId, { mappingVersion: next });
    return next;
  });
}

export function setMapping(ctx: Pick<Ctx, 'db' | 'events'>, rules: MappingRule[]): Mapping {
  const user = currentUserRow(ctx);
  writeMapping(ctx, user.id, rules);
  ctx.events.emit('data:changed', { what: 'mapping' });
  return getMapping(ctx, user.id);
}

/** Extra CSV column names seen on contacts (sampled: a mapping source list, not an exact census). */
function extraColumns(ctx: Pick<Ctx, 'db'>): string[] {
  const names = new Set<string>();
  for (const extra of recentExtras(ctx)) {
    for (const key of Object.keys(JSON.parse(extra) as Record<string, string>)) names.add(key);
  }
  return [...names].sort();
}

export function mappingCatalog(ctx: Pick<Ctx, 'clock' | 'db' | 'fetch' | 'secrets' | 'sqlite'>): MappingCatalog {
  const customFields = cachedCustomFields(ctx);
  const sources = [
    ...CONTACT_FIELDS.map((name) => ({ name, kind: 'standard' as const })),
    ...extraColumns(ctx).map((name) => ({ name, kind: 'extra' as const })),
  ];
  const targets = [
    ...STANDARD_TARGETS,
    ...customFields.map((f) => ({
      target: `custom:${f.id}`,
      label: `${f.name} (${f.object} custom field)`,
      type: f.type,
      object: f.object,
      choices: f.choices.map((c) => c.name),
    })),
  ];
  return { sources, targets, customFields, defaults: DEFAULT_RULES };
}

export function sampleContactEmail(ctx: Pick<Ctx, 'db'>): string | null {
  return firstContactEmail(ctx);
}
