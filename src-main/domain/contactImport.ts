// Importing contacts from CSV: a streaming pipeline. Text arrives in pieces (a whole string, or a file read
// chunk by chunk); records are validated as they come and written in batches, each batch its own short
// transaction, with the event loop free between batches so browser mode keeps answering other calls
// (a page read waits at most one batch). Memory stays flat: only one batch and the emails seen so far
// (to report duplicates within the file) are held, never the file.
import { REPLACEMENT_CHAR } from '../../src-shared/csvEncoding';
import {
  CONTACT_FIELDS,
  isValidEmail,
  normalizeEmail,
  STANDARD_FIELDS,
  type ContactField,
  type CsvRejection,
  type ImportSummary,
} from '../../src-shared/domain';
import type { CsvPreview } from '../../src-shared/contract';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { requeueChangedContacts, snapshotSyncedContacts } from './changedContacts';
import { contactWriteStatements } from '../store/contacts';
import { importCache } from '../db/open';
import { resolveColumns, suggestTarget, type ColumnTarget } from './csv';
import { CsvReader, readAllCsv, type CsvItem } from './csvReader';

const MAX_CELL = 64 * 1024;
/**
 * Rows per transaction at most. Large enough that commits cost little (WAL, no sync per commit), small
 * enough that a batch's rows die young: at 4,000 they outlived a few scavenges and were collected from the
 * old generation, and 100,000 rows took 5-8% more CPU and 20-30 MB more memory than at 1,000.
 */
const BATCH = 1000;
/**
 * With `interactive` (the window and browser mode), a batch is also cut after this many ms of work. The
 * import runs on the background writer's thread there (src-main/bulk), so reads never wait for it; a write
 * of the main thread (a sync outcome, an edit) waits for the write lock, and so at most for one slice.
 */
const SLICE_MS = 6;

export interface ContactValues {
  email: string;
  fields: Partial<Record<ContactField, string>>;
  extra: Record<string, string>;
}

export type CsvSource = string | Iterable<string> | AsyncIterable<string>;

export interface ImportOptions {
  columns?: Record<string, string>;
  /** How the caller decoded the bytes, echoed in the summary. */
  encoding?: { encoding: string; reason: string };
  /** Rows read so far, after each batch. */
  onProgress?: (rowsRead: number) => void;
  /** Stops between batches; the batches already written stay (the summary says how many rows). */
  signal?: AbortSignal;
  /** Other calls are served meanwhile: cut batches by time too (SLICE_MS), not only by rows. */
  interactive?: boolean;
}

/** Thrown when an import is cancelled; carries what was saved before it stopped. */
export class ImportCancelled extends Error {
  constructor(readonly saved: { imported: number; updated: number; rowsRead: number }) {
    super(
      `Import cancelled after ${saved.rowsRead.toLocaleString('en-US')} rows; ${saved.imported.toLocaleString('en-US')} new and ${saved.updated.toLocaleString('en-US')} updated contacts were saved before it stopped`,
    );
  }
}

function headerOf(items: CsvItem[]): string[] {
  const first = items[0];
  if (!first) throw new AppError('bad_csv', 'The CSV has no header row');
  if ('problem' in first) throw new AppError('bad_csv', 'Bad CSV header: a quote opens a header cell and never closes');
  const headers = first.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (headers.every((h) => h === '')) throw new AppError('bad_csv', 'The CSV has no header row');
  return headers;
}

export function previewCsv(text: string): CsvPreview {
  const items = readAllCsv(text);
  const headers = headerOf(items);
  const rows = items.slice(1);
  return {
    headers,
    rows: rows.slice(0, 10).map((r) => ('cells' in r ? r.cells : [])),
    totalRows: rows.length,
    suggested: Object.fromEntries(headers.map((h) => [h, h === '' ? 'ignore' : suggestTarget(h)])),
  };
}

// A contact as the writer binds it: the STANDARD_FIELDS in their order (email, then CONTACT_FIELDS), then
// extra (JSON). Flat arrays rather than objects: at a million rows, fewer allocations is less GC; and the
// writer binds the slots one by one (no spread per row), which is why its statements' calls spell them out.
type ContactRow = [string, string, string, string, string, string, string, string, string];
const EXTRA = -1;
const IGNORED = -2;
const FIELD_SLOT: Partial<Record<ColumnTarget, number>> = Object.fromEntries(STANDARD_FIELDS.map((field, slot) => [field, slot]));

/** FNV-1a and djb2 side by side, 32 + 21 bits: a number that stays exact in a double. */
function emailHash(email: string): number {
  let a = 0x811c9dc5 | 0;
  let b = 5381;
  for (let i = 0; i < email.length; i += 1) {
    const c = email.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = (Math.imul(b, 33) + c) | 0;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * email hash → first row number, in two typed arrays with open addressing: 12 bytes a slot, no object per
 * entry (a Map of a million entries takes several times that, and more while it grows).
 */
class HashedRows {
  private keys = new Float64Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private size = 0;

  get(hash: number): number | undefined {
    const key = hash + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    for (let i = key % this.keys.length; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === 0) return undefined;
      if (k === key) return this.rows[i];
    }
  }

  set(hash: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.place(hash + 1, row);
    this.size += 1;
  }

  private place(key: number, row: number): void {
    const mask = this.keys.length - 1;
    let i = key % this.keys.length;
    while (this.keys[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.rows[i] = row;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < keys.length; i += 1) if (keys[i] !== 0) this.place(keys[i]!, rows[i]!);
  }
}

/** Validates records one by one and remembers each email's first row, so a repeat is reported, not merged. */
class RowChecker {
  private readonly targets: ColumnTarget[];
  private readonly slots: number[];
  private readonly extraKeys: string[];
  private readonly emailIndex: number;
  // Each email's first row, keyed by a 53-bit hash of the email rather than the email itself: at a million
  // rows this is a third of the memory, and keeps no reference into the file's text. A hash hit is
  // confirmed exactly (see `isRepeat`) before a row is called a duplicate.
  private readonly firstRow = new HashedRows();

  constructor(
    private readonly headers: string[],
    columns: Record<string, string> | undefined,
  ) {
    this.targets = resolveColumns(headers, columns);
    this.slots = this.targets.map((t) => (t === 'ignore' ? IGNORED : (FIELD_SLOT[t] ?? EXTRA)));
    this.extraKeys = headers.map((h) => `${JSON.stringify(h)}:`);
    this.emailIndex = this.targets.indexOf('email');
  }

  /** The contact, or why its row is rejected. `mayBeGarbled`: the text holds a U+FFFD somewhere. */
  check(item: CsvItem, mayBeGarbled: boolean, isRepeat: (email: string) => boolean): ContactRow | string {
    if ('problem' in item) return item.problem;
    const record = item.cells;
    const rawEmail = (record[this.emailIndex] ?? '').trim();
    if (rawEmail === '') return 'missing email';
    if (!isValidEmail(rawEmail)) return `invalid email "${rawEmail.slice(0, 100)}"`;
    const headers = this.headers;
    for (let i = 0; i < record.length; i += 1) {
      const cell = record[i]!;
      if (cell.length > MAX_CELL) return `the ${headers[i] ?? `column ${i + 1}`} cell is longer than 64 KB`;
      // Bytes that did not fit the file's encoding: importing them would send "Jos\uFFFD" to Recruiterflow.
      if (mayBeGarbled && cell.includes(REPLACEMENT_CHAR)) {
        return `the ${headers[i] ?? `column ${i + 1}`} cell has characters that are not valid in the file's encoding`;
      }
    }
    if (record.length > headers.length && record.slice(headers.length).some((c) => c.trim() !== '')) {
      return `${record.length} cells but the header has ${headers.length} columns`;
    }
    const row = this.toRow(record);
    const key = emailHash(row[0]);
    const earlier = this.firstRow.get(key);
    if (earlier === undefined) this.firstRow.set(key, item.row);
    else if (isRepeat(row[0])) return `duplicate of row ${earlier} (same email ${row[0]}); the first row was imported`;
    return row;
  }

  private toRow(record: string[]): ContactRow {
    const row: ContactRow = ['', '', '', '', '', '', '', '', '{}'];
    // Extra columns become a JSON object built as text: each header's `"name":` is encoded once, each cell
    // with JSON.stringify (a string, so no object per row). A header named "__proto__" is just a key here.
    let extra = '';
    const { targets, slots, extraKeys } = this;
    for (let i = 0; i < targets.length; i += 1) {
      const slot = slots[i]!;
      if (slot === IGNORED) continue;
      const cell = (record[i] ?? '').trim();
      if (slot >= 0) row[slot] = cell;
      else if (cell !== '') extra += `${extra === '' ? '{' : ','}${extraKeys[i]!}${JSON.stringify(cell)}`;
    }
    row[0] = normalizeEmail(row[0]);
    if (extra !== '') row[8] = `${extra}}`;
    return row;
  }
}

/**
 * Writes batches of contacts, each in one transaction. A new email is inserted; an existing one is updated:
 * non-empty cells replace, empty cells never blank out what is stored, extra columns are merged (the
 * statements are store/contacts.ts's).
 */
class ContactWriter {
  private readonly insert;
  private readonly update;
  imported = 0;
  updated = 0;

  /** created_at/updated_at of every row this import writes: also how `touched` knows its own rows. */
  private readonly stamp: number;
  private readonly touchedStmt;

  constructor(private readonly ctx: Ctx) {
    this.stamp = ctx.clock.now();
    const statements = contactWriteStatements(ctx.sqlite);
    this.touchedStmt = statements.touched;
    this.insert = statements.insert;
    this.update = statements.update;
  }

  /** Whether this import already wrote the email (a committed batch). */
  touched(email: string): boolean {
    return this.touchedStmt.get(email, this.stamp) !== undefined;
  }

  write(rows: ContactRow[]): void {
    if (rows.length === 0) return;
    const now = this.stamp;
    const { insert, update } = this;
    let imported = 0;
    this.ctx.sqlite
      .transaction(() => {
        // Synced contacts whose row changes are queued again for their update (domain/changedContacts.ts).
        const before = snapshotSyncedContacts(
          this.ctx.sqlite,
          rows.map((r) => r[0]),
        );
        for (const r of rows) {
          // Positional parameters: measurably faster than named ones over 100,000 rows.
          if (insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], now, now).changes === 1) imported += 1;
          else update.run(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], now, r[0]);
        }
        requeueChangedContacts(this.ctx, before);
      })
      .immediate();
    this.imported += imported;
    this.updated += rows.length - imported;
  }
}

/** Writes contacts in one transaction (the demo workspace). */
export function writeContacts(ctx: Ctx, contacts: ContactValues[]): { imported: number; updated: number } {
  const writer = new ContactWriter(ctx);
  writer.write(
    contacts.map((c) => {
      const row: ContactRow = [normalizeEmail(c.email), '', '', '', '', '', '', '', JSON.stringify(c.extra)];
      for (const field of CONTACT_FIELDS) row[FIELD_SLOT[field]!] = c.fields[field] ?? '';
      return row;
    }),
  );
  return { imported: writer.imported, updated: writer.updated };
}

async function* pieces(source: CsvSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    // A whole text is fed in slices, so the first batch is written before the whole text is parsed.
    for (let i = 0; i < source.length; i += 1 << 20) yield source.slice(i, i + (1 << 20));
    return;
  }
  yield* source;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportResult extends ImportSummary {
  /** Emails of the rows imported or updated, for adding them to a sequence (sequences:addCsv). */
  emails: string[];
}

/**
 * Imports a CSV of contacts. A bad header refuses the file before anything is written; bad rows are
 * rejected one by one with their row number. Batches are committed as they fill.
 */
export async function importContacts(
  ctx: Ctx,
  source: CsvSource,
  options: ImportOptions & { keepEmails?: boolean } = {},
): Promise<ImportResult> {
  const restoreCache = importCache(ctx.sqlite);
  try {
    return await importWithCache(ctx, source, options);
  } finally {
    restoreCache();
  }
}

async function importWithCache(ctx: Ctx, source: CsvSource, options: ImportOptions & { keepEmails?: boolean }): Promise<ImportResult> {
  const reader = new CsvReader();
  let checker: RowChecker | null = null;
  const writer = new ContactWriter(ctx);
  const rejected: CsvRejection[] = [];
  const emails: string[] = [];
  let batch: ContactRow[] = [];
  let rowsRead = 0;

  const sliced = options.interactive === true;
  let sliceStart = performance.now();
  const flush = async () => {
    writer.write(batch);
    if (options.keepEmails) for (const c of batch) emails.push(c[0]);
    batch = [];
    options.onProgress?.(rowsRead);
    await yieldToEventLoop();
    sliceStart = performance.now();
    if (options.signal?.aborted) {
      if (writer.imported + writer.updated > 0) ctx.events.emit('data:changed', { what: 'contacts' });
      throw new ImportCancelled({ imported: writer.imported, updated: writer.updated, rowsRead });
    }
  };

  // A repeat is in the batch not yet written, or among the rows this import wrote already.
  const isRepeat = (email: string) => batch.some((r) => r[0] === email) || writer.touched(email);

  const take = async (items: CsvItem[], mayBeGarbled: boolean) => {
    let start = 0;
    if (!checker) {
      if (items.length === 0) return;
      checker = new RowChecker(headerOf(items), options.columns);
      start = 1;
    }
    for (let i = start; i < items.length; i += 1) {
      const item = items[i]!;
      rowsRead += 1;
      const result = checker.check(item, mayBeGarbled, isRepeat);
      if (typeof result === 'string') rejected.push({ row: item.row, reason: result });
      else batch.push(result);
      if (batch.length >= BATCH || (sliced && (batch.length & 63) === 0 && performance.now() - sliceStart > SLICE_MS)) await flush();
    }
  };

  // A record may span pieces: a U+FFFD in any piece since the reader last had nothing pending marks the
  // records that come out for the per-cell check.
  let garbled = false;
  // Interactive imports parse in 64 KB steps, so no single step (a megabyte is ~7,000 records) holds the
  // event loop for long.
  const step = sliced ? 1 << 16 : Number.MAX_SAFE_INTEGER;
  for await (const piece of pieces(source)) {
    for (let at = 0; at < piece.length; at += step) {
      const part = piece.length <= step ? piece : piece.slice(at, at + step);
      garbled ||= part.includes(REPLACEMENT_CHAR);
      await take(reader.push(part), garbled);
      if (!reader.pending) garbled = false;
      if (sliced && performance.now() - sliceStart > SLICE_MS) await flush();
    }
  }
  await take(reader.end(), garbled);
  if (!checker) throw new AppError('bad_csv', 'The CSV has no header row');
  await flush();
  const imported = writer.imported;
  const updated = writer.updated;
  if (imported + updated > 0) ctx.events.emit('data:changed', { what: 'contacts' });
  const summary: ImportResult = { imported, updated, rejected, emails };
  if (options.encoding) summary.encoding = options.encoding;
  return summary;
}
