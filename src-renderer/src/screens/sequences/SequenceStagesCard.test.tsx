// The sequence's stage card against a real backend and the sandbox: the job's stages are offered by name,
// the "applies to contacts added after you save" note is there, and saving stores the reply stage.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src-main/sandbox';
import { installRealBackend, Providers, type RealBackend } from '../../../test/realBackend';
import { SequenceStagesCard } from './SequenceStagesCard';

describe('a sequence’s pipeline stages', () => {
  let rb: RealBackend;
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, allowOrigins: [window.location.origin] });
  });
  afterAll(() => sandbox.stop());
  afterEach(() => rb.close());

  it('offers the job’s stages and saves the reply stage chosen', async () => {
    rb = installRealBackend();
    await rb.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const seq = await rb.call('sequences:create', { name: 'Backend', jobId: 101 });
    render(
      <Providers>
        <SequenceStagesCard sequenceId={seq.id} />
      </Providers>,
    );
    expect(screen.getByText('Applies to contacts added after you save.')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save stages' });
    expect(save.hasAttribute('disabled') || save.getAttribute('data-disabled') === 'true').toBe(true);
    const user = userEvent.setup();
    const reply = (await screen.findAllByLabelText('Reply stage')).find((el) => el.tagName === 'INPUT')!;
    await waitFor(() => expect(reply.hasAttribute('disabled')).toBe(false));
    await user.click(reply);
    await user.click(await screen.findByRole('option', { name: 'Interview' }));
    await user.click(save);
    await waitFor(async () =>
      expect(await rb.call('stages:get', { sequenceId: seq.id })).toMatchObject({ replyStage: 'Interview', stage: null }),
    );
  });
});
