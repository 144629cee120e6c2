// The same LinkedIn profile or phone number, however a recruiter or Recruiterflow wrote it.
import { describe, expect, it } from 'vitest';
import { normalizeLinkedin, phoneDigits } from './identity';

describe('LinkedIn URLs are compared without scheme, www., trailing slash, query string or case', () => {
  it.each([
    'https://www.linkedin.com/in/jane-doe',
    'http://linkedin.com/in/jane-doe/',
    'HTTPS://WWW.LinkedIn.com/in/Jane-Doe/?trk=public_profile&utm=x',
    'linkedin.com/in/jane-doe#about',
    '  uk.linkedin.com/in/jane-doe  ',
    'https://www.linkedin.com/in/jane%2Ddoe',
  ])('%s is linkedin.com/in/jane-doe', (url) => {
    expect(normalizeLinkedin(url)).toBe('linkedin.com/in/jane-doe');
  });

  it('another profile stays another profile, and what is no URL matches nothing', () => {
    expect(normalizeLinkedin('linkedin.com/in/jane-doe-2')).not.toBe(normalizeLinkedin('linkedin.com/in/jane-doe'));
    for (const v of ['', 'None', 'jane doe', 'linkedin']) expect(normalizeLinkedin(v)).toBe('');
  });
});

describe('phones are compared by their digits', () => {
  it('however they are written', () => {
    expect(phoneDigits('+1 (555) 010-0123')).toBe('15550100123');
    expect(phoneDigits('1.555.010.0123')).toBe(phoneDigits('+1 555 0100123'));
  });

  it('too few digits to tell a person (an extension, a typo) match nothing', () => {
    expect(phoneDigits('x123')).toBe('');
    expect(phoneDigits('555-01')).toBe('');
  });
});
