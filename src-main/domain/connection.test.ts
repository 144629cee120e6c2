// Where the key may be sent: the base URL a recruiter types is checked before anything goes out.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/result';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { normalizeBaseUrl } from './connection';

let t: TestBackend | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the base URL', () => {
  it('a bare host means https', () => {
    expect(normalizeBaseUrl('api.recruiterflow.com')).toBe('https://api.recruiterflow.com');
    expect(normalizeBaseUrl('  api.recruiterflow.com/  ')).toBe('https://api.recruiterflow.com');
    expect(normalizeBaseUrl('recruiterflow.example:8443')).toBe('https://recruiterflow.example:8443');
  });

  it('https is kept as given (origin only)', () => {
    expect(normalizeBaseUrl('https://api.recruiterflow.com/api/external')).toBe('https://api.recruiterflow.com');
  });

  it('plain http only for this computer', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(normalizeBaseUrl('http://localhost:4010')).toBe('http://localhost:4010');
    expect(normalizeBaseUrl('http://[::1]:4010')).toBe('http://[::1]:4010');
    for (const url of ['http://api.recruiterflow.com', 'http://10.0.0.5:4010', 'http://127.0.0.1.example.com']) {
      expect(() => normalizeBaseUrl(url), url).toThrow(/must be reached over https:\/\/.*use https:\/\//);
    }
  });

  it('anything else is refused with a clear error', () => {
    for (const url of ['ftp://api.recruiterflow.com', 'https://', 'https://user:pw@api.recruiterflow.com', 'not a url']) {
      expect(() => normalizeBaseUrl(url), url).toThrow(AppError);
    }
  });
});

describe('connect', () => {
  it('takes a bare host as https, and refuses plain http to another computer before sending anything', async () => {
    t = openTestBackend();
    // Nothing listens on port 1: the attempt shows which URL was tried.
    const bare = await t.fails('connection:connect', { baseUrl: 'localhost:1', apiKey: 'k' });
    expect(bare).toMatchObject({ code: 'unreachable' });
    expect(bare.message).toContain('https://localhost:1');
    const plain = await t.fails('connection:connect', { baseUrl: 'http://api.recruiterflow.com', apiKey: 'k' });
    expect(plain).toMatchObject({ code: 'invalid_input' });
    expect(plain.message).toContain('use https://api.recruiterflow.com');
    expect((await t.call('connection:get', {})).connected).toBe(false);
  });
});
