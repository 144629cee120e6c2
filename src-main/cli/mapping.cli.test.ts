// `mapping set … --write` and `mapping require`, as a script would use them.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { runCliIn } from '../testing/cliRun';

/** The CLI with `--json`, in this data folder. */
const cli = (dataDir: string, ...argv: string[]) => runCliIn(dataDir, [...argv, '--json']);

describe('mapping write rules and required fields on the command line', () => {
  it('sets a write rule for every rule on the line, or per rule with :WRITE, and shows them', async () => {
    const dir = tempDir();
    const set = await cli(
      dir,
      'mapping',
      'set',
      'title=title',
      'level=custom:201:always',
      'company=organization:never',
      '--write',
      'if-blank',
    );
    expect(set.code).toBe(0);
    expect(set.json).toEqual({
      version: 2,
      rules: [
        { source: 'title', target: 'title', write: 'if_blank' },
        { source: 'level', target: 'custom:201', write: 'always' },
        { source: 'company', target: 'organization' },
      ],
      required: [],
    });
    expect((await cli(dir, 'mapping', 'show')).json).toEqual(set.json);
    // Without --write the rules never write to existing records, as before.
    expect((await cli(dir, 'mapping', 'set', 'budget=custom:303')).json).toMatchObject({
      version: 3,
      rules: [{ source: 'budget', target: 'custom:303' }],
    });
  });

  it('refuses an unknown write rule and changes nothing', async () => {
    const dir = tempDir();
    const bad = await cli(dir, 'mapping', 'set', 'title=title', '--write', 'sometimes');
    expect(bad.code).toBe(2);
    expect(bad.json).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('never, if-blank, always') } });
    const badSuffix = await cli(dir, 'mapping', 'set', 'title=title:overwrite');
    expect(badSuffix.code).toBe(2);
    expect((await cli(dir, 'mapping', 'show')).json).toMatchObject({ version: 1, rules: [] });
  });

  it('mapping require sets the required fields, --none clears them, an unknown field is refused', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'mapping', 'require', 'title', 'custom:303')).json).toMatchObject({ required: ['title', 'custom:303'] });
    expect((await cli(dir, 'mapping', 'require', 'salary')).json).toEqual({
      error: { code: 'invalid_input', message: expect.stringContaining('Unknown Recruiterflow field salary') },
    });
    expect((await cli(dir, 'mapping', 'show')).json).toMatchObject({ required: ['title', 'custom:303'] });
    expect((await cli(dir, 'mapping', 'require', '--none')).json).toMatchObject({ required: [] });
    expect((await cli(dir, 'mapping', 'require')).code).toBe(2);
  });
});
