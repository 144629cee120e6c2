// The command line for owners and stages: `users set-owner`, `settings set --stage`, `sequences set --stage --reply-stage`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { tempDir } from '../testing/fixtures';
import { runCliIn } from '../testing/cliRun';

/** The CLI with `--json`, in this data folder. */
const cli = (dataDir: string, ...argv: string[]) => runCliIn(dataDir, [...argv, '--json']);

describe('owners and stages on the command line', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = tempDir();
    expect((await cli(dir, 'connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey)).code).toBe(0);
  });
  afterAll(async () => sandbox.stop());

  it('users set-owner pairs a teammate with a Recruiterflow user, and `email` goes back to matching by email', async () => {
    const set = await cli(dir, 'users', 'set-owner', 'owner@flowbridge.local', '40202');
    expect(set).toMatchObject({
      code: 0,
      json: { email: 'owner@flowbridge.local', rfUserId: 40202, rfUserName: 'Riley Recruiter', how: 'chosen' },
    });
    const owners = await cli(dir, 'users', 'owners');
    expect(owners.json).toMatchObject({ users: [{ email: 'owner@flowbridge.local', rfUserId: 40202 }] });
    expect((await cli(dir, 'users', 'set-owner', 'owner@flowbridge.local', 'email')).json).toMatchObject({ how: 'none', rfUserId: null });
  });

  it('users set-owner refuses an unknown teammate, an unknown Recruiterflow user and a non-number', async () => {
    expect((await cli(dir, 'users', 'set-owner', 'nobody@x.co', '40202')).json).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
    });
    expect((await cli(dir, 'users', 'set-owner', 'owner@flowbridge.local', '777')).json).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('Riley Recruiter') },
    });
    const bad = await cli(dir, 'users', 'set-owner', 'owner@flowbridge.local', 'riley');
    expect(bad.code).not.toBe(0);
    expect(bad.json).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
  });

  it('settings set --stage picks the default stage from the default job, by name', async () => {
    const set = await cli(dir, 'settings', 'set', '--default-job', '103', '--stage', 'interview');
    expect(set).toMatchObject({ code: 0, json: { defaultJobId: 103, stage: 'Interview' } });
    const refused = await cli(dir, 'settings', 'set', '--stage', 'Lunch');
    expect(refused.json).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('Phone Screen') } });
    expect((await cli(dir, 'settings', 'show')).json).toMatchObject({ defaultJobId: 103, stage: 'Interview' });
    expect((await cli(dir, 'settings', 'set', '--stage', 'first')).json).toMatchObject({ stage: null });
    expect((await cli(dir, 'settings', 'show')).json).toMatchObject({ stage: null });
  });

  it('sequences set --stage --reply-stage picks both from the sequence job, and inherit/none clear them', async () => {
    const seq = (await cli(dir, 'sequences', 'create', '--name', 'Designers', '--job', '103')).json!;
    const set = await cli(dir, 'sequences', 'set', String(seq.id), '--stage', 'Applied', '--reply-stage', 'phone screen');
    expect(set).toMatchObject({
      code: 0,
      json: { id: seq.id, jobId: 103, stage: 'Applied', replyStage: 'Phone Screen', effectiveStage: 'Applied' },
    });
    const cleared = await cli(dir, 'sequences', 'set', String(seq.id), '--stage', 'inherit', '--reply-stage', 'none');
    expect(cleared.json).toMatchObject({ stage: null, replyStage: null });
    expect((await cli(dir, 'sequences', 'set', String(seq.id), '--reply-stage', 'Lunch')).json).toEqual({
      error: { code: 'invalid_input', message: expect.stringContaining('has no stage "Lunch"') },
    });
  });
});
