// The CSV pipeline's answers to files as they come from spreadsheets: encodings decided per file (with the
// reason in the summary), bytes that fit no encoding, duplicate emails, unclosed quotes, semicolons, and a
// file fed in pieces (the streaming path the CLI and browser mode use).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { importContacts } from './contactImport';
import { decodeCsv } from './csv';
import { importContactsFile } from './csvFile';

describe('decoding CSV bytes, per file', () => {
  it('reads UTF-8 and UTF-16 with a BOM, and says why', () => {
    expect(decodeCsv(Buffer.from('email\nzoë@x.co', 'utf8'))).toEqual({
      text: 'email\nzoë@x.co',
      encoding: 'utf-8',
      reason: 'UTF-8: every byte of the file is valid UTF-8',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\nzoë@x.co', 'utf16le')]);
    expect(decodeCsv(utf16)).toMatchObject({
      text: 'email\nzoë@x.co',
      encoding: 'utf-16le',
      reason: expect.stringContaining('byte-order mark'),
    });
  });

  it('detects a Windows-1252 (Excel "ANSI") file with chardet instead of garbling it', () => {
    const ansi = Buffer.from('email,first_name,company\njose@x.co,José,Müller AG\nnunez@x.co,Núñez,Café Olé\n', 'latin1');
    const decoded = decodeCsv(ansi);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.reason).toMatch(/not valid UTF-8, detected with \d+% confidence/);
    expect(decoded.text).toContain('José,Müller AG');
  });

  it('keeps a UTF-8 file with one bad byte as UTF-8, rejects only that row, and says so in the summary', async () => {
    const good = Array.from({ length: 20 }, (_, i) => `p${i}@x.co,José ${i},北京`).join('\n');
    const bytes = Buffer.concat([
      Buffer.from(`email,first_name,city\n${good}\nbad@x.co,Jos`, 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(',Oslo\n'),
    ]);
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.reason).toMatch(/1 invalid byte; rows with an invalid byte are rejected/);
    const t = openTestBackend();
    try {
      const summary = await t.call('contacts:import', {
        csv: decoded.text,
        encoding: { encoding: decoded.encoding, reason: decoded.reason },
      });
      expect(summary.imported).toBe(20);
      expect(summary.rejected).toEqual([
        { row: 22, reason: "the first_name cell has characters that are not valid in the file's encoding" },
      ]);
      expect(summary.encoding).toEqual({ encoding: 'utf-8', reason: decoded.reason });
      expect((await t.call('contacts:get', { email: 'p3@x.co' })).fields.first_name).toBe('José 3');
    } finally {
      await t.close();
    }
  });

  it('takes the encoding the user chose', () => {
    const decoded = decodeCsv(Buffer.from('email\nzoë@x.co', 'utf8'), 'windows-1252');
    expect(decoded).toMatchObject({
      encoding: 'windows-1252',
      reason: expect.stringContaining('chosen by the user'),
      text: 'email\nzoÃ«@x.co',
    });
  });
});

describe('rows the file gets wrong', () => {
  let t: TestBackend;
  afterEach(async () => t?.close());

  it('reports a duplicate email within the file instead of merging it (the first row wins)', async () => {
    t = openTestBackend();
    const summary = await t.call('contacts:import', { csv: 'email,first_name\nann@x.co,Ann\nbob@x.co,Bob\nANN@x.co,Annie' });
    expect(summary).toEqual({
      imported: 2,
      updated: 0,
      rejected: [{ row: 4, reason: 'duplicate of row 2 (same email ann@x.co); the first row was imported' }],
    });
    expect((await t.call('contacts:get', { email: 'ann@x.co' })).fields.first_name).toBe('Ann');
  });

  it('finds a duplicate whose first row was written in an earlier batch, and updates a contact that was there before', async () => {
    t = openTestBackend();
    await t.call('contacts:import', { csv: 'email,first_name\nold@x.co,Old' });
    const rows = Array.from({ length: 9000 }, (_, i) => `p${i}@x.co,P${i}`);
    rows[8500] = 'P0@x.co,Again';
    rows[8600] = 'old@x.co,Renamed';
    const summary = await t.call('contacts:import', { csv: `email,first_name\n${rows.join('\n')}` });
    expect(summary.rejected).toEqual([{ row: 8502, reason: 'duplicate of row 2 (same email p0@x.co); the first row was imported' }]);
    expect(summary).toMatchObject({ imported: 8998, updated: 1 });
    expect((await t.call('contacts:get', { email: 'p0@x.co' })).fields.first_name).toBe('P0');
    expect((await t.call('contacts:get', { email: 'old@x.co' })).fields.first_name).toBe('Renamed');
  });

  it('rejects a row with an unclosed quote by its row number and reads the rows after it', async () => {
    t = openTestBackend();
    const summary = await t.call('contacts:import', {
      csv: 'email,company\na@x.co,Acme\nb@x.co,"Globex, Inc\nc@x.co,Initech\nd@x.co,"Hooli"\n',
    });
    expect(summary.rejected).toEqual([{ row: 3, reason: 'a quote opens a cell and never closes' }]);
    expect(summary.imported).toBe(3);
    expect((await t.call('contacts:get', { email: 'c@x.co' })).fields.company).toBe('Initech');
    const preview = await t.call('contacts:csvPreview', { csv: 'email,company\na@x.co,"open\nb@x.co,x' });
    expect(preview.totalRows).toBe(2);
  });

  it('reads semicolon-separated files (Excel in European locales)', async () => {
    t = openTestBackend();
    const summary = await t.call('contacts:import', { csv: 'email;first_name;company\na@x.co;Ann;"Acme; Inc"' });
    expect(summary.imported).toBe(1);
    expect((await t.call('contacts:get', { email: 'a@x.co' })).fields.company).toBe('Acme; Inc');
  });

  it('imports a file fed in pieces of three characters exactly as the whole text', async () => {
    t = openTestBackend();
    const csv = 'email,first_name,notes\n"a@x.co",Ann,"one\r\ntwo"\r\nb@x.co,Bob,"say ""hi"""\r\n';
    const pieces = csv.match(/[\s\S]{1,3}/g)!;
    const summary = await importContacts(t.backend.ctx, pieces);
    expect(summary).toMatchObject({ imported: 2, rejected: [] });
    expect((await t.call('contacts:get', { email: 'a@x.co' })).fields.notes).toBe('one\r\ntwo');
    expect((await t.call('contacts:get', { email: 'b@x.co' })).fields.notes).toBe('say "hi"');
  });
});

describe('importing a file streamed from disk (the command line)', () => {
  let t: TestBackend;
  afterEach(async () => t?.close());
  const write = (bytes: Buffer) => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowbridge-csv-')), 'people.csv');
    writeFileSync(file, bytes);
    return file;
  };

  it('detects a Windows-1252 file and names the encoding in the summary', async () => {
    t = openTestBackend();
    const file = write(Buffer.from('email,first_name,company\njose@x.co,José,Müller AG\n', 'latin1'));
    const summary = await importContactsFile(t.backend.ctx, file);
    expect(summary.encoding).toMatchObject({ encoding: 'windows-1252', reason: expect.stringMatching(/detected with/) });
    expect((await t.call('contacts:get', { email: 'jose@x.co' })).fields).toMatchObject({ first_name: 'José', company: 'Müller AG' });
  });

  it('honours --encoding over the detector', async () => {
    t = openTestBackend();
    const file = write(Buffer.from('email,first_name\nzoe@x.co,Zoë\n', 'utf8'));
    const summary = await importContactsFile(t.backend.ctx, file, { chosen: 'windows-1252' });
    expect(summary.encoding?.reason).toMatch(/chosen with --encoding/);
    expect((await t.call('contacts:get', { email: 'zoe@x.co' })).fields.first_name).toBe('ZoÃ«');
  });

  it('finds a bad byte after the first 4 MB and rejects only its row', async () => {
    t = openTestBackend();
    const rows = Array.from({ length: 70_000 }, (_, i) => `p${i}@x.co,Zoë ${i},${'n'.repeat(40)}`).join('\n');
    const file = write(Buffer.concat([Buffer.from(`email,first_name,notes\n${rows}\nlast@x.co,Jos`, 'utf8'), Buffer.from([0xe9, 0x0a])]));
    const summary = await importContactsFile(t.backend.ctx, file);
    expect(summary.encoding).toMatchObject({ encoding: 'utf-8', reason: expect.stringMatching(/later bytes are not/) });
    expect(summary.imported).toBe(70_000);
    expect(summary.rejected).toEqual([
      { row: 70_002, reason: "the first_name cell has characters that are not valid in the file's encoding" },
    ]);
  });
});

describe('a running import', () => {
  it('reports its progress and stops when cancelled, saying what was saved', async () => {
    const t = openTestBackend();
    try {
      const rows = Array.from({ length: 30_000 }, (_, i) => `p${i}@x.co,P${i}`).join('\n');
      const progress: number[] = [];
      t.backend.ctx.events.subscribe((event, payload) => {
        if (event !== 'import:progress') return;
        const p = payload as { importId: string; rowsRead: number };
        progress.push(p.rowsRead);
        if (progress.length === 2) void t.backend.invoke('contacts:importCancel', { importId: p.importId });
      });
      const failure = await t.fails('contacts:import', { csv: `email,first_name\n${rows}`, importId: 'imp-1' });
      expect(failure.message).toMatch(/^Import cancelled after [\d,]+ rows; [\d,]+ new and 0 updated contacts were saved/);
      expect(progress[0]).toBeGreaterThan(0);
      const saved = (await t.call('contacts:list', {})).total;
      expect(saved).toBeGreaterThan(0);
      expect(saved).toBeLessThan(30_000);
      // Finished imports cannot be cancelled.
      expect(await t.call('contacts:importCancel', { importId: 'imp-1' })).toEqual({ cancelled: false });
    } finally {
      await t.close();
    }
  });
});
