import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { decodeCsv } from './csv';

describe('importing contacts from CSV', () => {
  let t: TestBackend;
  afterEach(async () => t?.close());

  it('imports good rows, rejects bad ones by spreadsheet row number, and keeps extra columns', async () => {
    t = openTestBackend();
    const csv = [
      'email,first_name,last_name,company,Seniority',
      'Ann@X.com ,Ann,Lee,Acme,Senior',
      'not-an-email,Bob,,,',
      ',No,Email,,',
      'joe@y.com,Joe,,Initech,Mid',
    ].join('\n');
    const summary = await t.call('contacts:import', { csv });
    expect(summary).toEqual({
      imported: 2,
      updated: 0,
      rejected: [
        { row: 3, reason: 'invalid email "not-an-email"' },
        { row: 4, reason: 'missing email' },
      ],
    });
    const ann = await t.call('contacts:get', { email: 'ann@x.com' });
    expect(ann.email).toBe('ann@x.com');
    expect(ann.fields).toMatchObject({ first_name: 'Ann', last_name: 'Lee', company: 'Acme', Seniority: 'Senior' });
  });

  it('updates an existing email without blanking what the file leaves empty', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email,first_name,title,team\nann@x.com,Ann,Engineer,Core' });
    const summary = await t.call('contacts:import', { csv: 'email,first_name,title,city\nANN@x.com,,Staff Engineer,Oslo' });
    expect(summary).toMatchObject({ imported: 0, updated: 1 });
    const ann = await t.call('contacts:get', { email: 'ann@x.com' });
    expect(ann.fields).toMatchObject({ first_name: 'Ann', title: 'Staff Engineer', team: 'Core' });
  });

  it('handles a BOM, quoted newlines and commas, and numbers rows by record', async () => {
    t = openTestBackend();
    const csv = '\uFEFFemail,first_name,notes\n"a@x.co",Ann,"line one\nline two, with comma"\nbad,Bob,x\n';
    const summary = await t.call('contacts:import', { csv });
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([{ row: 3, reason: 'invalid email "bad"' }]);
    expect((await t.call('contacts:get', { email: 'a@x.co' })).fields.notes).toBe('line one\nline two, with comma');
  });

  it('holds a smaller page cache only while it runs, and gives the usual one back even when refused', async () => {
    t = openTestBackend();
    const cache = () => t.backend.ctx.sqlite.pragma('cache_size', { simple: true });
    const usual = cache();
    expect(usual).toBe(-65536);
    await t.call('contacts:import', { csv: 'email\na@x.co' });
    expect(cache()).toBe(usual);
    expect((await t.fails('contacts:import', { csv: 'name\nA' })).code).toBe('bad_csv');
    expect(cache()).toBe(usual);
  });

  it('refuses a file without an email column, or with a duplicated header, and writes nothing', async () => {
    t = openTestBackend();
    const noEmail = await t.fails('contacts:import', { csv: 'name,company\nAnn,Acme' });
    expect(noEmail).toEqual({ code: 'bad_csv', message: 'Bad CSV header: an email column is required' });
    const dup = await t.fails('contacts:import', { csv: 'email,Title,title\na@x.co,A,B' });
    expect(dup.code).toBe('bad_csv');
    expect(dup.message).toMatch(/appears twice/);
    expect((await t.call('contacts:list', {})).total).toBe(0);
  });

  it('rejects a row with a huge cell but imports the rest', async () => {
    t = openTestBackend();
    const huge = 'x'.repeat(1024 * 1024);
    const summary = await t.call('contacts:import', { csv: `email,notes\na@x.co,${huge}\nb@x.co,short` });
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([{ row: 2, reason: 'the notes cell is longer than 64 KB' }]);
  });

  it('applies the column mapping chosen in the import wizard', async () => {
    t = openTestBackend();
    const csv = 'E-mail address,Given,Employer,Ignore me\na@x.co,Ann,Acme,zzz';
    const summary = await t.call('contacts:import', {
      csv,
      columns: { 'E-mail address': 'email', Given: 'first_name', 'Ignore me': 'ignore' },
    });
    expect(summary.imported).toBe(1);
    const a = await t.call('contacts:get', { email: 'a@x.co' });
    expect(a.fields).toMatchObject({ first_name: 'Ann', company: 'Acme' });
    expect(a.fields).not.toHaveProperty('Ignore me');
  });

  it('reports 100,000 bad rows one by one without failing', async () => {
    t = openTestBackend();
    const rows = Array.from({ length: 100_000 }, (_, i) => `bad${i},x`);
    const summary = await t.call('contacts:import', { csv: `email,first_name\n${rows.join('\n')}` });
    expect(summary.imported).toBe(0);
    expect(summary.rejected).toHaveLength(100_000);
    expect(summary.rejected[99_999]).toEqual({ row: 100_001, reason: 'invalid email "bad99999"' });
  });
});

describe('decoding CSV bytes', () => {
  it('reads UTF-8, UTF-16 with a BOM, and detects Windows-1252', () => {
    expect(decodeCsv(Buffer.from('email\nzoë@x.co', 'utf8')).text).toBe('email\nzoë@x.co');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\nzoë@x.co', 'utf16le')]);
    expect(decodeCsv(utf16).text).toBe('email\nzoë@x.co');
    expect(decodeCsv(Buffer.from([0x7a, 0x6f, 0xeb])).text).toBe('zoë');
  });
});
