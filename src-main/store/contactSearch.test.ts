// Substring search through the contact_search index: the same answers as reading every row, kept in step
// with imports, renames and deletions, for short searches too, and answered from the index (no scan).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../testing/fixtures';

interface Person {
  email: string;
  first: string;
  last: string;
  company: string;
}

// Names with LIKE's wildcards, FTS5's quote and operators, spaces and mixed case: all must be literal.
const PEOPLE: Person[] = [
  { email: 'ada.lovelace@engines.example', first: 'Ada', last: 'Lovelace', company: 'Analytical Engines' },
  { email: 'grace@navy.example', first: 'Grace', last: 'Hopper', company: 'US Navy' },
  { email: 'alan_t@bletchley.example', first: 'Alan', last: 'Turing', company: '100% Codebreakers' },
  { email: 'quote@x.example', first: 'Dwayne "The', last: 'Rock"', company: 'AND OR NOT' },
  { email: 'edsger@tue.example', first: 'Edsger', last: 'Dijkstra', company: 'TU Eindhoven' },
  { email: 'barbara@mit.example', first: 'Barbara', last: 'Liskov', company: 'MIT' },
  { email: 'ken@bell.example', first: 'Ken', last: 'Thompson', company: 'Bell Labs' },
  { email: 'dennis@bell.example', first: 'Dennis', last: 'Ritchie', company: 'Bell Labs' },
];

const csvOf = (people: Person[]) =>
  [
    'email,first_name,last_name,company',
    ...people.map((p) => [p.email, p.first, p.last, p.company].map((v) => `"${v.replace(/"/g, '""')}"`).join(',')),
  ].join('\n');

/** What a full read finds: `search` inside the email, the "first last" name or (for contacts) the company. */
function expected(people: Person[], search: string, withCompany: boolean): string[] {
  const s = search.trim().toLowerCase();
  return people
    .filter((p) => [p.email, `${p.first} ${p.last}`, ...(withCompany ? [p.company] : [])].some((v) => v.toLowerCase().includes(s)))
    .map((p) => p.email)
    .sort();
}

const SEARCHES = [
  'a',
  'ke',
  'bell',
  'BELL',
  'Bell Labs',
  'ada lov',
  'e T',
  '100%',
  '0%',
  '_t@',
  '%',
  '"the',
  'rock"',
  'AND OR',
  'OR',
  'NOT',
  '.example',
  'nobody',
  'ritchie',
  '@bell.ex',
  'in',
];

describe('contact search', () => {
  let t: TestBackend;
  let sequenceId: string;

  beforeEach(async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: csvOf(PEOPLE) });
    sequenceId = (await t.call('sequences:create', { name: 'Pioneers' })).id;
    // Every other person is in the sequence.
    await t.call('sequences:add', { sequenceId, emails: PEOPLE.filter((_, i) => i % 2 === 0).map((p) => p.email) });
  });
  afterEach(() => t.close());

  async function contacts(search: string): Promise<{ emails: string[]; total: number }> {
    const page = await t.call('contacts:list', { search, limit: 100 });
    return { emails: page.rows.map((r) => r.email).sort(), total: page.total };
  }
  async function enrolled(search: string): Promise<{ emails: string[]; total: number }> {
    const page = await t.call('sequences:enrollments', { sequenceId, search, limit: 100 });
    return { emails: page.rows.map((r) => r.email).sort(), total: page.total };
  }

  it('finds what a full read finds, for short and long searches alike, with wildcards and quotes taken literally', async () => {
    const inSequence = PEOPLE.filter((_, i) => i % 2 === 0);
    for (const search of SEARCHES) {
      const want = expected(PEOPLE, search, true);
      expect(await contacts(search), `contacts: ${search}`).toEqual({ emails: want, total: want.length });
      const wantEnrolled = expected(inSequence, search, false);
      expect(await enrolled(search), `enrollments: ${search}`).toEqual({ emails: wantEnrolled, total: wantEnrolled.length });
    }
  });

  it('stays in step with later imports, renames and deletions', async () => {
    expect((await contacts('hopper')).emails).toEqual(['grace@navy.example']); // the index is built now
    await t.call('contacts:import', {
      csv: csvOf([
        { email: 'grace@navy.example', first: 'Grace', last: 'Murray', company: 'US Navy' },
        { email: 'margaret@nasa.example', first: 'Margaret', last: 'Hamilton', company: 'NASA Apollo' },
      ]),
    });
    expect((await contacts('hopper')).emails).toEqual([]);
    expect((await contacts('murray')).emails).toEqual(['grace@navy.example']);
    expect((await contacts('apollo')).emails).toEqual(['margaret@nasa.example']);
    t.backend.ctx.sqlite.prepare('delete from contacts where email = ?').run('ken@bell.example');
    expect((await contacts('bell labs')).emails).toEqual(['dennis@bell.example']);
    expect((await contacts('thompson')).total).toBe(0);
  });

  it('indexes a new contact once, even when it is changed before the first search, and never a deleted one', async () => {
    expect((await contacts('hopper')).total).toBe(1); // the index is built now
    const sqlite = t.backend.ctx.sqlite;
    // New since the last search, then renamed before any search: found once, under its new name.
    await t.call('contacts:import', {
      csv: csvOf([{ email: 'katherine@nasa.example', first: 'Katherine', last: 'Coleman', company: 'NACA' }]),
    });
    await t.call('contacts:import', {
      csv: csvOf([{ email: 'katherine@nasa.example', first: 'Katherine', last: 'Johnson', company: 'NASA' }]),
    });
    expect(await contacts('johnson')).toEqual({ emails: ['katherine@nasa.example'], total: 1 });
    expect((await contacts('coleman')).total).toBe(0);
    // The newest contact is deleted (behind the app's back, as a crash-free delete would), then another arrives.
    const last = sqlite.prepare('select max(id) from contacts').pluck().get() as number;
    sqlite.prepare('delete from contacts where id = ?').run(last);
    await t.call('contacts:import', { csv: csvOf([{ email: 'mary@nasa.example', first: 'Mary', last: 'Jackson', company: 'NASA' }]) });
    expect(await contacts('jackson')).toEqual({ emails: ['mary@nasa.example'], total: 1 });
    expect((await contacts('johnson')).total).toBe(0);
    expect((await contacts('nasa.example')).emails).toEqual(['mary@nasa.example']);
  });

  it('answers a search of three characters or more from the index, not by reading every row', async () => {
    expect((await enrolled('lovelace')).total).toBe(1);
    // Take Ada out of the index behind its back: a search that reads the rows would still find her.
    const sqlite = t.backend.ctx.sqlite;
    const id = sqlite.prepare('select id from contacts where email = ?').pluck().get('ada.lovelace@engines.example');
    sqlite.prepare('delete from contact_search where rowid = ?').run(id);
    expect(await enrolled('lovelace')).toEqual({ emails: [], total: 0 });
    expect(await contacts('lovelace')).toEqual({ emails: [], total: 0 });
    // Two characters are too few for trigrams: those searches read the rows, and still find her.
    expect((await contacts('ad')).emails).toContain('ada.lovelace@engines.example');
  });
});
