// Search within a sequence, against an FTS5 lookup done by hand on the same data.
//
// THE SEARCH SLOT. Full-text search is being added by another piece of work (FTS5); until it lands, the
// app's search is a substring scan and this row has no target. When it lands, set SEARCH_TARGET below to
// what the architecture document sets (e.g. median ≤ 2× the hand-made FTS5 lookup), and keep the
// reference: the same sequence's emails and names in an FTS5 table built here, queried by prefix.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { open } from './local';
import { median, ms, percentile, times, type Figure } from './measure';

/** `null` until the app's search is FTS5-backed; then the target ratio for the median (see above). */
const SEARCH_TARGET: { median: number } | null = null;

export async function measureSearch(dataDir: string, sequenceIds: string[]): Promise<Figure> {
  const backend = open(dataDir);
  // The reference: an FTS5 table of the same rows, built outside the app (untimed), in memory.
  const ref = new Database(':memory:');
  ref.exec(`attach database '${join(dataDir, 'flowbridge.db').replace(/'/g, "''")}' as app`);
  ref.exec("create virtual table f using fts5(email, name, sequence_id unindexed, tokenize = 'unicode61 tokenchars ''@.''')");
  ref.exec(`insert into f (rowid, email, name, sequence_id) select id, email, name, sequence_id from app.enrollments where sequence_id in (${sequenceIds.map(Number).join(', ')})`);
  const page = ref.prepare('select rowid from f where f match ? and sequence_id = ? order by rowid limit 50');
  const count = ref.prepare('select count(*) from f where f match ? and sequence_id = ?').pluck();
  const app: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    const term = `person${100 + i}`;
    const sequenceId = sequenceIds[i % sequenceIds.length]!;
    let start = performance.now();
    const result = await backend.invoke('sequences:enrollments', { sequenceId, search: term, sort: 'email', limit: 50 });
    app.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
    start = performance.now();
    page.all(`email:"${term}"*`, Number(sequenceId));
    count.get(`email:"${term}"*`, Number(sequenceId));
    hand.push(performance.now() - start);
  }
  ref.close();
  await backend.close();
  const r50 = median(app) / median(hand);
  return {
    figure: `search within a sequence of 100,000 (page and match count), against an FTS5 lookup by hand (median ${ms(median(hand))})`,
    measured: `median ${ms(median(app))}, p95 ${ms(percentile(app, 95))}`,
    ratio: `median ${times(r50)}`,
    target: SEARCH_TARGET ? `median ≤ ${SEARCH_TARGET.median}×` : '- (set when FTS5 search lands)',
    met: SEARCH_TARGET ? r50 <= SEARCH_TARGET.median : true,
  };
}
