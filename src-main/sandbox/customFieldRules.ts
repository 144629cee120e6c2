// Server-side check of `custom_fields` in add/update bodies, per the write format in Recruiterflow's API documentation
// (the one recruiterflow/customFields.ts produces).
// Real Recruiterflow's validation is undocumented; this is deliberately strict so that client
// formatting mistakes show up here rather than in production.
import type { SandboxCustomField } from './types';

export type FieldCheck = { ok: true; list: { id: number; value: unknown }[] } | { ok: false; field: string; problem: string };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Why `value` is not acceptable for `def`, or null when it is. */
function problemWith(def: SandboxCustomField, value: unknown): string | null {
  if (value === null) return null; // clears the field
  const choices = (def.choices ?? []).map((c) => c.name);
  switch (def.type) {
    case 'single_select':
      if (typeof value !== 'string') return `expected a choice name (string), got ${show(value)}`;
      return choices.includes(value) ? null : `${show(value)} is not a valid choice (${choices.join(', ')})`;
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) return `expected a list of choice names, got ${show(value)}`;
      const bad = value.filter((x) => !choices.includes(x));
      return bad.length ? `${bad.map(show).join(', ')} not valid choices (${choices.join(', ')})` : null;
    }
    case 'short_text':
    case 'long_text':
    case 'text':
      return typeof value === 'string' ? null : `expected text, got ${show(value)}`;
    case 'money':
      if (!isObj(value) || !isNum(value.number)) return `expected {"number": <amount>, "currency": "USD"}, got ${show(value)}`;
      return typeof value.currency === 'string' && /^[A-Z]{3}$/.test(value.currency)
        ? null
        : `currency must be a 3-letter code, got ${show(value.currency)}`;
    case 'money_range':
      if (!isObj(value) || !isNum(value.number1) || !isNum(value.number2)) {
        return `expected {"number1": <from>, "number2": <to>, "currency": "USD"}, got ${show(value)}`;
      }
      if (value.currency !== undefined && !(typeof value.currency === 'string' && /^[A-Z]{3}$/.test(value.currency))) {
        return `currency must be a 3-letter code, got ${show(value.currency)}`;
      }
      return null;
    case 'number':
      return isNum(value) ? null : `expected a number, got ${show(value)}`;
    case 'date':
      return typeof value === 'string' && validDate(value) ? null : `expected a date as YYYY-MM-DD, got ${show(value)}`;
    case 'yes_no':
      return value === 0 || value === 1 ? null : `expected 0 or 1, got ${show(value)}`;
    default:
      return null;
  }
}

export function checkCustomFields(defs: SandboxCustomField[], input: unknown): FieldCheck {
  if (!Array.isArray(input)) return { ok: false, field: 'custom_fields', problem: 'expected a list of {"id", "value"}' };
  const list: { id: number; value: unknown }[] = [];
  for (const entry of input) {
    if (!isObj(entry) || typeof entry.id !== 'number' || !Number.isInteger(entry.id)) {
      return { ok: false, field: 'custom_fields', problem: `each entry needs an integer "id", got ${show(entry)}` };
    }
    const def = defs.find((d) => d.id === entry.id);
    if (!def) return { ok: false, field: `id ${entry.id}`, problem: 'no such custom field' };
    if (!('value' in entry)) return { ok: false, field: def.name, problem: 'missing "value"' };
    const problem = problemWith(def, entry.value);
    if (problem) return { ok: false, field: def.name, problem };
    list.push({ id: entry.id, value: entry.value });
  }
  return { ok: true, list };
}
