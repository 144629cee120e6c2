// What an error is about, without the values that differ from one contact to the next: the Errors screen
// groups by this, so "Expected Salary: "lots" is not a number" and the same with "heaps" are one cause.
// Pure text rules, shared by the backend (grouping, filtering) and nothing else needs a copy.

const QUOTED = /^("(?:[^"\\]|\\.)*"(?:\s*,\s*)?)+\s*/;
const GAVE_UP = /^Gave up after \d+ attempts?:\s*/;

/** One problem ("Field: value why") without its value: "Field: why". */
function causeOf(problem: string): string {
  const text = problem.replace(GAVE_UP, '').trim();
  const colon = text.indexOf(': ');
  if (colon < 0) return text.replace(/\s+/g, ' ');
  const head = text.slice(0, colon).trim();
  const tail = text
    .slice(colon + 2)
    .replace(QUOTED, '')
    .replace(/^(is|are)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return tail ? `${head}: ${tail}` : head;
}

/**
 * The readable cause of an error message: each "; "-separated problem without the value that caused it.
 * "Expected Salary: "lots" is not a number" → "Expected Salary: not a number".
 */
export function errorCause(message: string): string {
  const parts = [...new Set(message.split('; ').map(causeOf).filter(Boolean))];
  return parts.join('; ');
}

/** The group an error belongs to: its code and its cause. Two errors with different codes never merge. */
export function errorGroupKey(code: string | null, message: string): string {
  return `${code ?? ''}|${errorCause(message)}`;
}
