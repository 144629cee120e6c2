// Errors group by cause, not by exact message: the value that differs per contact is left out.
import { describe, expect, it } from 'vitest';
import { errorCause, errorGroupKey } from './errorCause';

describe('errorCause', () => {
  it('drops the value from "Field: "value" why"', () => {
    expect(errorCause('Notice Period (days): "ten" is not a number')).toBe('Notice Period (days): not a number');
    expect(errorCause('Expected Salary: "lots" is not an amount (write e.g. "120000 USD" or "$120,000")')).toBe(
      'Expected Salary: not an amount (write e.g. "120000 USD" or "$120,000")',
    );
    expect(errorCause('Skills: "Go", "Rust" are not one of A, B')).toBe('Skills: not one of A, B');
  });

  it('keeps a field named in quotes before the colon, and drops "Gave up after N attempts"', () => {
    expect(errorCause('Invalid value for custom field "Hiring Budget": "-5"')).toBe('Invalid value for custom field "Hiring Budget"');
    expect(errorCause('Gave up after 5 attempts: Recruiterflow answered 503')).toBe('Recruiterflow answered 503');
  });

  it('one key per code and cause', () => {
    expect(errorGroupKey('invalid_data', 'Expected Salary: "lots" is not a number')).toBe(
      errorGroupKey('invalid_data', 'Expected Salary: "heaps" is not a number'),
    );
    expect(errorGroupKey('invalid_data', 'X: "a" is not a number')).not.toBe(errorGroupKey('server', 'X: "a" is not a number'));
  });
});
