// The queue's bulk actions: selected items are held, released, approved or cancelled in the real queue,
// and "Apply to all" reaches items that were never loaded into the table.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueState } from '../../../../src-shared/domain';
import { installRealBackend, Providers, type RealBackend } from '../../../test/realBackend';
import { startSandbox, type Sandbox } from '../../../../src-main/sandbox';
import { AppStatusProvider } from '../../hooks/useAppStatus';
import { QueueScreen } from './QueueScreen';

// happy-dom does no layout: give elements a size so the virtualized table renders its rows.
const sized = ['offsetHeight', 'offsetWidth', 'clientHeight', 'clientWidth'] as const;
const saved = sized.map((p) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
beforeAll(() => {
  for (const p of sized)
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => (p.endsWith('Height') ? 2000 : 1200) });
});
afterAll(() => sized.forEach((p, i) => saved[i] && Object.defineProperty(HTMLElement.prototype, p, saved[i])));

describe('queue bulk actions', () => {
  let rb: RealBackend;
  let sandbox: Sandbox;
  beforeAll(async () => {
    // The backend under test sends with happy-dom's fetch, which adds this page's Origin.
    sandbox = await startSandbox({ port: 0, allowOrigins: [window.location.origin] });
  });
  afterAll(() => sandbox.stop());
  beforeEach(async () => {
    rb = installRealBackend();
    // Connected (items are queued only then) but paused, so that the items wait for the recruiter.
    await rb.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    await rb.call('sync:pause', {});
    await rb.call('settings:set', { syncMode: 'on-add' });
    const emails = Array.from({ length: 5 }, (_, i) => `p${i}@acme.example`);
    await rb.call('contacts:import', { csv: ['email', ...emails].join('\n') });
    const sequence = await rb.call('sequences:create', { name: 'Backend' });
    await rb.call('sequences:add', { sequenceId: sequence.id, emails });
  });
  afterEach(() => rb.close());

  it('has five waiting items to act on', async () => {
    expect(Object.values(await statesByEmail())).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
  });

  const statesByEmail = async () => {
    const page = await rb.call('queue:list', { limit: 100 });
    return Object.fromEntries(page.rows.map((r) => [r.email, r.state])) as Record<string, QueueState>;
  };

  function renderQueue() {
    render(
      <Providers>
        <AppStatusProvider>
          <QueueScreen />
        </AppStatusProvider>
      </Providers>,
    );
  }

  it('holds the selected items only, then releases them', async () => {
    const user = userEvent.setup();
    renderQueue();
    await user.click(await screen.findByRole('checkbox', { name: 'Select p1@acme.example' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select p3@acme.example' }));
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    await user.click(within(bar).getByRole('button', { name: 'Hold' }));
    await waitFor(async () => expect(Object.values(await statesByEmail()).filter((s) => s === 'held')).toHaveLength(2));
    const held = await statesByEmail();
    expect(held['p1@acme.example']).toBe('held');
    expect(held['p3@acme.example']).toBe('held');
    expect(held['p0@acme.example']).toBe('pending');
    // The selection is spent: the bar goes away.
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull());

    await user.click(screen.getByRole('checkbox', { name: 'Select p1@acme.example' }));
    await user.click(within(screen.getByRole('toolbar', { name: 'Bulk actions' })).getByRole('button', { name: 'Release' }));
    await waitFor(async () => expect((await statesByEmail())['p1@acme.example']).toBe('pending'));
    expect((await statesByEmail())['p3@acme.example']).toBe('held');
  });

  it('cancels every item of the queue after a confirmation, not before', async () => {
    const user = userEvent.setup();
    renderQueue();
    await screen.findByRole('checkbox', { name: 'Select p0@acme.example' });
    await user.click(screen.getByRole('button', { name: 'Apply to all…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Cancel all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel every queue item?' });
    expect(Object.values(await statesByEmail()).every((s) => s === 'pending')).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel all' }));
    await waitFor(async () => expect(Object.values(await statesByEmail()).every((s) => s === 'cancelled')).toBe(true));
  });
});
