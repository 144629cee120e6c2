// Reading CSV files of contacts: decoding, parsing and mapping headers to contact fields.
import { decodeCsvBytes, type CsvEncoding, type DecodedCsv } from '../../src-shared/csvEncoding';
import { STANDARD_FIELDS, type StandardField } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';

/** A column's destination: a standard contact field, kept as an extra field, or ignored. */
export type ColumnTarget = StandardField | 'extra' | 'ignore';

const ALIASES: Record<string, StandardField> = {
  email_address: 'email',
  e_mail: 'email',
  mail: 'email',
  firstname: 'first_name',
  first: 'first_name',
  given_name: 'first_name',
  lastname: 'last_name',
  last: 'last_name',
  surname: 'last_name',
  family_name: 'last_name',
  job_title: 'title',
  position: 'title',
  organization: 'company',
  organisation: 'company',
  company_name: 'company',
  employer: 'company',
  phone_number: 'phone',
  mobile: 'phone',
  linkedin: 'linkedin_url',
  linkedin_profile: 'linkedin_url',
  city: 'location',
};

const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export function suggestTarget(header: string): ColumnTarget {
  const key = normalizeHeader(header);
  if ((STANDARD_FIELDS as readonly string[]).includes(key)) return key as StandardField;
  // Own keys only: a header "constructor" or "__proto__" is an extra column, not Object.prototype's member.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : 'extra';
}

/** Bytes → text, with the encoding used and why (see src-shared/csvEncoding.ts). */
export function decodeCsv(bytes: Uint8Array, chosen?: CsvEncoding): DecodedCsv {
  return decodeCsvBytes(bytes, chosen);
}

/** Resolves each column's target, applying the caller's choices over the suggestions, and checks the result. */
export function resolveColumns(headers: string[], chosen: Record<string, string> = {}): ColumnTarget[] {
  const seenHeaders = new Set<string>();
  for (const header of headers) {
    const key = header.toLowerCase();
    if (header === '') continue;
    if (seenHeaders.has(key)) throw new AppError('bad_csv', `Bad CSV header: the column "${header}" appears twice`);
    seenHeaders.add(key);
  }
  const targets = headers.map((header): ColumnTarget => {
    if (header === '') return 'ignore';
    // Own keys only: a column named "constructor" or "__proto__" must not find Object.prototype's members.
    const choice = Object.hasOwn(chosen, header) ? chosen[header] : undefined;
    if (choice === undefined) return suggestTarget(header);
    if (choice === 'extra' || choice === 'ignore' || (STANDARD_FIELDS as readonly string[]).includes(choice)) {
      return choice as ColumnTarget;
    }
    throw new AppError('invalid_input', `Unknown destination "${choice}" for column "${header}"`);
  });
  const fieldUse = new Map<string, string>();
  targets.forEach((target, i) => {
    if (target === 'extra' || target === 'ignore') return;
    const previous = fieldUse.get(target);
    if (previous) throw new AppError('bad_csv', `Bad CSV header: columns "${previous}" and "${headers[i]}" both fill ${target}`);
    fieldUse.set(target, headers[i]!);
  });
  if (!fieldUse.has('email')) throw new AppError('bad_csv', 'Bad CSV header: an email column is required');
  return targets;
}
