// The web address of a record in Recruiterflow, from a pattern with {type} and {id} placeholders. The API
// does not return one, so the pattern is an assumption the recruiter can change in Settings.

/**
 * Assumed from Recruiterflow's web app (not documented by its API): a candidate at
 * https://recruiterflow.com/candidates/123, a contact at https://recruiterflow.com/contacts/123.
 */
export const DEFAULT_RECORD_URL_PATTERN = 'https://recruiterflow.com/{type}s/{id}';

/** Why a pattern cannot be used, or null when it can. */
export function recordUrlPatternProblem(pattern: string): string | null {
  const p = pattern.trim();
  if (p === '') return null; // empty: no links
  if (!/^https?:\/\/[^\s/]+/i.test(p)) return 'The pattern must start with https:// and a host';
  if (!p.includes('{id}')) return 'The pattern must contain {id}, where the record id goes';
  if (/\s/.test(p)) return 'The pattern cannot contain spaces';
  return null;
}

/** The record's address, or null when there is no usable pattern. */
export function recordUrl(pattern: string | null | undefined, type: 'candidate' | 'contact' | null, id: number): string | null {
  if (!pattern || recordUrlPatternProblem(pattern) !== null || !Number.isSafeInteger(id)) return null;
  return pattern
    .trim()
    .split('{type}')
    .join(type ?? 'candidate')
    .split('{id}')
    .join(String(id));
}
