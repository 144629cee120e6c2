// `npm run bench`: every performance figure next to its target, each local figure as a ratio to a
// reference measured in the same run on the same data (see scripts/bench/scale.ts for why CPU time).
// Needs a build (`npm run build`) for the browser figures.
//   npm run bench [-- local|sync|browser|mailbox] [-- --quick]
// --quick leaves out the 1,000,000-row figures (about four minutes on two cores); BENCH_RUNS=N sets the
// runs per figure (3), BENCH_RUNS_1M the runs at 1,000,000 rows (1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { bigDataFolder, machine, memoryFigure, pageFigure } from './bench/local';
import type { Figure } from './bench/measure';
import { flatCostFigures, measureScale, ratioFigures, referenceFigure } from './bench/scale';
import { searchFigures } from './bench/search';
import { mailboxFigures } from './bench/mailbox';
import { responsiveFigures } from './bench/responsive';
import { dedupFigure, rateLimitFigure, syncLatencyFigure } from './bench/sync';
import { matchingFigures } from './bench/matching';
import { bigTableFigure, startupFigure } from './bench/browser';
import Database from 'better-sqlite3';
import { join } from 'node:path';

const MILLION = 1_000_000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter((a) => !a.startsWith('--'));
  const want = (name: string) => only.length === 0 || only.includes(name);
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    process.stderr.write(
      `${f.reference ? '·' : f.met ? '✓' : '✗'} ${f.figure}: ${f.measured}${f.ratio && f.ratio !== '-' ? ` = ${f.ratio}` : ''}\n`,
    );
  };
  const runs = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : 3;
  const runs1M = process.env.BENCH_RUNS_1M ? Number(process.env.BENCH_RUNS_1M) : 1;
  let big: string | null = null;
  if (want('local')) {
    const small = await measureScale(100_000, runs);
    add(referenceFigure(small));
    ratioFigures(small).forEach(add);
    let large: Awaited<ReturnType<typeof measureScale>> | null = null;
    if (!quick) {
      large = await measureScale(MILLION, runs1M);
      add(referenceFigure(large));
      ratioFigures(large).forEach(add);
      flatCostFigures(small, large).forEach(add);
    }
    big = await bigDataFolder();
    const hundredK = ['2', '3', '4', '5', '6', '7', '8', '9', '10'];
    add(
      await pageFigure(big, {
        sequences: hundredK,
        maxOffset: 20_000,
        label: 'a sequence of 100,000, 1,000,000 enrollments in the database',
      }),
    );
    if (large) {
      const db = new Database(join(large.lastDir, 'flowbridge.db'), { readonly: true });
      const id = String(db.prepare('select max(id) from sequences').pluck().get());
      db.close();
      add(
        await pageFigure(large.lastDir, {
          sequences: [id],
          maxOffset: 990_000,
          label: 'a sequence of 1,000,000 enrollments',
          stateSets: [undefined, ['failed'], ['failed', 'flagged']],
        }),
      );
    }
    for (const figure of await searchFigures(big)) add(figure);
    add(await memoryFigure(big));
    if (!quick) (await responsiveFigures(MILLION)).forEach(add);
  }
  if (want('browser')) {
    add(await startupFigure(runs));
    add(await bigTableFigure(big ?? (await bigDataFolder()), runs));
  }
  if (want('sync')) {
    add(await syncLatencyFigure(runs, 50, 1000));
    add(await syncLatencyFigure(runs, 200, 300));
    add(await rateLimitFigure(runs));
    add(await dedupFigure());
    for (const f of await matchingFigures()) add(f);
  }
  // Needs Dovecot, as the mailbox tests do.
  if (want('mailbox')) for (const f of await mailboxFigures(runs)) add(f);
  const header = `Flowbridge benchmark, ${new Date().toISOString().slice(0, 10)}, on ${machine()}`;
  const verdict = (f: Figure) => (f.reference ? '(reference)' : f.target.startsWith('-') ? '(information)' : f.met ? 'met' : 'NOT met');
  const rows = figures.map((f) => `| ${f.figure} | ${f.measured} | ${f.ratio ?? '-'} | ${f.target} | ${verdict(f)} |`);
  const table = [header, '', '| figure | measured | ratio | target | |', '|---|---|---|---|---|', ...rows].join('\n');
  process.stdout.write(`${table}\n`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.md', `${table}\n`);
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
