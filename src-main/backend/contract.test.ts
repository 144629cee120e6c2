import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src-shared/contract';
import { openTestBackend, type TestBackend } from '../testing/fixtures';

/** Every row of every table, to prove a refused call changed nothing. */
function snapshot(t: TestBackend): string {
  const tables = t.backend.ctx.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((name) => [name, t.backend.ctx.sqlite.prepare(`select * from "${name}"`).all()]));
}

describe('the typed contract at the backend boundary', () => {
  let t: TestBackend;
  afterEach(async () => t?.close());

  it('has a handler for every channel and nothing else', async () => {
    t = openTestBackend();
    expect(CHANNELS.length).toBe(Object.keys(contract).length);
    const unknown = await t.backend.invoke('fs:readFile', { path: '/etc/passwd' });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Unknown channel') } });
  });

  it.each([
    ['sequences:create', { name: '' }],
    ['sequences:create', { name: 'x', syncMode: 'sometimes' }],
    ['sequences:add', { sequenceId: '1', emails: [] }],
    ['settings:set', { defaultJobId: -4 }],
    ['settings:set', { syncAs: 'lead' }],
    ['mapping:set', { rules: [{ source: 'x', target: 'DROP TABLE' }] }],
    ['users:add', { email: 'a@b.co', name: 'A', role: 'admin' }],
    ['connection:connect', { baseUrl: 'not a url', apiKey: 'k' }],
    ['queue:hold', {}],
    ['contacts:list', { limit: 100000 }],
    ['sequences:enrollments', { sequenceId: '1', states: ['lost'] }],
  ])('%s rejects %j with invalid_input and changes nothing', async (channel, input) => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email\nkeep@me.co' });
    await t.call('sequences:create', { name: 'Keep' });
    const before = snapshot(t);
    const error = await t.fails(channel as never, input);
    expect(error.code).toBe('invalid_input');
    expect(error.message.length).toBeGreaterThan(0);
    expect(snapshot(t)).toBe(before);
  });

  it('answers domain failures with their own codes', async () => {
    t = openTestBackend();
    expect((await t.fails('sequences:get', { id: '999' })).code).toBe('unknown_sequence');
    expect((await t.fails('contacts:get', { email: 'nobody@x.co' })).code).toBe('unknown_contact');
    expect((await t.fails('sync:run', {})).code).toBe('not_connected');
    expect((await t.fails('users:add', { email: 'boss@x.co', name: 'Boss', role: 'owner' })).code).toBe('conflict');
  });

  it('adds nothing when one email of a batch is not a contact', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email\na@x.co\nb@x.co' });
    const seq = await t.call('sequences:create', { name: 'S' });
    const error = await t.fails('sequences:add', { sequenceId: seq.id, emails: ['a@x.co', 'ghost@x.co'] });
    expect(error.code).toBe('unknown_contact');
    expect(error.message).toContain('ghost@x.co');
    expect((await t.call('sequences:enrollments', { sequenceId: seq.id })).total).toBe(0);
  });
});
