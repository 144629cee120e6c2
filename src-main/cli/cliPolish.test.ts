// The command line of this round: contacts delete, sequences add --unknown, sequences set --cancel-queued,
// and the review count in status.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { tempDir } from '../testing/fixtures';
import { runCliIn } from '../testing/cliRun';

/** The CLI with `--json`, in this data folder. */
const cli = (dataDir: string, ...argv: string[]) => runCliIn(dataDir, [...argv, '--json']);

describe('command line: delete, unknown emails, cancel queued', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => sandbox.stop());

  it('adds with --unknown create, cancels queued items with Disable Sync, and deletes contacts by email', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'email\nann@x.co\nben@x.co\n');
    await cli(dir, 'connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey);
    await cli(dir, 'settings', 'set', '--review-before-sync', 'on');
    await cli(dir, 'contacts', 'import', csv);
    const seq = (await cli(dir, 'sequences', 'create', '--name', 'CLI')).json!.id as string;
    expect((await cli(dir, 'sequences', 'create', '--name', 'cli')).json).toEqual({
      error: { code: 'conflict', message: expect.stringContaining('"cli (2)"') },
    });

    const refused = await cli(dir, 'sequences', 'add', seq, '--emails', 'ann@x.co,new@x.co');
    expect((refused.json!.error as { code: string }).code).toBe('unknown_contact');
    expect((await cli(dir, 'sequences', 'add', seq, '--emails', 'ann@x.co,new@x.co', '--unknown', 'create')).json).toMatchObject({
      added: 2,
      created: 1,
      skipped: [],
    });
    expect((await cli(dir, 'status')).json).toMatchObject({ queue: { review: 2, held: 0 } });

    expect((await cli(dir, 'sequences', 'set', seq, '--disable-sync', 'on', '--cancel-queued')).json).toMatchObject({
      disableSync: true,
      cancelled: 2,
    });
    expect((await cli(dir, 'status')).json).toMatchObject({ queue: { review: 0 }, states: { sync_disabled: 2 } });

    expect((await cli(dir, 'contacts', 'delete', '--emails', 'ANN@x.co,ghost@x.co')).json).toEqual({
      deleted: 1,
      skipped: 0,
      unknown: ['ghost@x.co'],
    });
    expect(((await cli(dir, 'contacts', 'show', '--email', 'ann@x.co')).json!.error as { code: string }).code).toBe('unknown_contact');
    const none = await cli(dir, 'contacts', 'delete');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('exactly one of --email');
  });
});
