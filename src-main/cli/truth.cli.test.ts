// The command line shows the same truth as the window: the awaiting_reply state, Resync's reasons, flags
// with their matched record, errors resolve, and an account change said out loud.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { tempDir } from '../testing/fixtures';
import { runCliIn } from '../testing/cliRun';

const cli = (dataDir: string, ...argv: string[]) => runCliIn(dataDir, argv);

const CONTACT = 'existing.contact@acme.example'; // a seeded Recruiterflow contact

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.stop();
});

async function connected(): Promise<{ dir: string; sandbox: Sandbox }> {
  const sandbox = await startSandbox({ port: 0 });
  sandboxes.push(sandbox);
  const dir = tempDir();
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, `email,first_name,last_name\nann@x.co,Ann,One\n${CONTACT},Casey,Contact\n`);
  await cli(dir, 'connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey);
  await cli(dir, 'contacts', 'import', csv);
  return { dir, sandbox };
}

describe('the command line tells the same truth', () => {
  it('awaiting_reply in contacts show, status and sequence counts; resync says why it queued nothing', async () => {
    const { dir } = await connected();
    const seq = (await cli(dir, '--json', 'sequences', 'create', '--name', 'Warm', '--sync-mode', 'on-reply')).json!.id as string;
    await cli(dir, 'sequences', 'add', seq, '--emails', 'ann@x.co');
    expect((await cli(dir, '--json', 'contacts', 'show', '--email', 'ann@x.co')).json).toMatchObject({
      enrollments: [{ state: 'awaiting_reply' }],
    });
    expect((await cli(dir, '--json', 'status')).json).toMatchObject({ states: { awaiting_reply: 1, not_synced: 0 } });
    expect((await cli(dir, '--json', 'sequences', 'list')).stdout).toContain('"awaiting_reply":1');
    expect((await cli(dir, '--json', 'resync')).json).toMatchObject({ queued: 0, message: '0 contacts queued: 1 is waiting for a reply' });
  });

  it('a flag shows its reason and matched record; errors resolve --create / --link fix it', async () => {
    const { dir, sandbox } = await connected();
    const seq = (await cli(dir, '--json', 'sequences', 'create', '--name', 'Frontend', '--job', '102')).json!.id as string;
    await cli(dir, 'sequences', 'add', seq, '--emails', CONTACT);
    await cli(dir, 'sync', 'run');
    const casey = sandbox.state.findByEmail(CONTACT, 'contact')!;
    expect((await cli(dir, '--json', 'contacts', 'show', '--email', CONTACT)).json).toMatchObject({
      enrollments: [
        {
          state: 'flagged',
          error: 'Exists in Recruiterflow as a Contact',
          errorCode: 'exists_as_contact',
          matches: [{ type: 'contact', id: casey.id, name: 'Casey Contact', emails: [CONTACT], matchedEmail: CONTACT }],
        },
      ],
    });
    const both = await cli(dir, '--json', 'errors', 'resolve', '--email', CONTACT, '--create', '--link', String(casey.id));
    expect(both.json).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('exactly one of --create, --link RF_ID or --skip') },
    });
    const wrong = await cli(dir, '--json', 'errors', 'resolve', '--email', CONTACT, '--link', '4242');
    expect(wrong.json).toMatchObject({
      resolved: 0,
      refused: [{ email: CONTACT, reason: expect.stringContaining('not a record that matched') }],
    });
    expect((await cli(dir, '--json', 'errors', 'resolve', '--email', CONTACT, '--sequence', seq, '--create')).json).toEqual({
      resolved: 1,
      refused: [],
    });
    await cli(dir, 'sync', 'run');
    const candidate = sandbox.state.findByEmail(CONTACT, 'candidate')!;
    expect((await cli(dir, '--json', 'contacts', 'show', '--email', CONTACT)).json).toMatchObject({
      enrollments: [{ state: 'synced', syncAs: 'candidate', jobId: 102, recruiterflowId: candidate.id, matches: [] }],
    });
  });

  it('connect to another account changes it without asking, and says what that did', async () => {
    const { dir } = await connected();
    const seq = (await cli(dir, '--json', 'sequences', 'create', '--name', 'Backend')).json!.id as string;
    await cli(dir, 'sequences', 'add', seq, '--emails', 'ann@x.co');
    await cli(dir, 'sync', 'run');
    const other = await startSandbox({ port: 0 });
    sandboxes.push(other);
    const switched = await cli(dir, '--json', 'connect', '--base-url', other.url, '--api-key', other.apiKey);
    expect(switched.code).toBe(0);
    expect(switched.json).toMatchObject({
      connected: true,
      baseUrl: other.url,
      switched: { linksKept: 1, syncedElsewhere: 1, queuedHeld: 0 },
    });
    expect(switched.stderr).toContain('changed Recruiterflow account');
    expect((await cli(dir, '--json', 'contacts', 'show', '--email', 'ann@x.co')).json).toMatchObject({
      recruiterflowIds: [],
      enrollments: [{ state: 'not_synced', errorCode: 'other_account', recruiterflowId: null }],
    });
  });
});
