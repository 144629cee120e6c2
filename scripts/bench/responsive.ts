// Browser mode keeps answering while a million rows go in: the backend and its HTTP server (as `serve`
// runs them) in this process, a 1,000,000-row import and then a 1,000,000-contact enroll running, and a
// page of a sequence read over HTTP every 100 ms meanwhile. The import and the enroll write in batches,
// each its own short transaction, and give the event loop back between batches. The import runs as
// browser mode runs it (`interactive`: batches cut after a few ms of work), streamed from a file here
// because browser mode's uploads stop at 64 MB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToSequence } from '../../src-main/domain/enroll';
import { startBrowserServer } from '../../src-main/server/browserServer';
import { contactsCsv, writeContactsCsv } from './data';
import { createBackend } from '../../src-main/app/createBackend';
import { ms, percentile, type Figure } from './measure';

async function pollWhile(work: Promise<unknown>, read: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const start = performance.now();
    await read();
    samples.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await work;
  return samples;
}

export async function responsiveFigures(n: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'flowbridge-bench-live-'));
  const file = join(dir, 'contacts.csv');
  await writeContactsCsv(file, n);
  // As `serve` opens it: imports and adds go to the background writer's thread.
  const backend = createBackend({ dataDir: join(dir, 'data'), host: 'browser' });
  const server = await startBrowserServer({ backend, staticDir: join(dir, 'none') });
  try {
    // A sequence of 1,000 to read while the big work runs.
    const { importContacts } = await import('../../src-main/domain/contactImport');
    await importContacts(backend.ctx, contactsCsv(1000));
    const seq = await backend.invoke('sequences:create', { name: 'Read meanwhile' });
    if (!seq.ok) throw new Error(seq.error.message);
    const readId = (seq.value as { id: string }).id;
    await addToSequence(backend.ctx, readId, backend.ctx.sqlite.prepare('select email from contacts').pluck().all() as string[]);
    let offset = 0;
    const read = async () => {
      const res = await fetch(`${server.origin}/api/invoke/sequences:enrollments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ sequenceId: readId, sort: 'name', offset: (offset = (offset + 50) % 950), limit: 50 }),
      });
      const body = (await res.json()) as { ok: boolean };
      if (!body.ok) throw new Error('page read failed');
    };
    const duringImport = await pollWhile(backend.bulk.importContacts({ path: file }), read);
    const big = await backend.invoke('sequences:create', { name: 'A million' });
    if (!big.ok) throw new Error(big.error.message);
    const emails = backend.ctx.sqlite.prepare('select email from contacts').pluck().all() as string[];
    const duringEnroll = await pollWhile(backend.bulk.addToSequence((big.value as { id: string }).id, emails), read);
    const figure = (what: string, samples: number[]): Figure => {
      const p95 = percentile(samples, 95);
      return {
        figure: `browser mode answering page reads over HTTP (every 100 ms) while ${what}`,
        measured: `${samples.length} reads: p95 ${ms(p95)}, longest ${ms(Math.max(...samples))}`,
        ratio: '-',
        target: 'p95 < 50 ms',
        met: p95 < 50,
      };
    };
    return [
      figure(`a ${n.toLocaleString('en-US')}-row CSV file is imported`, duringImport),
      figure(`${n.toLocaleString('en-US')} contacts are added to a sequence`, duringEnroll),
    ];
  } finally {
    await server.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
