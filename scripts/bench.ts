// `npm run bench`: every performance figure of issue 7 next to its target, on this machine.
// Each figure is the median of several runs. Needs a build (`npm run build`) for the browser figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { bigDataFolder, enrollFigure, exportFigure, importFigure, machine, memoryFigure, pageFigure, rawInsert } from './bench/local';
import type { Figure } from './bench/measure';
import { searchFigures } from './bench/search';
import { dedupFigure, rateLimitFigure, syncLatencyFigure } from './bench/sync';
import { bigTableFigure, startupFigure } from './bench/browser';
import { mailboxFigures } from './bench/mailbox';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    process.stderr.write(`${f.met ? '✓' : '✗'} ${f.figure}: ${f.measured}\n`);
  };
  const runs = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : 3;
  let big: string | null = null;
  if (want('local')) {
    add(await rawInsert());
    add(await importFigure());
    add(await enrollFigure());
    big = await bigDataFolder();
    add(await pageFigure(big));
    for (const figure of await searchFigures(big)) add(figure);
    add(await exportFigure(big));
    add(await memoryFigure(big));
  }
  if (want('browser')) {
    add(await startupFigure(runs));
    add(await bigTableFigure(big ?? (await bigDataFolder()), runs));
  }
  if (want('sync')) {
    add(await syncLatencyFigure(runs));
    add(await rateLimitFigure(runs));
    add(await dedupFigure());
  }
  if (want('mailbox')) for (const f of await mailboxFigures(runs)) add(f);
  const header = `Flowbridge benchmark, ${new Date().toISOString().slice(0, 10)}, on ${machine()}`;
  const verdict = (f: Figure) => (f.target === '-' ? '(reference)' : f.met ? 'met' : 'NOT met');
  const rows = figures.map((f) => `| ${f.figure} | ${f.measured} | ${f.target} | ${verdict(f)} |`);
  const table = [header, '', '| figure | measured | target | |', '|---|---|---|---|', ...rows].join('\n');
  process.stdout.write(`${table}\n`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.md', `${table}\n`);
}

void main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
