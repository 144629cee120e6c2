// Generators of malformed input for the property tests of every boundary (IPC channels, the command
// line, CSV import): wrong types, huge strings, missing and extra fields, prototype-pollution keys,
// near-valid values that reach the handlers. Test tooling only.
import fc from 'fast-check';
import { contract, type Channel } from '../../src-shared/contract';
import { ENROLLMENT_STATES, INTEGRATIONS, QUEUE_STATES, ROLES, SYNC_AS, SYNC_MODES } from '../../src-shared/domain';
import type { Sqlite } from '../db/open';

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const ONE_MB = 'x'.repeat(1024 * 1024);

/** Words the backend knows: enum values, ids, emails of the seeded contacts. Reaching handlers needs them. */
export function knownWords(emails: string[]): string[] {
  return [
    ...SYNC_MODES,
    ...SYNC_AS,
    ...ROLES,
    ...INTEGRATIONS,
    ...ENROLLMENT_STATES,
    ...QUEUE_STATES,
    'inherit',
    'csv',
    'json',
    'asc',
    'desc',
    'email',
    'name',
    'company',
    'updatedAt',
    'addedAt',
    'title',
    'custom:1',
    'custom:99999',
    '1',
    '2',
    '3',
    '999999',
    '0',
    '-1',
    '1e3',
    '',
    ' ',
    'none',
    ...emails,
    ...emails.map((e) => ` ${e.toUpperCase()} `),
    'nobody@nowhere.test',
    'not-an-email',
    'http://127.0.0.1:9/',
    'https://api.recruiterflow.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    "'; drop table contacts; --",
    '%',
    '_',
    '\\',
    '\u0000',
    '\u202e\ufeff',
    '😀'.repeat(300),
    'email\na@b.co\n',
    '=HYPERLINK("http://evil")',
    ...PROTO_KEYS,
  ];
}

/** Any value at all, as structured clone (Electron IPC) could deliver it. */
const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

function nastyValue(words: string[]): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, NaN, Infinity, -Infinity, 1e-300) },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
    { weight: 1, arbitrary: fc.constantFrom(ONE_MB, `email\n${'a@b.co,'.repeat(10)}${ONE_MB}`) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(scalar, { maxLength: 6 }) },
    { weight: 1, arbitrary: anyValue },
  );
}

/** The field names of a channel's input schema (empty for schemas without a shape). */
function inputKeys(channel: Channel): string[] {
  const shape = (contract[channel].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const ALL_KEYS = [...new Set((Object.keys(contract) as Channel[]).flatMap(inputKeys))];

/** Objects with own (never inherited) keys from the channel's schema, other channels' and pollution keys. */
function objectInput(channel: Channel, words: string[]): fc.Arbitrary<Record<string, unknown>> {
  const own = inputKeys(channel);
  const key = fc.oneof(
    { weight: own.length > 0 ? 6 : 0, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.constant('x') },
    { weight: 2, arbitrary: fc.constantFrom(...ALL_KEYS) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return (
    fc
      .array(fc.tuple(key, nastyValue(words)), { maxLength: 6 })
      // fromEntries defines own properties, so "__proto__" arrives as a key, as JSON.parse would deliver it.
      .map((entries) => Object.fromEntries(entries))
  );
}

export function channelInput(channel: Channel, words: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 7, arbitrary: objectInput(channel, words) },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', 0, [], 'x', JSON.parse('{"__proto__":{"polluted":true}}')) },
  );
}

/** Every row of every table, to prove a refused call changed nothing. */
export function snapshotDb(sqlite: Sqlite): string {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((name) => [name, sqlite.prepare(`select * from "${name}"`).raw().all()]));
}

export function assertPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || Object.keys(Object.prototype).length > 0 || Object.keys(Array.prototype).length > 0) {
    throw new Error('Object.prototype was polluted');
  }
}
