// The Recruiterflow side of the mapping editor: standard and custom fields merged by target name
// (candidate and contact custom fields have separate ids, so one `custom:<id>` may name a field on each),
// and a check of a sample value against a field's type.
import type { MappingCatalog } from '../../../../../src-shared/contract';
import { isValidEmail, type SyncAs } from '../../../../../src-shared/domain';

export interface TargetDef {
  label: string;
  type: string;
  choices: string[];
  object: SyncAs;
  custom: boolean;
}

export type TargetIndex = Map<string, TargetDef[]>;

export function buildTargetIndex(catalog: MappingCatalog): TargetIndex {
  const index: TargetIndex = new Map();
  const add = (target: string, def: TargetDef) => {
    const list = index.get(target) ?? [];
    if (!list.some((d) => d.object === def.object)) list.push(def);
    index.set(target, list);
  };
  for (const t of catalog.targets) {
    const custom = t.target.startsWith('custom:');
    const objects: SyncAs[] = t.object === 'both' ? ['candidate', 'contact'] : [t.object];
    for (const object of objects) add(t.target, { label: t.label, type: t.type, choices: t.choices, object, custom });
  }
  for (const f of catalog.customFields) {
    add(`custom:${f.id}`, { label: f.name, type: f.type, choices: f.choices.map((c) => c.name), object: f.object, custom: true });
  }
  return index;
}

const OBJECT_SUFFIX = /\s*\((candidate|contact) custom field\)$/i;

/** "Seniority · single_select · candidates only": name, type and, for one-object fields, which object. */
function describeTarget(target: string, defs: TargetDef[]): string {
  if (!defs.length) return target;
  const names = [...new Set(defs.map((d) => `${d.label.replace(OBJECT_SUFFIX, '')} · ${d.type}`))];
  const objects = defs.length === 2 ? '' : ` · ${defs[0]!.object}s only`;
  return `${names.join(' / ')}${objects}`;
}

export function targetSelectData(index: TargetIndex) {
  const standard: { value: string; label: string }[] = [];
  const custom: { value: string; label: string }[] = [];
  for (const [target, defs] of index) {
    const item = { value: target, label: describeTarget(target, defs) };
    (defs.some((d) => d.custom) ? custom : standard).push(item);
  }
  standard.sort((a, b) => a.label.localeCompare(b.label));
  custom.sort((a, b) => a.label.localeCompare(b.label));
  return [
    { group: 'Recruiterflow standard fields', items: standard },
    { group: 'Recruiterflow custom fields', items: custom },
  ].filter((g) => g.items.length);
}

const norm = (x: string) => x.trim().replace(/\s+/g, ' ').toLowerCase();
const AMOUNT = /^[-+]?\d[\d.,]*\s*[kKmM]?$/;

function isAmount(x: string): boolean {
  return AMOUNT.test(x.replace(/[$€£¥]|\b[A-Za-z]{3}\b/g, '').trim());
}

/**
 * Why `value` does not fit a field of this type, or null when it fits (or cannot be judged here).
 * A quick check for the editor; the payload preview's problems (from the backend) are authoritative.
 */
export function checkValue(def: TargetDef, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const type = def.type.toLowerCase();
  const inChoices = (x: string) => def.choices.some((c) => norm(c) === norm(x));
  const choices = def.choices.join(', ');
  if (/multi/.test(type)) {
    if (!def.choices.length) return null;
    const parts = v
      .split(';')
      .flatMap((p) => (inChoices(p) ? [p] : p.split(',')))
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = parts.filter((p) => !inChoices(p));
    return bad.length
      ? `“${bad.join('”, “')}” ${bad.length === 1 ? 'is not an option' : 'are not options'} of ${def.label} (${choices})`
      : null;
  }
  if (/single|dropdown|select|choice|radio|option/.test(type)) {
    return def.choices.length && !inChoices(v) ? `“${v}” is not an option of ${def.label} (${choices})` : null;
  }
  if (/range/.test(type)) {
    const parts = v.split(/\s*(?:-|–|to)\s*/).filter(Boolean);
    return parts.length === 2 && parts.every(isAmount) ? null : `${def.label} takes a range such as “100000-150000 USD”, not “${v}”`;
  }
  if (/money|currency|number|int|float|decimal|numeric/.test(type)) {
    return isAmount(v) ? null : `${def.label} takes a number, not “${v}”`;
  }
  if (/date/.test(type)) {
    return Number.isNaN(Date.parse(v)) && !/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(v) ? `${def.label} takes a date, not “${v}”` : null;
  }
  if (/yes|bool|check/.test(type)) {
    return /^(yes|y|true|1|no|n|false|0)$/i.test(v) ? null : `${def.label} takes yes or no, not “${v}”`;
  }
  if (/email/.test(type)) return isValidEmail(v) ? null : `${def.label} takes an email address, not “${v}”`;
  if (/url|link/.test(type)) {
    try {
      new URL(/^https?:\/\//i.test(v) ? v : `https://${v}`);
      return null;
    } catch {
      return `${def.label} takes a web address, not “${v}”`;
    }
  }
  return null;
}
