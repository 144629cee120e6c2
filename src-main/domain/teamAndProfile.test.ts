// The team table shows each member's integration whoever is acting; a fresh data folder asks for the
// recruiter's own name and email instead of keeping a placeholder owner; links to Recruiterflow records
// follow a pattern the recruiter can change.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_URL_PATTERN, recordUrl } from '../../src-shared/recordUrl';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: TestBackend | SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('team and profile', () => {
  it("shows the owner's Recruiterflow connection also while acting as a teammate", async () => {
    const s = await syncBackend();
    t = s;
    await s.call('users:add', { email: 'mia@x.co', name: 'Mia', role: 'member' });
    const owner = (await s.call('users:list', {})).find((u) => u.current)!;
    expect(owner.integration).toBe('recruiterflow');
    await s.call('users:use', { email: 'mia@x.co' });
    const team = await s.call('users:list', {});
    expect(team.map((u) => [u.email, u.current, u.integration])).toEqual([
      [owner.email, false, 'recruiterflow'],
      ['mia@x.co', true, 'none'],
    ]);
  });

  it('asks for the name and email on first start, and takes them instead of the placeholder owner', async () => {
    t = openTestBackend();
    expect((await t.call('app:info', {})).needsProfile).toBe(true);
    expect(await t.fails('users:updateMe', { name: 'Rita', email: 'not-an-email' })).toMatchObject({
      code: 'invalid_input',
      field: 'email',
    });
    expect(await t.fails('users:updateMe', { name: '', email: 'rita@agency.example' })).toMatchObject({
      code: 'invalid_input',
      field: 'name',
    });
    const me = await t.call('users:updateMe', { name: 'Rita Recruiter', email: 'Rita@Agency.example' });
    expect(me).toMatchObject({ name: 'Rita Recruiter', email: 'rita@agency.example', role: 'owner', current: true });
    expect((await t.call('app:info', {})).needsProfile).toBe(false);
    const seq = await t.call('sequences:create', { name: 'Mine' });
    expect(seq.ownerEmail).toBe('rita@agency.example');
  });
});

describe('links to Recruiterflow records', () => {
  it('uses the default pattern for a real account, none for the sandbox, and the one set in Settings', async () => {
    t = openTestBackend();
    expect((await t.call('settings:get', {})).recordUrlPattern).toBe(DEFAULT_RECORD_URL_PATTERN);
    expect(recordUrl(DEFAULT_RECORD_URL_PATTERN, 'contact', 42)).toBe('https://recruiterflow.com/contacts/42');
    expect(await t.fails('settings:set', { recordUrlPattern: 'recruiterflow.com/x' })).toMatchObject({ field: 'recordUrlPattern' });
    expect(await t.fails('settings:set', { recordUrlPattern: 'https://acme.recruiterflow.com/people' })).toMatchObject({
      field: 'recordUrlPattern',
    });
    const set = await t.call('settings:set', { recordUrlPattern: 'https://acme.example/{type}/{id}' });
    expect(set).toMatchObject({ recordUrlPattern: 'https://acme.example/{type}/{id}', recordUrlPatternCustom: true });
    expect(recordUrl(set.recordUrlPattern, 'candidate', 7)).toBe('https://acme.example/candidate/7');
    expect(await t.call('settings:set', { recordUrlPattern: null })).toMatchObject({
      recordUrlPattern: DEFAULT_RECORD_URL_PATTERN,
      recordUrlPatternCustom: false,
    });
  });

  it('has no default pattern for the sandbox, which has no web pages', async () => {
    t = await syncBackend();
    expect((await t.call('settings:get', {})).recordUrlPattern).toBe('');
  });
});
