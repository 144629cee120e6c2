// The badges of matching as Recruiterflow matches and of records changed on its side: each says what
// happened, shows its evidence and offers its fix.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELETED_CODE, DELETED_IN_RECRUITERFLOW, POSSIBLE_MATCH, type Enrollment, type FlagMatch } from '../../../src-shared/domain';
import { installRealBackend, Providers, type RealBackend } from '../../test/realBackend';
import { StateBadge } from './StateBadge';

describe('record change badges', () => {
  let rb: RealBackend;
  beforeEach(() => (rb = installRealBackend()));
  afterEach(() => rb.close());

  async function enrollment(state: Enrollment['state'], error: string, errorCode: string, evidence: FlagMatch[] = []): Promise<Enrollment> {
    await rb.call('contacts:import', { csv: 'email,first_name\njane@new.example,Jane' });
    const sequence = await rb.call('sequences:create', { name: 'Backend' });
    await rb.call('sequences:add', { sequenceId: sequence.id, emails: ['jane@new.example'] });
    rb.backend.ctx.sqlite
      .prepare('update enrollments set state = ?, error = ?, error_code = ?, evidence = ?')
      .run(state, error, errorCode, JSON.stringify(evidence));
    return (await rb.call('sequences:enrollments', { sequenceId: sequence.id })).rows[0]!;
  }

  it('"Possible match in Recruiterflow" shows the record, its emails and the field that matched; Don\'t sync works', async () => {
    const user = userEvent.setup();
    const flagged = await enrollment('flagged', POSSIBLE_MATCH, 'possible_match', [
      {
        type: 'candidate',
        id: 2042,
        name: 'Jane Doe',
        emails: ['jane@old.example'],
        matchedEmail: 'jane@new.example',
        matchedOn: 'linkedin',
        matchedValue: 'linkedin.com/in/jane-doe',
      },
    ]);
    render(<StateBadge enrollment={flagged} />, { wrapper: Providers });
    await user.click(screen.getByRole('button', { name: new RegExp(POSSIBLE_MATCH) }));
    const evidence = await screen.findByLabelText('Matched records');
    expect(evidence.textContent).toContain('Candidate #2042 · Jane Doe');
    expect(evidence.textContent).toContain('jane@old.example');
    expect(evidence.textContent).toContain('Matched on the LinkedIn URL linkedin.com/in/jane-doe, not on jane@new.example');
    expect(screen.getByRole('button', { name: 'Link to this record' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create a new record' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: "Don't sync" }));
    await waitFor(async () => {
      const page = await rb.call('sequences:enrollments', { sequenceId: flagged.sequenceId });
      expect(page.rows[0]).toMatchObject({ state: 'not_synced', errorCode: 'skipped' });
    });
  });

  it('"Deleted in Recruiterflow" says the record is gone and offers Resync', async () => {
    const user = userEvent.setup();
    const gone = await enrollment('not_synced', `${DELETED_IN_RECRUITERFLOW}: Candidate #2042 is gone`, DELETED_CODE);
    render(<StateBadge enrollment={gone} />, { wrapper: Providers });
    await user.click(screen.getByRole('button', { name: new RegExp(DELETED_IN_RECRUITERFLOW) }));
    expect(await screen.findByText('The record was deleted in Recruiterflow')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resync' })).toBeTruthy();
  });
});
