import { afterEach, describe, expect, it } from 'vitest';
import { connectedBackend, contactsCsv, type TestBackend } from '../testing/fixtures';

describe('adding contacts to a sequence', () => {
  let t: TestBackend | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('in browser mode, answers a page read while a large add is still being written, and the add completes whole', async () => {
    const c = await connectedBackend({ csv: contactsCsv(4000), backend: { host: 'browser' } });
    t = c;
    const reading = await c.call('sequences:create', { name: 'Read meanwhile' });
    await c.call('sequences:add', { sequenceId: reading.id, emails: ['person1@example.test', 'person2@example.test'] });
    const big = await c.call('sequences:create', { name: 'Big' });
    const emails = Array.from({ length: 4000 }, (_, i) => `person${i}@example.test`);

    let addDone = false;
    const add = c.call('sequences:add', { sequenceId: big.id, emails }).finally(() => (addDone = true));
    // The read arrives as the add starts writing, as a request of the window or of browser mode would.
    const read = new Promise<{ answeredDuringAdd: boolean; total: number }>((resolve, reject) =>
      setImmediate(() => {
        c.call('sequences:enrollments', { sequenceId: reading.id, offset: 0, limit: 50 })
          .then((page) => resolve({ answeredDuringAdd: !addDone, total: page.total }))
          .catch(reject);
      }),
    );
    const [summary, page] = await Promise.all([add, read]);
    expect(page).toEqual({ answeredDuringAdd: true, total: 2 });
    expect(summary.added).toBe(4000);

    const db = c.backend.ctx.sqlite;
    const one = (sql: string) => db.prepare(sql).pluck().get(big.id) as number;
    expect(one('select count(*) from enrollments where sequence_id = ?')).toBe(4000);
    expect(one("select n from enrollment_counts where sequence_id = ? and state = 'queued'")).toBe(4000);
    expect(one('select count(*) from sync_queue q join enrollments e on e.id = q.enrollment_id where e.sequence_id = ?')).toBe(4000);
  });

  it('keeps one live unit of work per enrollment, beside its finished ones, and removes all of them with the enrollment', async () => {
    const c = await connectedBackend({ csv: contactsCsv(2) });
    t = c;
    const seq = await c.call('sequences:create', { name: 'S' });
    await c.call('sequences:add', { sequenceId: seq.id, emails: ['person0@example.test'] });
    const db = c.backend.ctx.sqlite;
    const enrollmentId = db.prepare('select id from enrollments').pluck().get() as number;
    const queue = db.prepare(
      `insert into sync_queue (enrollment_id, state, attempts, next_attempt_at, created_at, updated_at)
       values (?, ?, 0, 0, 0, 0) on conflict do nothing`,
    );
    const rows = () => db.prepare('select state from sync_queue where enrollment_id = ? order by id').pluck().all(enrollmentId);

    // A second trigger while the first is live queues nothing.
    expect(queue.run(enrollmentId, 'pending').changes).toBe(0);
    expect(() => db.prepare("update sync_queue set state = 'pending' where enrollment_id = ?").run(enrollmentId)).not.toThrow();
    // Once it is over, the enrollment may be queued again (follow-up work), and again only once.
    db.prepare("update sync_queue set state = 'done' where enrollment_id = ?").run(enrollmentId);
    expect(queue.run(enrollmentId, 'pending').changes).toBe(1);
    expect(queue.run(enrollmentId, 'backoff').changes).toBe(0);
    db.prepare("update sync_queue set state = 'cancelled' where state = 'pending'").run();
    expect(queue.run(enrollmentId, 'review').changes).toBe(1);
    expect(rows()).toEqual(['done', 'cancelled', 'review']);

    await c.call('enrollments:remove', { ids: [enrollmentId] });
    expect(rows()).toEqual([]);
  });
});
