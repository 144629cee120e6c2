// Turns a CSV cell into the value Recruiterflow expects for a custom field (the custom-field write format of Recruiterflow's API documentation):
//   single select "name" · multi select ["a","b"] · text "text" · money {number, currency}
//   money range {number1, number2, currency} · number 42 · date "YYYY-MM-DD" · yes/no 0|1
import type { CustomFieldDef } from '../../src-shared/domain';
import { normalizeFieldType } from './normalize';

export type FormatResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface FormatOptions {
  /** Currency for a bare amount such as "120000" (default USD). */
  defaultCurrency?: string;
}

type Kind = 'single' | 'multi' | 'text' | 'money' | 'money_range' | 'number' | 'date' | 'yes_no';

const KINDS: Record<string, Kind> = {
  single_select: 'single',
  dropdown: 'single',
  select: 'single',
  multi_select: 'multi',
  multiselect: 'multi',
  text: 'text',
  short_text: 'text',
  long_text: 'text',
  rich_text: 'text',
  textarea: 'text',
  money: 'money',
  currency: 'money',
  money_range: 'money_range',
  number: 'number',
  numeric: 'number',
  integer: 'number',
  decimal: 'number',
  date: 'date',
  yes_no: 'yes_no',
  yesno: 'yes_no',
  boolean: 'yes_no',
  checkbox: 'yes_no',
};

function customFieldKind(type: string): Kind | null {
  return KINDS[normalizeFieldType(type)] ?? null;
}

const quote = (s: string): string => JSON.stringify(s);

export function formatCustomFieldValue(def: CustomFieldDef, raw: string, opts: FormatOptions = {}): FormatResult {
  const name = def.name;
  const value = typeof raw === 'string' ? raw.trim() : '';
  const bad = (why: string): FormatResult => ({ ok: false, message: `${name}: ${quote(value)} ${why}` });
  const kind = customFieldKind(def.type);
  if (kind === null) return { ok: false, message: `${name}: fields of type "${def.type}" cannot be filled from a text value` };
  if (value === '') return { ok: false, message: `${name}: value is empty` };

  switch (kind) {
    case 'text':
      return { ok: true, value };
    case 'single': {
      const choice = matchChoice(def, value);
      return choice !== null ? { ok: true, value: choice } : bad(notOneOf(def));
    }
    case 'multi': {
      const picked: string[] = [];
      const unknown: string[] = [];
      for (const part of value
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const exact = matchChoice(def, part);
        if (exact !== null) {
          picked.push(exact);
          continue;
        }
        // "A, B" where neither half alone is wrong: accept commas too when every piece is a choice.
        const pieces = part
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const matched = pieces.map((p) => matchChoice(def, p));
        if (pieces.length > 1 && matched.every((m) => m !== null)) picked.push(...matched);
        else unknown.push(part);
      }
      if (unknown.length) {
        const list = unknown.map(quote).join(', ');
        return { ok: false, message: `${name}: ${list} ${unknown.length === 1 ? 'is' : 'are'} not one of ${choiceList(def)}` };
      }
      if (!picked.length) return { ok: false, message: `${name}: value is empty` };
      return { ok: true, value: [...new Set(picked)] };
    }
    case 'number': {
      const n = parseAmount(value.replace(/\s+/g, ''), true);
      return n === null ? bad('is not a number') : { ok: true, value: n };
    }
    case 'money': {
      const m = parseMoney(value, opts.defaultCurrency ?? 'USD');
      if (!m || m.amounts.length !== 1) return bad('is not an amount (write e.g. "120000 USD" or "$120,000")');
      return { ok: true, value: { number: m.amounts[0], currency: m.currency } };
    }
    case 'money_range': {
      const m = parseMoney(value, opts.defaultCurrency ?? 'USD');
      if (!m || m.amounts.length !== 2) return bad('is not an amount range (write e.g. "100000-150000 USD")');
      const [a, b] = m.amounts as [number, number];
      if (a > b) return bad('starts above where it ends');
      return { ok: true, value: { number1: a, number2: b, currency: m.currency } };
    }
    case 'date': {
      const d = parseDate(value);
      return typeof d === 'string' ? { ok: true, value: d } : bad(d.why);
    }
    case 'yes_no': {
      const v = value.toLowerCase();
      if (['yes', 'y', 'true', '1'].includes(v)) return { ok: true, value: 1 };
      if (['no', 'n', 'false', '0'].includes(v)) return { ok: true, value: 0 };
      return bad('is not yes or no');
    }
  }
}

function matchChoice(def: CustomFieldDef, v: string): string | null {
  const want = v.trim().replace(/\s+/g, ' ').toLowerCase();
  return def.choices.find((c) => c.name.trim().replace(/\s+/g, ' ').toLowerCase() === want)?.name ?? null;
}

function choiceList(def: CustomFieldDef): string {
  return def.choices.length ? def.choices.map((c) => c.name).join(', ') : '(no choices defined)';
}

function notOneOf(def: CustomFieldDef): string {
  return `is not one of ${choiceList(def)}`;
}

/**
 * "120000", "120,000", "120.000" (dot grouping), "1,234.50", "120k", "1.5M" → number.
 * `signed` allows a leading minus (plain numbers, not money).
 */
function parseAmount(s: string, signed = false, money = false): number | null {
  let t = s.trim();
  let sign = 1;
  if (signed && t.startsWith('-')) {
    sign = -1;
    t = t.slice(1);
  }
  let mult = 1;
  const suffix = /^(.*?)([kKmM])$/.exec(t);
  if (suffix) {
    t = suffix[1] ?? '';
    mult = suffix[2]?.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  }
  let n: number;
  // In amounts of money "95.000" is dot grouping (95000), not three decimals.
  if (money && /^\d{1,3}(\.\d{3})+$/.test(t)) n = Number(t.replace(/\./g, ''));
  else if (/^\d+(\.\d+)?$/.test(t)) n = Number(t);
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) n = Number(t.replace(/,/g, ''));
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) n = Number(t.replace(/\./g, '').replace(',', '.'));
  else if (/^\d+,\d{1,2}$/.test(t)) n = Number(t.replace(',', '.'));
  else return null;
  const out = sign * n * mult;
  return Number.isFinite(out) ? Math.round(out * 100) / 100 : null;
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY', '₣': 'CHF' };

function parseMoney(value: string, defaultCurrency: string): { amounts: number[]; currency: string } | null {
  const found = new Set<string>();
  let rest = value.replace(/[$€£₹¥₣]/g, (sym) => {
    found.add(SYMBOLS[sym] ?? '');
    return ' ';
  });
  rest = rest.replace(/\b[A-Za-z]{3}\b/g, (code) => {
    found.add(code.toUpperCase());
    return ' ';
  });
  if (found.size > 1) return null;
  const currency = [...found][0] ?? defaultCurrency.toUpperCase();
  const parts = rest
    .trim()
    .replace(/\s+to\s+/gi, '-')
    .split(/\s*[-–—]\s*/)
    .map((p) => p.replace(/\s+/g, ''));
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === '')) return null;
  const amounts = parts.map((p) => parseAmount(p, false, true));
  if (amounts.some((a) => a === null)) return null;
  return { amounts: amounts as number[], currency };
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  if (w === 'sept') return 9;
  const i = MONTHS.findIndex((full) => full.startsWith(w));
  return i === -1 ? null : i + 1;
}

function ymd(y: number, m: number, d: number): string | { why: string } {
  const invalid = { why: 'is not a valid date (write it as YYYY-MM-DD)' };
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return invalid;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return invalid;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD, YYYY/MM/DD, ISO datetimes, D.M.YYYY, unambiguous M/D/YYYY or D/M/YYYY, "Jan 5, 2024", "5 January 2024". */
export function parseDate(value: string): string | { why: string } {
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (b > 12 && a <= 12) return ymd(y, a, b);
    if (a === b) return ymd(y, a, b);
    if (a > 12 && b > 12) return ymd(y, 13, 1);
    return { why: 'is ambiguous (day or month first?); write it as YYYY-MM-DD' };
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(v);
  if (m) {
    const mon = monthOf(m[1] ?? '');
    if (mon !== null) return ymd(Number(m[3]), mon, Number(m[2]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?),?[\s-]+(\d{4})$/.exec(v);
  if (m) {
    const mon = monthOf(m[2] ?? '');
    if (mon !== null) return ymd(Number(m[3]), mon, Number(m[1]));
  }
  return { why: 'is not a date (write it as YYYY-MM-DD)' };
}
