// `mapping set` with write rules, and `mapping require` (docs/cli.md).
import { WRITE_RULES, type MappingRule, type WriteRule } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import { call, type Command } from './command';

/** On the command line write rules are spelled with a hyphen: never, if-blank, always. */
const CLI_WRITE = WRITE_RULES.map((w) => w.replace('_', '-'));

function writeRule(text: string, where: string): WriteRule {
  const rule = text.replace('-', '_');
  if (!(WRITE_RULES as readonly string[]).includes(rule)) {
    throw new AppError('invalid_input', `Unknown write rule "${text}" ${where}; use ${CLI_WRITE.join(', ')}`);
  }
  return rule as WriteRule;
}

/** `SOURCE=TARGET` or `SOURCE=TARGET:WRITE`; a rule without its own write rule takes `fallback`. */
function parseRule(pair: string, fallback: WriteRule): MappingRule {
  const eq = pair.indexOf('=');
  if (eq <= 0 || eq === pair.length - 1) throw new AppError('invalid_input', `Mapping rules are SOURCE=TARGET[:WRITE], not "${pair}"`);
  const source = pair.slice(0, eq).trim();
  let target = pair.slice(eq + 1).trim();
  let write = fallback;
  const colon = target.lastIndexOf(':');
  // `custom:201` is a target; `custom:201:always` and `title:if-blank` carry a write rule.
  if (colon > 0 && !/^custom:\d+$/.test(target)) {
    write = writeRule(target.slice(colon + 1), `in "${pair}"`);
    target = target.slice(0, colon);
  }
  return write === 'never' ? { source, target } : { source, target, write };
}

export const MAPPING_COMMANDS: Record<string, Command> = {
  async 'mapping set'(c) {
    c.flags.allow('write');
    const given = c.flags.string('write');
    const fallback = given === undefined ? 'never' : writeRule(given, 'for --write');
    const rules = c.words.slice(2).map((pair) => parseRule(pair, fallback));
    return call(c.backend, 'mapping:set', { rules });
  },

  async 'mapping require'(c) {
    c.flags.allow('none');
    const fields = c.words.slice(2).map((f) => f.trim());
    const none = c.flags.has('none');
    if (none === fields.length > 0) {
      throw new AppError('invalid_input', 'mapping require needs the required fields (FIELD …) or --none, not both');
    }
    return call(c.backend, 'mapping:setRequired', { fields: none ? [] : fields });
  },
};
