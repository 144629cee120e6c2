// The meta table holds facts the app reads all the time (the sync's pause, the demo workspace, the search
// index's mark). Reading one of them must never change how another is read.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../testing/fixtures';

describe('meta', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('a paused sync stays paused after a contacts search (the search reads its own mark from meta)', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email,first_name\nada@example.com,Ada\ngrace@example.com,Grace' });
    await t.call('sync:pause', {});
    expect((await t.call('sync:status', {})).paused).toBe(true);
    const found = await t.call('contacts:list', { search: 'grace', offset: 0, limit: 10 });
    expect(found.rows.map((r) => r.email)).toEqual(['grace@example.com']);
    expect((await t.call('sync:status', {})).paused).toBe(true);
  });
});
