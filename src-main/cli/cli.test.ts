import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { tempDir } from '../testing/fixtures';
import { runCliIn } from '../testing/cliRun';

const cli = (dataDir: string, ...argv: string[]) => runCliIn(dataDir, argv);

describe('the command line contract', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => sandbox.stop());

  it('prints exactly one JSON value with --json and exits 0', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(dir, 'settings', 'show', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      syncMode: 'on-add',
      syncAs: 'candidate',
      dedup: false,
      defaultJobId: null,
      connected: false,
      reviewBeforeSync: false,
      currency: 'USD',
      stage: null,
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('fails with one line on stderr, an error object on stdout and a non-zero code', async () => {
    const dir = tempDir();
    const unknownFlag = await cli(dir, '--json', 'settings', 'set', '--sync-mode', 'sometimes');
    expect(unknownFlag.code).not.toBe(0);
    expect(unknownFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownFlag.json).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('sometimes') } });
    const missingFile = await cli(dir, '--json', 'contacts', 'import', join(dir, 'nope.csv'));
    expect(missingFile.code).not.toBe(0);
    expect((missingFile.json!.error as { code: string }).code).toBe('unreadable_file');
    const strayFlag = await cli(dir, 'status', '--bogus', 'x', '--json');
    expect(strayFlag.stderr).toContain('Unknown flag --bogus');
  });

  it('runs a recruiter’s day: import, sequence, add, sync, status, error report', async () => {
    const dir = tempDir();
    const csv = join(dir, 'contacts.csv');
    writeFileSync(csv, 'email,first_name,last_name,company\nann@x.co,Ann,Lee,Acme\nbad,Bob,,\nben@x.co,Ben,Ode,Initech\n');
    expect((await cli(dir, '--json', 'connect', '--base-url', sandbox.url, '--api-key', 'wrong-key')).json).toEqual({
      error: { code: 'invalid_api_key', message: expect.any(String) },
    });
    expect((await cli(dir, '--json', 'connect', '--base-url', sandbox.url, '--api-key', sandbox.apiKey)).json).toEqual({
      connected: true,
      baseUrl: sandbox.url,
    });
    expect((await cli(dir, '--json', 'contacts', 'import', csv)).json).toEqual({
      imported: 2,
      updated: 0,
      rejected: [{ row: 3, reason: 'invalid email "bad"' }],
      encoding: { encoding: 'utf-8', reason: 'UTF-8: the file is plain ASCII' },
    });
    const job = sandbox.state.jobs.find((j) => j.is_open)!;
    const created = (await cli(dir, '--json', 'sequences', 'create', '--name', 'Backend', '--job', String(job.id))).json!;
    expect(created).toMatchObject({ id: expect.any(String), name: 'Backend' });
    const id = created.id as string;
    expect((await cli(dir, '--json', 'sequences', 'add', id, '--emails', 'ANN@x.co,ben@x.co')).json).toEqual({
      added: 2,
      alreadyEnrolled: 0,
      flagged: [],
    });
    expect((await cli(dir, '--json', 'sequences', 'add', id, '--emails', 'ann@x.co')).json).toEqual({
      added: 0,
      alreadyEnrolled: 1,
      flagged: [],
    });
    expect((await cli(dir, '--json', 'sync', 'run')).json).toEqual({
      created: 2,
      linked: 0,
      jobsAssigned: 2,
      updated: 0,
      moved: 0,
      failed: 0,
      retrying: 0,
      pending: 0,
    });
    const status = (await cli(dir, '--json', 'status')).json!;
    expect(status).toMatchObject({
      connected: true,
      states: { synced: 2, not_synced: 0, awaiting_reply: 0, sync_disabled: 0, flagged: 0, queued: 0, failed: 0, retrying: 0 },
      queue: { due: 0, backoff: 0 },
    });
    const shown = (await cli(dir, '--json', 'contacts', 'show', '--email', 'ann@x.co')).json!;
    expect(shown).toMatchObject({
      email: 'ann@x.co',
      fields: { first_name: 'Ann' },
      enrollments: [{ sequenceId: id, state: 'synced', error: null, syncAs: 'candidate', jobId: job.id }],
    });
    expect((shown.recruiterflowIds as number[]).length).toBe(1);
    const list = (await cli(dir, '--json', 'sequences', 'list')).stdout;
    expect(JSON.parse(list)).toEqual([
      expect.objectContaining({
        id,
        name: 'Backend',
        syncMode: 'inherit',
        syncAs: 'inherit',
        jobId: job.id,
        disableSync: false,
        counts: expect.objectContaining({ synced: 2 }),
      }),
    ]);
    const out = join(dir, 'errors.csv');
    expect((await cli(dir, '--json', 'errors', 'export', '--format', 'csv', '--out', out)).json).toEqual({ rows: 0, file: out });
  });

  it('keeps exactly one owner and switches the current user', async () => {
    const dir = tempDir();
    expect((await cli(dir, '--json', 'users', 'add', '--email', 'max@x.co', '--name', 'Max', '--role', 'owner')).json).toMatchObject({
      error: { code: 'conflict' },
    });
    expect(
      (
        await cli(
          dir,
          '--json',
          'users',
          'add',
          '--email',
          'mia@x.co',
          '--name',
          'Mia',
          '--role',
          'member',
          '--group',
          'Berlin',
          '--integration',
          'recruiterflow',
        )
      ).json,
    ).toEqual({
      email: 'mia@x.co',
      name: 'Mia',
      role: 'member',
      group: 'Berlin',
      integration: 'recruiterflow',
      current: false,
    });
    expect((await cli(dir, '--json', 'users', 'use', 'mia@x.co')).json).toMatchObject({ email: 'mia@x.co', current: true });
    expect((await cli(dir, '--json', 'settings', 'clone', '--to-all')).json).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('works as a real process through npm’s entry point', async () => {
    const dir = tempDir();
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      'node_modules/tsx/dist/cli.mjs',
      'src-main/cli/main.ts',
      'mapping',
      'set',
      'Seniority=custom:1',
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(JSON.parse(stdout)).toEqual({ version: 2, rules: [{ source: 'Seniority', target: 'custom:1' }], required: [] });
    const failed = await run(process.execPath, [
      'node_modules/tsx/dist/cli.mjs',
      'src-main/cli/main.ts',
      'sync',
      'run',
      '--json',
      '--data-dir',
      dir,
    ]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect(JSON.parse((failed as { stdout: string }).stdout)).toMatchObject({ error: { code: 'not_connected' } });
  });
});
