import type { MappingRule, SyncAs } from '../../../../../src-shared/domain';
import type { RuleIssue } from './RuleRow';
import { checkValue, type TargetIndex } from './targets';

/** Everything worth saying about each rule: incomplete, unknown field, duplicates, sample value vs type. */
export function ruleIssues(
  rules: MappingRule[],
  index: TargetIndex,
  syncAs: SyncAs,
  sample: Record<string, string> | null,
  sampleEmail: string | null,
): RuleIssue[][] {
  return rules.map((rule, i) => {
    const issues: RuleIssue[] = [];
    if (!rule.source || !rule.target) {
      issues.push({ level: 'info', text: 'Choose both fields; incomplete rules are not saved.' });
      return issues;
    }
    const defs = index.get(rule.target);
    if (!defs) {
      issues.push({ level: 'error', text: `Recruiterflow has no field “${rule.target}”.` });
      return issues;
    }
    const sameSource = rules.findIndex((r, j) => j !== i && r.source === rule.source);
    if (sameSource >= 0 && sameSource < i)
      issues.push({ level: 'warning', text: `${rule.source} is also mapped by rule ${sameSource + 1}.` });
    const sameTarget = rules.findIndex((r, j) => j !== i && r.target === rule.target);
    if (sameTarget >= 0 && sameTarget < i)
      issues.push({ level: 'warning', text: `Rule ${sameTarget + 1} fills the same Recruiterflow field; this later rule wins.` });
    const def = defs.find((d) => d.object === syncAs);
    if (!def) {
      issues.push({ level: 'info', text: `Ignored when syncing as a ${syncAs}: this field exists for ${defs[0]!.object}s only.` });
      return issues;
    }
    const typeHint = def.choices.length ? `${def.type}: ${def.choices.join(', ')}` : def.type;
    issues.push({ level: 'info', text: `Takes ${typeHint}.` });
    const value = sample?.[rule.source];
    if (sample && value !== undefined) {
      const problem = checkValue(def, value);
      if (problem) issues.push({ level: 'error', text: `For ${sampleEmail}: ${problem}.` });
    }
    return issues;
  });
}
