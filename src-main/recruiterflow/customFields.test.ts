import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../../src-shared/domain';
import { formatCustomFieldValue, parseDate } from './customFields';

const def = (type: string, name: string, choices: string[] = []): CustomFieldDef => ({
  object: 'candidate',
  id: 1,
  name,
  type,
  choices: choices.map((c, i) => ({ id: i + 1, name: c })),
});

const seniority = def('single_select', 'Seniority', ['Junior', 'Mid', 'Senior']);
const skills = def('multi_select', 'Skills', ['TypeScript', 'Go', 'Python', 'C, C++']);
const salary = def('money', 'Expected Salary');
const range = def('money_range', 'Salary Range');
const notice = def('number', 'Notice Period (days)');
const available = def('date', 'Available From');
const relocation = def('yes_no', 'Open to Relocation');

const ok = (v: unknown) => ({ ok: true, value: v });
const fmt = formatCustomFieldValue;

describe('formatCustomFieldValue', () => {
  it('single select: exact choice, case-insensitive, returns the canonical name', () => {
    expect(fmt(seniority, 'Senior')).toEqual(ok('Senior'));
    expect(fmt(seniority, '  junior ')).toEqual(ok('Junior'));
    expect(fmt(seniority, 'Wizard')).toEqual({ ok: false, message: 'Seniority: "Wizard" is not one of Junior, Mid, Senior' });
    expect(fmt(seniority, 'Sen')).toMatchObject({ ok: false });
  });

  it('multi select: split on ";", each must be a choice', () => {
    expect(fmt(skills, 'typescript; GO')).toEqual(ok(['TypeScript', 'Go']));
    expect(fmt(skills, 'Go;Go;')).toEqual(ok(['Go']));
    expect(fmt(skills, 'C, C++; Python')).toEqual(ok(['C, C++', 'Python']));
    expect(fmt(skills, 'Go, Python')).toEqual(ok(['Go', 'Python']));
    expect(fmt(skills, 'Go; Cobol; Fortran')).toEqual({
      ok: false,
      message: 'Skills: "Cobol", "Fortran" are not one of TypeScript, Go, Python, C, C++',
    });
    expect(fmt(skills, ';;')).toMatchObject({ ok: false });
  });

  it('text types keep the text', () => {
    for (const t of ['text', 'short_text', 'long_text', 'Long Text'])
      expect(fmt(def(t, 'Summary'), ' Hello\nworld ')).toEqual(ok('Hello\nworld'));
  });

  it('money: "120000 USD", "$120,000", "120k EUR", bare numbers in the default currency', () => {
    expect(fmt(salary, '120000 USD')).toEqual(ok({ number: 120000, currency: 'USD' }));
    expect(fmt(salary, '$120,000')).toEqual(ok({ number: 120000, currency: 'USD' }));
    expect(fmt(salary, 'EUR 95.000')).toEqual(ok({ number: 95000, currency: 'EUR' }));
    expect(fmt(salary, '€95,500.50')).toEqual(ok({ number: 95500.5, currency: 'EUR' }));
    expect(fmt(salary, '120k gbp')).toEqual(ok({ number: 120000, currency: 'GBP' }));
    expect(fmt(salary, '120000')).toEqual(ok({ number: 120000, currency: 'USD' }));
    expect(fmt(salary, '120000', { defaultCurrency: 'chf' })).toEqual(ok({ number: 120000, currency: 'CHF' }));
  });

  it('money: rejects non-amounts, ranges and mixed currencies', () => {
    expect(fmt(salary, 'lots')).toEqual({
      ok: false,
      message: 'Expected Salary: "lots" is not an amount (write e.g. "120000 USD" or "$120,000")',
    });
    expect(fmt(salary, '100-200 USD')).toMatchObject({ ok: false });
    expect(fmt(salary, '$100 EUR')).toMatchObject({ ok: false });
    expect(fmt(salary, 'USD')).toMatchObject({ ok: false });
    expect(fmt(salary, '-5 USD')).toMatchObject({ ok: false });
  });

  it('money range: "100000-150000 USD", "$100k – $150k", "100000 to 150000"', () => {
    expect(fmt(range, '100000-150000 USD')).toEqual(ok({ number1: 100000, number2: 150000, currency: 'USD' }));
    expect(fmt(range, '$100k – $150k')).toEqual(ok({ number1: 100000, number2: 150000, currency: 'USD' }));
    expect(fmt(range, '100,000 to 150,000 EUR')).toEqual(ok({ number1: 100000, number2: 150000, currency: 'EUR' }));
    expect(fmt(range, '150000-100000 USD')).toEqual({ ok: false, message: 'Salary Range: "150000-100000 USD" starts above where it ends' });
    expect(fmt(range, '100000 USD')).toMatchObject({ ok: false });
    expect(fmt(range, 'a-b')).toMatchObject({ ok: false });
  });

  it('number', () => {
    expect(fmt(notice, '30')).toEqual(ok(30));
    expect(fmt(notice, '1,500')).toEqual(ok(1500));
    expect(fmt(notice, '2.5')).toEqual(ok(2.5));
    expect(fmt(notice, '-3')).toEqual(ok(-3));
    expect(fmt(notice, 'ten')).toEqual({ ok: false, message: 'Notice Period (days): "ten" is not a number' });
    expect(fmt(notice, '30 days')).toMatchObject({ ok: false });
  });

  it('date: YYYY-MM-DD out, common forms in, impossible dates rejected', () => {
    expect(fmt(available, '2026-01-15')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '2026-1-5')).toEqual(ok('2026-01-05'));
    expect(fmt(available, '2026/01/15')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '2026-01-15T09:30:00Z')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '15.01.2026')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '01/15/2026')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '15/01/2026')).toEqual(ok('2026-01-15'));
    expect(fmt(available, 'Jan 15, 2026')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '15 January 2026')).toEqual(ok('2026-01-15'));
    expect(fmt(available, '2024-02-29')).toEqual(ok('2024-02-29'));
    expect(fmt(available, '2023-02-29')).toEqual({
      ok: false,
      message: 'Available From: "2023-02-29" is not a valid date (write it as YYYY-MM-DD)',
    });
    expect(fmt(available, '2026-13-01')).toMatchObject({ ok: false });
    expect(fmt(available, '31/04/2026')).toMatchObject({ ok: false });
    expect(fmt(available, '03/04/2026')).toMatchObject({ ok: false, message: expect.stringContaining('ambiguous') });
    expect(fmt(available, 'tomorrow')).toMatchObject({ ok: false });
    expect(parseDate('Sept 3 2026')).toBe('2026-09-03');
  });

  it('yes/no → 1 or 0', () => {
    for (const v of ['yes', 'Y', 'TRUE', '1']) expect(fmt(relocation, v)).toEqual(ok(1));
    for (const v of ['no', 'n', 'False', '0']) expect(fmt(relocation, v)).toEqual(ok(0));
    expect(fmt(relocation, 'maybe')).toEqual({ ok: false, message: 'Open to Relocation: "maybe" is not yes or no' });
  });

  it('empty values and unsupported types are errors that name the field', () => {
    expect(fmt(seniority, '  ')).toEqual({ ok: false, message: 'Seniority: value is empty' });
    expect(fmt(def('profile', 'Referrer'), 'x')).toEqual({
      ok: false,
      message: 'Referrer: fields of type "profile" cannot be filled from a text value',
    });
  });
});
