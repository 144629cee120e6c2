// The background writer as browser mode and the window use it: imports and adds to a sequence run on a
// worker thread with its own connection to the same SQLite file, and what the recruiter sees (the rows,
// the summary, the events, the errors, a cancel) is what the same work gives on the main thread.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src-shared/contract';
import { connectedBackend, contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';

let t: TestBackend | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function recordEvents(backend: TestBackend): { name: EventName; payload: unknown }[] {
  const seen: { name: EventName; payload: unknown }[] = [];
  backend.backend.events.subscribe((name, payload) => seen.push({ name, payload }));
  return seen;
}

const count = (backend: TestBackend, sql: string, ...params: unknown[]) =>
  Number(
    backend.backend.ctx.sqlite
      .prepare(sql)
      .pluck()
      .get(...params),
  );
const warnings = (backend: TestBackend) =>
  backend.backend.ctx.sqlite.prepare("select message from sync_log where event = 'bulk.inline'").pluck().all() as string[];

describe('the background writer (browser mode)', () => {
  it('imports and adds on its own thread: the same rows, summaries and events as on the main thread', async () => {
    const c = await connectedBackend({ backend: { host: 'browser' } });
    t = c;
    const seen = recordEvents(c);
    const imported = await c.call('contacts:import', { csv: `${contactsCsv(9000)}\nnot-an-email,X,Y,Z`, importId: 'up-1' });
    expect(imported).toMatchObject({ imported: 9000, updated: 0, rejected: [{ row: 9002, reason: 'invalid email "not-an-email"' }] });
    expect(count(c, 'select count(*) from contacts')).toBe(9000);
    const progress = seen.filter((e) => e.name === 'import:progress').map((e) => (e.payload as { rowsRead: number }).rowsRead);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(9001);
    expect(seen).toContainEqual({ name: 'data:changed', payload: { what: 'contacts' } });

    const seq = await c.call('sequences:create', { name: 'Threaded' });
    const emails = Array.from({ length: 9000 }, (_, i) => `PERSON${i}@example.test`);
    expect(await c.call('sequences:add', { sequenceId: seq.id, emails })).toEqual({ added: 9000, alreadyEnrolled: 0, flagged: [] });
    expect(count(c, "select n from enrollment_counts where sequence_id = ? and state = 'queued'", seq.id)).toBe(9000);
    expect(count(c, 'select count(*) from sync_queue')).toBe(9000);
    expect(seen).toContainEqual({ name: 'queue:changed', payload: { reason: 'enrolled' } });
    // The second add of the same list finds them all enrolled.
    expect(await c.call('sequences:add', { sequenceId: seq.id, emails: emails.slice(0, 10) })).toEqual({
      added: 0,
      alreadyEnrolled: 10,
      flagged: [],
    });
    expect(warnings(c)).toEqual([]);
  });

  it('asks the main thread (which holds the key) for the dedup check, and flags with its evidence', async () => {
    const c = await connectedBackend({
      backend: { host: 'browser' },
      csv: 'email,first_name,last_name\nexisting@acme.example,Erin,Existing\nnew.person@example.test,New,Person',
    });
    t = c;
    await c.call('settings:set', { dedup: true });
    const seq = await c.call('sequences:create', { name: 'Checked' });
    const summary = await c.call('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example', 'new.person@example.test'] });
    expect(summary.added).toBe(2);
    expect(summary.flagged).toEqual([{ email: 'existing@acme.example', error: expect.stringContaining('Recruiterflow') }]);
    const evidence = c.backend.ctx.sqlite
      .prepare("select evidence from enrollments where email = 'existing@acme.example'")
      .pluck()
      .get() as string;
    expect(JSON.parse(evidence)).toEqual([expect.objectContaining({ type: 'candidate', matchedEmail: 'existing@acme.example' })]);
    expect(count(c, "select dedup_checked from enrollments where email = 'new.person@example.test'")).toBe(1);
  });

  it('hands back its errors as the main thread would raise them (code, message, field), having written nothing', async () => {
    t = openTestBackend({ host: 'browser' });
    await t.call('contacts:import', { csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Strict' });
    const error = await t.fails('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test', 'nobody@example.test'] });
    expect(error).toEqual({
      code: 'unknown_contact',
      message: expect.stringContaining('Not a contact: nobody@example.test'),
      field: 'emails',
    });
    expect(count(t, 'select count(*) from enrollments')).toBe(0);
    expect((await t.fails('contacts:import', { csv: 'name,company\nA,B' })).code).toBe('bad_csv');
  });

  it('stops an import at a batch boundary when it is cancelled, and keeps what it had saved', async () => {
    t = openTestBackend({ host: 'browser' });
    const backend = t;
    let cancelled = false;
    backend.backend.events.subscribe((name) => {
      if (name === 'import:progress' && !cancelled) {
        cancelled = true;
        void backend.call('contacts:importCancel', { importId: 'big' });
      }
    });
    const error = await backend.fails('contacts:import', { csv: contactsCsv(60_000), importId: 'big' });
    expect(error.code).toBe('conflict');
    const saved = Number(/(\d[\d,]*) new/.exec(error.message)?.[1]?.replace(/,/g, ''));
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(60_000);
    expect(count(backend, 'select count(*) from contacts')).toBe(saved);
  });

  it('runs the work on the main thread, and says so once in the log, where the worker cannot start', async () => {
    t = openTestBackend({ host: 'browser', bulkWorker: { file: join(__dirname, 'no-such-worker.js'), typescript: false } });
    expect(await t.call('contacts:import', { csv: contactsCsv(5) })).toMatchObject({ imported: 5 });
    const seq = await t.call('sequences:create', { name: 'Inline' });
    expect(await t.call('sequences:add', { sequenceId: seq.id, emails: ['person1@example.test'] })).toMatchObject({ added: 1 });
    expect(warnings(t)).toEqual([expect.stringContaining('the background writer did not start')]);
  });
});
