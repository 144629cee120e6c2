// The search figure: substring searches inside a sequence of 100,000 (a page of 50 and the match count),
// answered from the contact_search FTS5 index, next to the same index lookup written by hand in raw SQL
// (the floor: what is left is the backend's own work). Also how long the index takes to catch up after a
// 100,000-contact import, which the first search after it pays (see src-main/store/contactSearch.ts).
import type { ChannelOutput } from '../../src-shared/contract';
import { createBackend } from '../../src-main/app/createBackend';
import { catchUpContactSearch, trigramQuery } from '../../src-main/store/contactSearch';
import { median, ms, percentile, timeIt, times, type Figure } from './measure';

const SAMPLES = 40;
// Emails (person100@…) and names (Last2000…): each matches a hundred-odd of the sequence's contacts.
const term = (i: number) => (i % 2 === 0 ? `person${100 + i}` : `Last${2000 + i}`);
const sequenceOf = (i: number) => 2 + (i % 9);

/** `dataDir` holds 100,000 contacts in 10 sequences (bigDataFolder), its search index not yet built. */
export async function searchFigures(dataDir: string): Promise<Figure[]> {
  const backend = createBackend({ dataDir, host: 'cli' });
  const sqlite = backend.ctx.sqlite;
  const pending = sqlite
    .prepare(
      `select (select count(*) from contact_search_pending)
        + (select count(*) from contacts where id > coalesce((select cast(value as integer) from meta where key = 'search.indexedThrough'), 0))`,
    )
    .pluck()
    .get() as number;
  const catchUp = await timeIt(() => catchUpContactSearch(sqlite));

  const app: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const input = { sequenceId: String(sequenceOf(i)), search: term(i), sort: 'email' as const, limit: 50 };
    app.push(
      await timeIt(async () => {
        const result = await backend.invoke('sequences:enrollments', input);
        if (!result.ok) throw new Error(result.error.message);
        if ((result.value as ChannelOutput<'sequences:enrollments'>).total === 0) throw new Error(`no match for ${input.search}`);
      }),
    );
  }

  // By hand: the match count and the page of 50 rows, from the same index, in two prepared statements.
  const matching = 'e.sequence_id = @sequenceId and e.contact_id in (select rowid from contact_search where contact_search match @match)';
  const count = sqlite.prepare(`select count(*) from enrollments e where ${matching}`).pluck();
  const page = sqlite.prepare(`select e.* from enrollments e where ${matching} order by e.email, e.id limit 50`);
  const raw: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const params = { sequenceId: sequenceOf(i), match: trigramQuery(term(i), ['email', 'name']) };
    raw.push(
      await timeIt(() => {
        if ((count.get(params) as number) === 0) throw new Error(`no match for ${term(i)}`);
        page.all(params);
      }),
    );
  }
  await backend.close();

  const p50 = median(app);
  const p95 = percentile(app, 95);
  return [
    {
      figure: `bring the search index up to date after importing 100,000 contacts (${pending.toLocaleString('en')} pending; paid once, by the first search)`,
      measured: ms(catchUp),
      target: '-',
      met: true,
      reference: true,
    },
    {
      figure: 'search within a sequence of 100,000 (page and match count), 1,000,000 enrollments in the database',
      measured: `median ${ms(p50)}, p95 ${ms(p95)}; the same index lookup in raw SQL: median ${ms(median(raw))}`,
      ratio: `median ${times(p50 / median(raw))}`,
      target: 'median ≤ 10 ms, p95 ≤ 25 ms',
      met: p50 <= 10 && p95 <= 25,
    },
  ];
}
