// The add's batches skip the per-row foreign key lookups (store/enrollmentAdd.ts): what stands in for them
// is one check of the sequence and its owner inside each batch's transaction. These tests hold it to that:
// no orphan is ever written, and the connection's foreign key checks are back on whatever happens.
import { afterEach, describe, expect, it } from 'vitest';
import { connectedBackend, contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import { addStatements } from './enrollmentAdd';

let t: TestBackend | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const foreignKeysOn = (b: TestBackend) => b.backend.ctx.sqlite.pragma('foreign_keys', { simple: true }) === 1;
const enrollments = (b: TestBackend) => Number(b.backend.ctx.sqlite.prepare('select count(*) from enrollments').pluck().get());

describe("an add's batch", () => {
  it('writes whole, consistent rows: no orphan anywhere, and foreign key checks on again afterwards', async () => {
    t = await connectedBackend({ csv: contactsCsv(300) });
    const seq = await t.call('sequences:create', { name: 'Checked once' });
    const emails = Array.from({ length: 300 }, (_, i) => `person${i}@example.test`);
    expect((await t.call('sequences:add', { sequenceId: seq.id, emails })).added).toBe(300);
    expect(foreignKeysOn(t)).toBe(true);
    expect(t.backend.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(Number(t.backend.ctx.sqlite.prepare('select count(*) from sync_queue').pluck().get())).toBe(300);
  });

  it('refuses to write for a sequence that is gone, writes nothing, and turns the checks back on', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: contactsCsv(3) });
    const { inBatch, insertEnrollments } = addStatements(t.backend.ctx.sqlite, { anyFlagged: false, parkDemo: false });
    let wrote = false;
    expect(() =>
      inBatch(999, 1, () => {
        wrote = true;
        insertEnrollments.run({});
      }),
    ).toThrow(expect.objectContaining({ code: 'unknown_sequence' }));
    expect(wrote).toBe(false);
    expect(enrollments(t)).toBe(0);
    expect(foreignKeysOn(t)).toBe(true);
  });

  it('rolls a failing batch back whole and turns the checks back on', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: contactsCsv(3) });
    const seq = await t.call('sequences:create', { name: 'Rolled back' });
    const sqlite = t.backend.ctx.sqlite;
    const { inBatch } = addStatements(sqlite, { anyFlagged: false, parkDemo: false });
    expect(() =>
      inBatch(Number(seq.id), 1, () => {
        sqlite.prepare("insert into enrollment_counts (sequence_id, state, n) values (?, 'queued', 3)").run(Number(seq.id));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(Number(sqlite.prepare('select count(*) from enrollment_counts').pluck().get())).toBe(0);
    expect(foreignKeysOn(t)).toBe(true);
  });
});
