// The state badge: each problem says what it is and offers its own fix, and the fix really happens.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXISTS_IN_RECRUITERFLOW, type Enrollment } from '../../../src-shared/domain';
import { installRealBackend, Providers, type RealBackend } from '../../test/realBackend';
import { StateBadge } from './StateBadge';

describe('StateBadge', () => {
  let rb: RealBackend;
  beforeEach(() => (rb = installRealBackend()));
  afterEach(() => rb.close());

  /** One enrollment of ann@acme.example, put into `state` with `error` as the engine would leave it. */
  async function enrollment(state: Enrollment['state'], error: string | null, errorCode: string | null): Promise<Enrollment> {
    await rb.call('contacts:import', { csv: 'email,first_name\nann@acme.example,Ann' });
    const sequence = await rb.call('sequences:create', { name: 'Backend' });
    await rb.call('sequences:add', { sequenceId: sequence.id, emails: ['ann@acme.example'] });
    rb.backend.ctx.sqlite.prepare('update enrollments set state = ?, error = ?, error_code = ?').run(state, error, errorCode);
    const page = await rb.call('sequences:enrollments', { sequenceId: sequence.id });
    return page.rows[0]!;
  }

  it('explains an "Exists in Recruiterflow" flag, and clearing it lets the contact continue', async () => {
    const user = userEvent.setup();
    const flagged = await enrollment('flagged', EXISTS_IN_RECRUITERFLOW, 'exists_in_recruiterflow');
    render(<StateBadge enrollment={flagged} />, { wrapper: Providers });

    await user.click(screen.getByRole('button', { name: /Exists in Recruiterflow/ }));
    expect(await screen.findByText('Already in Recruiterflow')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear and continue' }));

    await waitFor(async () => {
      const page = await rb.call('sequences:enrollments', { sequenceId: flagged.sequenceId });
      expect(page.rows[0]!.state).not.toBe('flagged');
    });
  });

  it("offers fixes that can work for a refused custom field: edit the contact, or retry with today's mapping", async () => {
    const user = userEvent.setup();
    const failed = await enrollment('failed', 'Custom field Seniority: "Wizard" is not an option', 'custom_field');
    render(<StateBadge enrollment={failed} />, { wrapper: Providers });
    await user.click(screen.getByRole('button', { name: /Custom field error/ }));
    expect(await screen.findByRole('button', { name: 'Edit the contact' })).toBeTruthy();
    // Editing the mapping alone never reaches a contact already added (mappings are versioned): not offered.
    expect(screen.queryByRole('button', { name: 'Edit mapping' })).toBeNull();
    await user.click(screen.getByRole('button', { name: "Retry with today's mapping" }));
    await waitFor(async () => {
      const page = await rb.call('sequences:enrollments', { sequenceId: failed.sequenceId });
      expect(page.rows[0]!.state).toBe('queued');
    });
  });

  it('retries a failed contact: it goes back into the queue', async () => {
    const user = userEvent.setup();
    const failed = await enrollment('failed', '500 from Recruiterflow', 'server_error');
    render(<StateBadge enrollment={failed} />, { wrapper: Providers });
    await user.click(screen.getByRole('button', { name: /^Failed/ }));
    expect(await screen.findByText(/Message: 500 from Recruiterflow/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(async () => {
      const page = await rb.call('sequences:enrollments', { sequenceId: failed.sequenceId });
      expect(page.rows[0]!.state).toBe('queued');
    });
  });

  it('shows a plain state without a fix', async () => {
    const user = userEvent.setup();
    const synced = await enrollment('synced', null, null);
    render(<StateBadge enrollment={synced} />, { wrapper: Providers });
    await user.click(screen.getByRole('button', { name: 'Synced' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelectorAll('button')).toHaveLength(0);
  });
});
