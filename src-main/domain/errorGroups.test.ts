// The Errors screen groups by error code and cause: "lots", "heaps" and "plenty" in Expected Salary are
// one group, and that group lists exactly its rows.
import { afterEach, describe, expect, it } from 'vitest';
import { csvOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('errors grouped by cause', () => {
  it('groups one field problem with different values, and filters the list by that group', async () => {
    t = await syncBackend({
      csv: csvOf([
        { email: 'a@example.test', salary: 'lots', notice: '30' },
        { email: 'b@example.test', salary: 'heaps', notice: '30' },
        { email: 'c@example.test', salary: 'plenty', notice: '30' },
        { email: 'd@example.test', salary: '120000', notice: 'ten' },
      ]),
    });
    await t.call('mapping:set', {
      rules: [
        { source: 'salary', target: 'custom:203' },
        { source: 'notice', target: 'custom:205' },
      ],
    });
    const seq = await t.call('sequences:create', { name: 'Salaries' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['a@example.test', 'b@example.test', 'c@example.test', 'd@example.test'] });
    await t.call('sync:run', {});

    const list = await t.call('errors:list', {});
    expect(list.total).toBe(4);
    expect(list.groups.map((g) => [g.code, g.error, g.count])).toEqual([
      ['invalid_data', 'Expected Salary: not an amount (write e.g. "120000 USD" or "$120,000")', 3],
      ['invalid_data', 'Notice Period (days): not a number', 1],
    ]);
    const salary = list.groups[0]!;
    expect(salary.example).toMatch(/^Expected Salary: "(lots|heaps|plenty)" is not an amount/);
    const rows = await t.call('errors:list', { group: salary.key });
    expect(rows.total).toBe(3);
    expect(rows.rows.map((r) => r.email).sort()).toEqual(['a@example.test', 'b@example.test', 'c@example.test']);
  });
});
