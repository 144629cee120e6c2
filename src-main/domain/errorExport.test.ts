// The exported error report as a spreadsheet reads it: a UTF-8 BOM so Excel shows "José" and "北京", and
// no cell whose first visible character could start a formula, whatever invisible characters precede it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../testing/fixtures';
import { csvCell, exportErrorsToFile, startsFormula } from './errorReport';

describe('formula cells', () => {
  it.each([
    ['\u0000=1+1'],
    ['\u200b=HYPERLINK("http://evil.example")'],
    ['  =1+1'],
    ['\u00a0@SUM(A1)'],
    ['\ufeff-2+3'],
    ['＝1+1'],
    ['＋cmd'],
    ['\u3000＝1'],
    ['\u2060+1'],
  ])('escapes %j', (text) => {
    expect(startsFormula(text)).toBe(true);
    expect(csvCell(text).replace(/^"/, '').startsWith(`'`)).toBe(true);
  });

  it.each([['José'], ['北京'], ['a=b'], ['1-2'], [''], ['  plain']])('leaves %j as it is', (text) => {
    expect(csvCell(text)).toBe(text);
  });
});

describe('the exported report', () => {
  it('starts with a UTF-8 BOM and keeps accented and CJK names, in the window and in a streamed file', async () => {
    const t = openTestBackend();
    try {
      await t.call('contacts:import', { csv: 'email,first_name,last_name\njose@x.co,José,北京\nzw@x.co,\u200b=1+1,Lee' });
      const seq = await t.call('sequences:create', { name: 'Export' });
      await t.call('sequences:add', { sequenceId: seq.id, emails: ['jose@x.co', 'zw@x.co'] });
      t.backend.ctx.sqlite
        .prepare("update enrollments set state = 'failed', error = ?, first_error_at = 1, attempts = 1")
        .run('\u0000=cmd');

      const csv = await t.call('errors:export', { format: 'csv' });
      expect(csv.content.startsWith('\uFEFFemail,name,')).toBe(true);
      expect(csv.content).toContain('José 北京');
      expect(csv.content).toContain(`'\u200b=1+1 Lee`);
      expect(csv.content).toContain(`'\u0000=cmd`);

      const file = join(mkdtempSync(join(tmpdir(), 'flowbridge-export-')), 'errors.csv');
      expect(exportErrorsToFile(t.backend.ctx, 'csv', file).rows).toBe(2);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1)).toBe(csv.content.slice(1));

      const json = JSON.parse((await t.call('errors:export', { format: 'json' })).content) as { name: string }[];
      expect(json.map((r) => r.name).sort()).toEqual(['José 北京', '\u200b=1+1 Lee'].sort());
    } finally {
      await t.close();
    }
  });
});
