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

export function describeTarget(target: string, defs: TargetDef[]): string {
  if (!defs.length) return target;
  const names = [...new Set(defs.map((d) => `${d.label} (${d.type})`))];
  const objects = defs.length === 2 ? '' : ` — ${defs[0]!.object}s only`;
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

/** Why `value` does not fit a field of this type, or null when it fits (or the type is free text). */
export function checkValue(def: TargetDef, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const type = def.type.toLowerCase();
  const inChoices = (x: string) => def.choices.some((c) => c.toLowerCase() === x.toLowerCase());
  if (/multi/.test(type)) {
    const bad = v.split(';').map((p) => p.trim()).filter((p) => p && def.choices.length && !inChoices(p));
    return bad.length ? `“${bad.join('”, “')}” ${bad.length === 1 ? 'is not an option' : 'are not options'} of ${def.label} (${def.choices.join(', ')})` : null;
  }
  if (/dropdown|select|choice|radio|option/.test(type)) {
    return def.choices.length && !inChoices(v) ? `“${v}” is not an option of ${def.label} (${def.choices.join(', ')})` : null;
  }
  if (/number|int|float|decimal|currency|numeric/.test(type)) {
    return Number.isFinite(Number(v.replace(/,/g, ''))) ? null : `${def.label} takes a number, not “${v}”`;
  }
  if (/date/.test(type)) {
    return Number.isNaN(Date.parse(v)) ? `${def.label} takes a date, not “${v}”` : null;
  }
  if (/bool|checkbox/.test(type)) {
    return /^(true|false|yes|no|1|0)$/i.test(v) ? null : `${def.label} takes yes/no, not “${v}”`;
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
