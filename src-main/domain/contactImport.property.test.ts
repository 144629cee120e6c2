// Properties of CSV import and of the error report's CSV export:
// - random CSV text (odd headers, quotes, quoted newlines, BOMs, control characters, huge cells,
//   prototype-pollution column names) never crashes an import and never half-writes: either a typed
//   error and the database unchanged, or every data row accounted for (imported, updated or rejected
//   with its row number) and exactly the imported rows added;
// - the exported error report never hands a spreadsheet a formula (cells starting = + - @ tab CR).
import Papa from 'papaparse';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/result';
import { assertPrototypesClean, PROTO_KEYS, snapshotDb } from '../testing/badInput';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { csvCell } from './errorReport';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
export const csvTally = { files: 0, rows: 0, refused: 0 };

const HEADERS = [
  'email',
  'Email',
  'E-mail',
  'email_address',
  'first_name',
  'firstname',
  'last_name',
  'company',
  'Organization',
  'title',
  'phone',
  'linkedin',
  'location',
  'Seniority',
  'notes',
  '',
  ' ',
  '"quoted, header"',
  ...PROTO_KEYS,
];
const CELLS = [
  'ann@x.co',
  'ANN@X.CO ',
  'ben@x.co',
  'not-an-email',
  '',
  ' ',
  '=1+1',
  '+cmd',
  '-2',
  '@SUM(A1)',
  'a,b',
  'line\nbreak',
  'say "hi"',
  '\ufeff',
  '\u0000',
  'é ü ß 漢字',
  '😀',
  '\t',
  '\r',
];

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CELLS) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }).map((i) => `p${i}@x.co`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('y'.repeat(70 * 1024), 'z'.repeat(1024 * 1024)) },
);

/** Mostly CSV-shaped text (random quoting, line endings, ragged rows, a BOM), sometimes any text at all. */
const csvText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc
          .tuple(
            fc.oneof({ weight: 3, arbitrary: fc.constant(['email']) }, { weight: 1, arbitrary: fc.constant([] as string[]) }),
            fc.array(fc.constantFrom(...HEADERS), { minLength: 0, maxLength: 4 }),
          )
          .map(([first, rest]) => [...first, ...rest])
          .filter((h) => h.length > 0),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([headers, rows, eol, bom, quoteAll, brokenQuote]) => {
        const line = (cells: string[]) => cells.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : quote(c))).join(',');
        const text = [line(headers), ...rows.map(line)].join(eol);
        return `${bom ? '\ufeff' : ''}${text}${brokenQuote ? '\n"unterminated,' : ''}`;
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

describe('CSV import under random files', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email,first_name,title\np1@x.co,Keep,Boss\nann@x.co,Ann,Lead' });
  });
  afterAll(async () => {
    await t?.close();
    process.stdout.write(
      `bad input, CSV: ${csvTally.files} random files (${csvTally.rows} rows), ${csvTally.refused} refused whole, nothing half-written\n`,
    );
  });

  it('never crashes and never half-writes', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (csv) => {
        const sqlite = t.backend.ctx.sqlite;
        const before = snapshotDb(sqlite);
        const count = () => sqlite.prepare('select count(*) from contacts').pluck().get() as number;
        const contactsBefore = count();
        const preview = await t.backend.invoke('contacts:csvPreview', { csv });
        const result = await t.backend.invoke('contacts:import', { csv });
        csvTally.files += 1;
        if (!result.ok) {
          csvTally.refused += 1;
          expect(ERROR_CODES).toContain(result.error.code);
          expect(['bad_csv', 'invalid_input']).toContain(result.error.code);
          expect(snapshotDb(sqlite)).toBe(before);
        } else {
          const summary = result.value as { imported: number; updated: number; rejected: { row: number; reason: string }[] };
          expect(preview.ok).toBe(true);
          const totalRows = (preview as { value: { totalRows: number } }).value.totalRows;
          csvTally.rows += totalRows;
          // Every data row is accounted for, once.
          expect(summary.imported + summary.updated + summary.rejected.length).toBe(totalRows);
          const rows = summary.rejected.map((r) => r.row);
          expect(new Set(rows).size).toBe(rows.length);
          for (const r of summary.rejected) {
            expect(r.row).toBeGreaterThanOrEqual(2);
            expect(r.row).toBeLessThanOrEqual(totalRows + 1);
            expect(r.reason.length).toBeGreaterThan(0);
          }
          // Exactly the imported contacts were added.
          expect(count()).toBe(contactsBefore + summary.imported);
        }
        expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
        assertPrototypesClean();
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps columns named like Object.prototype members as ordinary extra fields', async () => {
    const summary = await t.call('contacts:import', { csv: 'email,constructor,__proto__,toString\nproto@x.co,c,p,s' });
    expect(summary).toEqual({ imported: 1, updated: 0, rejected: [] });
    const contact = await t.call('contacts:get', { email: 'proto@x.co' });
    expect(Object.getOwnPropertyDescriptor(contact.fields, '__proto__')?.value).toBe('p');
    expect(contact.fields.constructor).toBe('c');
    expect(contact.fields.toString).toBe('s');
  });

  it('every extra column, whatever its header, is kept as an own field and maps to the payload', async () => {
    const header = fc.oneof(
      fc.constantFrom(...HEADERS, ...PROTO_KEYS, 'extra', 'id', 'hasOwnProperty', 'isPrototypeOf'),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(header, { minLength: 1, maxLength: 5 }), async (headers) => {
        n += 1;
        const email = `hdr${n}@x.co`;
        const csv = [['email', ...headers].map(quote).join(','), [email, ...headers.map((_, i) => `v${i}`)].map(quote).join(',')].join(
          '\n',
        );
        const preview = await t.call('contacts:csvPreview', { csv });
        const result = await t.backend.invoke('contacts:import', { csv });
        if (!result.ok) return; // A header set the importer refuses (two email columns, ...) is another property's.
        const contact = await t.call('contacts:get', { email });
        preview.headers.forEach((name, i) => {
          if (i === 0 || preview.suggested[name] !== 'extra') return;
          const value = preview.rows[0]?.[i]?.trim();
          if (!value) return;
          expect(Object.getOwnPropertyDescriptor(contact.fields, name)?.value, name).toBe(value);
        });
        for (const [i, name] of preview.headers.entries()) {
          if (i === 0 || preview.suggested[name] !== 'extra' || name.trim() !== name || name === '' || name.length > 200) continue;
          const mapped = await t.backend.invoke('mapping:preview', { email, rules: [{ source: name, target: 'title' }] });
          expect(mapped.ok && (mapped.value as { payload: { title?: string } }).payload.title, name).toBe(preview.rows[0]?.[i]?.trim());
        }
        assertPrototypesClean();
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects a row with a 1 MB cell, imports the rest', async () => {
    const summary = await t.call('contacts:import', { csv: `email,notes\nbig@x.co,${'m'.repeat(1024 * 1024)}\nsmall@x.co,ok` });
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([{ row: 2, reason: expect.stringContaining('longer than 64 KB') }]);
  });
});

describe('the error report export', () => {
  const FORMULA = /^[=+\-@\t\r]/;

  it('csvCell never lets a cell start a formula, and keeps the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '=HYPERLINK("http://x","y")')),
        (text) => {
          const out = csvCell(text);
          const value = Papa.parse<string[]>(out, { delimiter: ',' }).data[0]?.[0] ?? '';
          expect(FORMULA.test(value)).toBe(false);
          expect(value === text || value === `'${text}`).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('escapes formula cells in names, sequence names, emails and errors of a real export', async () => {
    const t = openTestBackend();
    try {
      await t.call('contacts:import', {
        csv: 'email,first_name,last_name\n=cmd@x.co,"=HYPERLINK(""http://evil.example"")",Smith\nplain@x.co,+SUM(1),-2\n-dash@x.co,@Ann,Lee',
      });
      const seq = await t.call('sequences:create', { name: '=Sequence!A1' });
      await t.call('sequences:add', { sequenceId: seq.id, emails: ['=cmd@x.co', 'plain@x.co', '-dash@x.co'] });
      // Errors as Recruiterflow might word them, recorded the way the engine records a failure.
      const set = t.backend.ctx.sqlite.prepare(
        "update enrollments set state = ?, error = ?, error_code = 'invalid_data', first_error_at = 1, attempts = 1 where email = ?",
      );
      set.run('failed', '=cmd|" /C calc"!A0', '=cmd@x.co');
      set.run('retrying', '-1+1 Seniority rejected', 'plain@x.co');
      set.run('flagged', '@SUM(1)', '-dash@x.co');

      const csv = await t.call('errors:export', { format: 'csv' });
      expect(csv.rows).toBe(3);
      const rows = Papa.parse<Record<string, string>>(csv.content, { header: true, skipEmptyLines: true, delimiter: ',' }).data;
      expect(rows).toHaveLength(3);
      for (const row of rows) for (const value of Object.values(row)) expect(FORMULA.test(value), value).toBe(false);
      // Contacts added together are enrolled in email order; put the rows back in the order written above.
      const order = ["'=cmd@x.co", 'plain@x.co', "'-dash@x.co"];
      rows.sort((a, b) => order.indexOf(a.email!) - order.indexOf(b.email!));
      expect(rows.map((r) => r.email)).toEqual(order);
      expect(rows[2]!.name).toBe("'@Ann Lee");
      expect(rows[0]!.name).toBe(`'=HYPERLINK("http://evil.example") Smith`);
      expect(rows[0]!.sequence_name).toBe("'=Sequence!A1");
      expect(rows[0]!.error).toBe(`'=cmd|" /C calc"!A0`);
      expect(rows[1]!.name).toBe("'+SUM(1) -2");
      expect(rows[1]!.error).toBe("'-1+1 Seniority rejected");

      // JSON is data, not a spreadsheet: the values stay exactly as they are.
      const json = JSON.parse((await t.call('errors:export', { format: 'json' })).content) as { email: string; error: string }[];
      const jsonOrder = ['=cmd@x.co', 'plain@x.co', '-dash@x.co'];
      json.sort((a, b) => jsonOrder.indexOf(a.email) - jsonOrder.indexOf(b.email));
      expect(json.map((r) => r.error)).toEqual(['=cmd|" /C calc"!A0', '-1+1 Seniority rejected', '@SUM(1)']);
    } finally {
      await t.close();
    }
  });
});
