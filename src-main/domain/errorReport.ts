// The error report: every flagged, failed or retrying enrollment, listed, grouped and exported.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ErrorGroup, ErrorRow, FlagMatch, Page } from '../../src-shared/domain';
import { errorCause, errorGroupKey } from '../../src-shared/errorCause';
import type { Ctx } from '../backend/context';
import { bouncedReportRows } from '../store/replies';
import { errorCountsByMessage, errorExportRows, errorPage, type ExportRow, type StoredErrorRow } from '../store/errorRows';
import { parseEvidence } from '../store/enrollmentPages';

const withMatches = ({ evidence, ...row }: StoredErrorRow): ErrorRow => ({ ...row, matches: parseEvidence(evidence) });

/** The matched records of a flag in one spreadsheet cell: "contact #2002 Casey Contact <a@x, b@y> matched a@x". */
function describeMatches(matches: FlagMatch[]): string {
  return matches
    .map(
      (m) =>
        `${m.type} #${m.id}${m.name ? ` ${m.name}` : ''} <${m.emails.join(', ')}> matched ${m.matchedOn ? `on ${m.matchedOn} ${m.matchedValue ?? ''}`.trim() : m.matchedEmail}`,
    )
    .join('; ');
}
/**
 * The error list, and its groups: one per error code and cause ("Expected Salary: not a number"), not one
 * per exact message, so the values that differ from contact to contact do not split a cause.
 */
export function listErrors(
  ctx: Pick<Ctx, 'sqlite'>,
  q: { states?: string[]; error?: string; group?: string; offset: number; limit: number },
): Page<ErrorRow> & { groups: ErrorGroup[] } {
  const { rows: stored, total } = errorPage(ctx.sqlite, q);
  const rows = stored.map(withMatches);
  const byMessage = errorCountsByMessage(ctx.sqlite, q.states);
  const groups = new Map<string, ErrorGroup>();
  for (const m of byMessage) {
    const key = errorGroupKey(m.code, m.error);
    const group = groups.get(key) ?? { key, code: m.code, error: errorCause(m.error), count: 0, example: m.error };
    group.count += m.count;
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.error.localeCompare(b.error)).slice(0, 100);
  return { rows, total, groups: sorted };
}

// What a spreadsheet may skip before it reads a cell's first character: whitespace, control characters,
// zero-width and direction marks, the BOM. A cell is judged by its first VISIBLE character.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must match
const INVISIBLE_PREFIX = /^[\s\u0000-\u001f\u007f-\u00a0\u00ad\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+/;
// = + - @ and their fullwidth and small forms, which spreadsheets in CJK locales read as the same operators.
const FORMULA_START = /^[=+\-@\u2212\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]/;

/** True when a spreadsheet could read the cell as a formula. */
export function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // Fast path: most cells start with a letter or a digit.
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false;
  if (text.length === 0) return false;
  if (c === 0x09 || c === 0x0d) return true;
  const visible = text.replace(INVISIBLE_PREFIX, '');
  return FORMULA_START.test(visible);
}

/** A spreadsheet would run a cell whose first visible character is = + - @ as a formula: prefix a quote. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (startsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = [
  'email',
  'name',
  'sequence_id',
  'sequence_name',
  'state',
  'error',
  'error_code',
  'matched_records',
  'first_seen',
  'last_attempt',
  'attempts',
];

/** The UTF-8 byte-order mark: without it Excel reads a UTF-8 CSV as the system's ANSI code page ("JosÃ©"). */
const UTF8_BOM = '\uFEFF';

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/**
 * Writes the report through `write` in pieces of about 64 KB, reading rows one at a time: memory stays
 * flat however many rows there are.
 */
function writeErrorReport(ctx: Pick<Ctx, 'sqlite'>, format: 'csv' | 'json', write: (piece: string) => void): number {
  // Contacts whose mail bounced (from the mailbox) are listed too, with the state "bounced".
  const bounced = bouncedReportRows(ctx.sqlite).map((b): ExportRow => [
    b.email,
    b.name,
    b.sequenceId,
    b.sequenceName,
    'bounced',
    b.error,
    null,
    null,
    b.firstSeen,
    null,
    0,
  ]);
  function* reportRows(): Generator<ExportRow> {
    yield* errorExportRows(ctx.sqlite);
    yield* bounced;
  }
  let rows = 0;
  let piece = '';
  const add = (text: string) => {
    piece += text;
    if (piece.length >= 65536) {
      write(piece);
      piece = '';
    }
  };
  if (format === 'json') add('[');
  else add(`${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`);
  for (const r of reportRows()) {
    const [email, name, sequenceId, sequenceName, state, error, errorCode, evidence, firstSeen, lastAttempt, attempts] = r;
    const matches = parseEvidence(evidence);
    if (format === 'json') {
      const entry = {
        email,
        name,
        sequenceId,
        sequenceName,
        state,
        error,
        errorCode,
        matches,
        firstSeen: iso(firstSeen) || null,
        lastAttempt: iso(lastAttempt) || null,
        attempts,
      };
      add(`${rows === 0 ? '\n' : ',\n'}  ${JSON.stringify(entry)}`);
    } else {
      const cells = [
        email,
        name,
        sequenceId,
        sequenceName,
        state,
        error,
        errorCode,
        matches.length > 0 ? describeMatches(matches) : '',
      ].map(csvCell);
      add(`${cells.join(',')},${iso(firstSeen)},${iso(lastAttempt)},${attempts}\r\n`);
    }
    rows += 1;
  }
  if (format === 'json') add(rows === 0 ? ']\n' : '\n]\n');
  if (piece !== '') write(piece);
  return rows;
}

function reportName(ctx: Pick<Ctx, 'clock'>, format: 'csv' | 'json'): string {
  const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `flowbridge-errors-${stamp}.${format}`;
}

/** The report as one text, for the window's download (the CSV starts with a UTF-8 BOM). */
export function exportErrors(
  ctx: Pick<Ctx, 'clock' | 'sqlite'>,
  format: 'csv' | 'json',
): { filename: string; content: string; rows: number } {
  const pieces: string[] = [];
  const rows = writeErrorReport(ctx, format, (p) => pieces.push(p));
  return { filename: reportName(ctx, format), content: pieces.join(''), rows };
}

/** The report streamed into a file (the command line): never held in memory whole. */
export function exportErrorsToFile(ctx: Pick<Ctx, 'sqlite'>, format: 'csv' | 'json', path: string): { file: string; rows: number } {
  const fd = openSync(path, 'w', 0o600);
  try {
    const rows = writeErrorReport(ctx, format, (p) => writeSync(fd, p));
    return { file: path, rows };
  } finally {
    closeSync(fd);
  }
}
