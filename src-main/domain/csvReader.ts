// A streaming CSV reader: RFC 4180 quoting, the delimiter detected from the header line, and a quote that
// never closes rejected with its row number instead of swallowing the rest of the file. Text is pushed in
// pieces of any size; complete records come out, so a file of any length is read in bounded memory.

/** A record, or a row that could not be read, numbered as a spreadsheet shows it (the header is row 1). */
export type CsvItem = { row: number; cells: string[] } | { row: number; problem: string };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A quoted cell still open after this many characters is treated as a quote that never closes. */
const MAX_OPEN_QUOTE = 256 * 1024;

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the header line uses most, outside quotes; a comma when there is no header yet. */
function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count += 1;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Every cell empty or spaces; most records answer at their first character. */
function isBlank(cells: string[]): boolean {
  for (const c of cells) {
    if (c.length === 0) continue;
    const first = c.charCodeAt(0);
    if (first !== 32 && first !== 9 && first !== 13) return false;
    if (c.trim() !== '') return false;
  }
  return true;
}

export class CsvReader {
  private buf = '';
  private delimiter: number | null = null;
  /** Row number of the next record (1 = the header). */
  private row = 1;
  private ended = false;

  constructor(delimiter?: string) {
    if (delimiter) this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds text; returns the records it completed. */
  push(text: string): CsvItem[] {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    return this.drain();
  }

  /** True while part of a record waits for more text. */
  get pending(): boolean {
    return this.buf.length > 0;
  }

  /** No more text: returns the last records, including a final line without a newline. */
  end(): CsvItem[] {
    this.ended = true;
    return this.drain();
  }

  private drain(): CsvItem[] {
    const out: CsvItem[] = [];
    const buf = this.buf;
    if (this.delimiter === null) {
      const nl = buf.search(/\r|\n/);
      if (nl < 0 && !this.ended) return out;
      this.delimiter = detectDelimiter(nl < 0 ? buf : buf.slice(0, nl)).charCodeAt(0);
    }
    let pos = 0;
    const n = buf.length;
    const delimiter = String.fromCharCode(this.delimiter);
    // Where the next quote is: lines before it have no quoted cell and take the fast path (one native
    // split per line); from it on, the careful reader below.
    let nextQuote = -2;
    while (pos < n) {
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      const nl = buf.indexOf('\n', pos);
      if (nl >= 0 && (nextQuote === -1 || nextQuote > nl)) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        const line = buf.slice(pos, end);
        // A lone CR is a line break too (old Mac files): the careful reader splits on it.
        if (!line.includes('\r')) {
          pos = nl + 1;
          const cells = line.split(delimiter);
          if (!isBlank(cells)) out.push({ row: this.row++, cells });
          continue;
        }
      }
      const r = this.readRecord(buf, pos);
      if (r === null) break; // incomplete: wait for more text
      if ('skipTo' in r) {
        out.push({ row: this.row, problem: 'a quote opens a cell and never closes' });
        this.row += 1;
        pos = r.skipTo;
        continue;
      }
      pos = r.next;
      // Blank lines (every cell empty or spaces) are skipped and not numbered, like spreadsheet exports.
      if (isBlank(r.cells)) continue;
      out.push({ row: this.row, cells: r.cells });
      this.row += 1;
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
    return out;
  }

  /**
   * Reads one record from `start`. Returns null when the text ends inside it (more may come), or `skipTo`
   * (the line after the record's first line) when a quote opened in it never closes.
   */
  private readRecord(buf: string, start: number): { cells: string[]; next: number } | { skipTo: number } | null {
    const d = this.delimiter!;
    const n = buf.length;
    const cells: string[] = [];
    let pos = start;
    for (;;) {
      if (buf.charCodeAt(pos) === QUOTE) {
        // Quoted cell: "" is a quote; the cell ends at a quote followed by a delimiter, newline or the end.
        let text = '';
        let from = pos + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          // Never closed: the text ends inside the cell, or the cell runs past MAX_OPEN_QUOTE across lines
          // (one long line is only a long cell). The same answer whatever pieces the text came in.
          const reach = q < 0 ? n : q;
          if (reach - pos > MAX_OPEN_QUOTE) {
            const nl = buf.indexOf('\n', pos);
            if (nl >= 0 && nl < reach) return { skipTo: this.lineAfter(buf, start) };
          }
          if (q < 0) {
            if (!this.ended) return null;
            return { skipTo: this.lineAfter(buf, start) };
          }
          if (q + 1 >= n && !this.ended) return null;
          const after = buf.charCodeAt(q + 1);
          if (after === QUOTE) {
            text += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          text += buf.slice(from, q);
          pos = q + 1;
          if (after === d || after === LF || after === CR || q + 1 >= n) break;
          // A stray quote inside the cell ("5" pipe"): a quoted cell that spans lines and then goes on
          // like this was opened by mistake; on one line, keep the text as written (lenient, as Excel is).
          if (text.includes('\n')) return { skipTo: this.lineAfter(buf, start) };
          const end = this.cellEnd(buf, pos);
          if (end < 0) return null;
          text = `"${text}"${buf.slice(pos, end)}`;
          pos = end;
          break;
        }
        cells.push(text);
      } else {
        const end = this.cellEnd(buf, pos);
        if (end < 0) return null;
        cells.push(buf.slice(pos, end));
        pos = end;
      }
      const c = buf.charCodeAt(pos);
      if (c === d) {
        pos += 1;
        continue;
      }
      if (pos >= n) return { cells, next: pos };
      if (c === CR)
        return buf.charCodeAt(pos + 1) === LF ? { cells, next: pos + 2 } : pos + 1 >= n && !this.ended ? null : { cells, next: pos + 1 };
      return { cells, next: pos + 1 };
    }
  }

  /** Where an unquoted cell ends (a delimiter, a newline, or the end of text); -1 if more text may come. */
  private cellEnd(buf: string, pos: number): number {
    const d = this.delimiter!;
    const n = buf.length;
    for (let i = pos; i < n; i += 1) {
      const c = buf.charCodeAt(i);
      if (c === d || c === LF || c === CR) return i;
    }
    return this.ended ? n : -1;
  }

  private lineAfter(buf: string, start: number): number {
    const nl = buf.indexOf('\n', start);
    return nl < 0 ? buf.length : nl + 1;
  }
}

/** Reads a whole text at once (previews, tests). */
export function readAllCsv(text: string): CsvItem[] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}
