// After a change made from this window succeeds, every visible list refreshes; a read, or a change that
// failed, refreshes nothing. Which channels change data is declared per channel (CHANNEL_KINDS).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealBackend, type RealBackend } from '../../test/realBackend';
import { call } from './call';
import { onLocalChange } from './localChanges';

describe('local changes', () => {
  let rb: RealBackend;
  let announced = 0;
  let off: () => void;
  beforeEach(() => {
    rb = installRealBackend();
    announced = 0;
    off = onLocalChange(() => (announced += 1));
  });
  afterEach(async () => {
    off();
    await rb.close();
  });

  it('announces a successful mutation, not a query', async () => {
    await call('contacts:list', {});
    await call('sequences:list', {});
    await call('errors:export', { format: 'csv' });
    expect(announced).toBe(0);
    await call('sequences:create', { name: 'Backend' });
    expect(announced).toBe(1);
    await call('contacts:import', { csv: 'email\nann@acme.example' });
    expect(announced).toBe(2);
  });

  it('announces nothing when the change failed', async () => {
    await call('sequences:add', { sequenceId: '999', emails: ['nobody@x.example'] }, { silent: true });
    expect(announced).toBe(0);
  });
});
