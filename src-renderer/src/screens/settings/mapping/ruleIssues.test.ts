// The mapping editor's advice on each rule: what a recruiter sees next to a rule before saving it.
import { describe, expect, it } from 'vitest';
import type { MappingCatalog } from '../../../../../src-shared/contract';
import { ruleIssues } from './ruleIssues';
import { buildTargetIndex, checkValue } from './targets';

const catalog: MappingCatalog = {
  sources: [],
  defaults: [],
  targets: [
    { target: 'first_name', label: 'First name', type: 'text', object: 'both', choices: [] },
    { target: 'organization', label: 'Organization', type: 'text', object: 'contact', choices: [] },
  ],
  customFields: [
    {
      object: 'candidate',
      id: 7,
      name: 'Seniority',
      type: 'single_select',
      choices: [
        { id: 1, name: 'Junior' },
        { id: 2, name: 'Senior' },
      ],
    },
    { object: 'candidate', id: 8, name: 'Expected salary', type: 'currency_range', choices: [] },
    { object: 'contact', id: 7, name: 'Region', type: 'text', choices: [] },
  ],
};
const index = buildTargetIndex(catalog);
const texts = (issues: { level: string; text: string }[]) => issues.map((i) => `${i.level}: ${i.text}`);

describe('mapping rule issues', () => {
  it('asks for both fields on an incomplete rule and names a target Recruiterflow does not have', () => {
    const [incomplete, unknown] = ruleIssues(
      [
        { source: 'Seniority', target: '' },
        { source: 'Level', target: 'custom:99' },
      ],
      index,
      'candidate',
      null,
      null,
    );
    expect(texts(incomplete!)).toEqual(['info: Choose both fields; incomplete rules are not saved.']);
    expect(texts(unknown!)).toEqual(['error: Recruiterflow has no field “custom:99”.']);
  });

  it('warns on the later of two rules with the same source or the same target, not the earlier', () => {
    const issues = ruleIssues(
      [
        { source: 'Seniority', target: 'custom:7' },
        { source: 'Seniority', target: 'first_name' },
        { source: 'Level', target: 'custom:7' },
      ],
      index,
      'candidate',
      null,
      null,
    );
    expect(issues[0]!.some((i) => i.level === 'warning')).toBe(false);
    expect(texts(issues[1]!)).toContain('warning: Seniority is also mapped by rule 1.');
    expect(texts(issues[2]!)).toContain('warning: Rule 1 fills the same Recruiterflow field; this later rule wins.');
  });

  it('says a field of the other object is ignored, and states the type with its options', () => {
    const [contactOnly, seniority] = ruleIssues(
      [
        { source: 'company', target: 'organization' },
        { source: 'Seniority', target: 'custom:7' },
      ],
      index,
      'candidate',
      null,
      null,
    );
    expect(texts(contactOnly!)).toEqual(['info: Ignored when syncing as a candidate: this field exists for contacts only.']);
    expect(texts(seniority!)).toEqual(['info: Takes single_select: Junior, Senior.']);
  });

  it('checks the sample contact’s value against the field and names the contact', () => {
    const rules = [
      { source: 'Seniority', target: 'custom:7' },
      { source: 'Salary', target: 'custom:8' },
    ];
    const bad = ruleIssues(rules, index, 'candidate', { Seniority: 'Wizard', Salary: 'lots' }, 'ann@acme.example');
    expect(texts(bad[0]!)).toContain('error: For ann@acme.example: “Wizard” is not an option of Seniority (Junior, Senior).');
    expect(texts(bad[1]!)).toContain('error: For ann@acme.example: Expected salary takes a range such as “100000-150000 USD”, not “lots”.');
    const good = ruleIssues(rules, index, 'candidate', { Seniority: ' senior ', Salary: '100k - 150k USD' }, 'ann@acme.example');
    expect(good.flat().filter((i) => i.level === 'error')).toEqual([]);
    // The same custom id on contacts is another field (Region, text): no option check there.
    expect(
      ruleIssues(rules.slice(0, 1), index, 'contact', { Seniority: 'Wizard' }, 'ann@acme.example')
        .flat()
        .filter((i) => i.level === 'error'),
    ).toEqual([]);
  });

  it('judges values by type: yes/no, numbers, dates, emails and multi-selects', () => {
    const def = (type: string, choices: string[] = []) => ({ label: 'F', type, choices, object: 'candidate' as const, custom: true });
    expect(checkValue(def('checkbox'), 'Yes')).toBeNull();
    expect(checkValue(def('checkbox'), 'maybe')).toBe('F takes yes or no, not “maybe”');
    expect(checkValue(def('number'), '12,5')).toBeNull();
    expect(checkValue(def('number'), 'twelve')).toBe('F takes a number, not “twelve”');
    expect(checkValue(def('date'), '2026-11-29')).toBeNull();
    expect(checkValue(def('date'), 'soon')).toBe('F takes a date, not “soon”');
    expect(checkValue(def('email'), 'not-an-email')).toBe('F takes an email address, not “not-an-email”');
    expect(checkValue(def('multi_select', ['Go', 'Rust', 'C, C++']), 'Go; C, C++')).toBeNull();
    expect(checkValue(def('multi_select', ['Go', 'Rust']), 'Go, Java, Cobol')).toBe('“Java”, “Cobol” are not options of F (Go, Rust)');
    expect(checkValue(def('number'), '  ')).toBeNull();
  });
});
