// Parsing the command line (docs/cli.md): global flags anywhere, `--flag value` or `--flag=value`.
import { AppError } from '../../src-shared/result';

export interface ParsedArgs {
  words: string[];
  flags: Map<string, string | true>;
  json: boolean;
  dataDir: string | null;
}

/** Flags that take no value. */
const BOOLEAN_FLAGS = new Set(['json', 'to-all', 'api-key-stdin', 'password-stdin', 'create', 'skip', 'cancel-queued', 'none']);

export function parseArgs(argv: string[]): ParsedArgs {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name === '') throw new AppError('invalid_input', `Malformed flag ${arg}`);
    if (flags.has(name)) throw new AppError('invalid_input', `Flag --${name} given twice`);
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq > 0) throw new AppError('invalid_input', `Flag --${name} takes no value`);
      flags.set(name, true);
    } else if (eq > 0) {
      flags.set(name, arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new AppError('invalid_input', `Flag --${name} needs a value`);
      flags.set(name, value);
      i += 1;
    }
  }
  const json = flags.get('json') === true;
  flags.delete('json');
  const dataDir = flags.get('data-dir');
  flags.delete('data-dir');
  return { words, flags, json, dataDir: typeof dataDir === 'string' ? dataDir : null };
}

/** Reads flags for one command, rejecting any flag it does not know. */
export class Flags {
  constructor(
    private readonly flags: Map<string, string | true>,
    private readonly command: string,
  ) {}

  allow(...names: string[]): this {
    for (const name of this.flags.keys()) {
      if (!names.includes(name)) throw new AppError('invalid_input', `Unknown flag --${name} for "${this.command}"`);
    }
    return this;
  }

  string(name: string): string | undefined {
    const value = this.flags.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') throw new AppError('invalid_input', `"${this.command}" needs --${name}`);
    return value;
  }

  has(name: string): boolean {
    return this.flags.has(name);
  }

  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      throw new AppError('invalid_input', `Unknown value "${value}" for --${name}; use ${choices.join(', ')}`);
    }
    return value as T;
  }

  onOff(name: string): boolean | undefined {
    const value = this.choice(name, ['on', 'off'] as const);
    return value === undefined ? undefined : value === 'on';
  }

  int(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^\d{1,15}$/.test(value) || Number(value) <= 0)
      throw new AppError('invalid_input', `--${name} must be a positive whole number, not "${value}"`);
    return Number(value);
  }

  number(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new AppError('invalid_input', `--${name} must be a non-negative number, not "${value}"`);
    return n;
  }

  list(name: string): string[] | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new AppError('invalid_input', `--${name} needs at least one value`);
    return items;
  }
}
