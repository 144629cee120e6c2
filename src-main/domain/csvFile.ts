// Importing a CSV file from disk without holding it: the encoding is decided from the whole file in one
// streamed pass (native UTF-8 validation, chardet on a sample otherwise), then the file is decoded and
// imported piece by piece. Used by the command line; memory stays flat at a million rows.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { detectEncoding, ENCODING_LABELS, type CsvEncoding, type EncodingChoice } from '../../src-shared/csvEncoding';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { importContacts, type ImportOptions, type ImportResult } from './contactImport';

const PIECE = 1 << 20;

/** Whether every byte of the file is valid UTF-8, checked natively a megabyte at a time. */
function fileIsUtf8(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(PIECE + 4);
    let carry = 0;
    for (;;) {
      const read = readSync(fd, buf, carry, PIECE, null);
      const end = carry + read;
      if (read === 0) return carry === 0 || isUtf8(buf.subarray(0, carry));
      // Keep an incomplete multi-byte sequence at the end for the next piece.
      let cut = end;
      for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
        const b = buf[end - back]!;
        if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > back) cut = end - back;
        break;
      }
      if (!isUtf8(buf.subarray(0, cut))) return false;
      carry = end - cut;
      buf.copy(buf, 0, cut, end);
    }
  } finally {
    closeSync(fd);
  }
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** The file's encoding, and why: a BOM, valid UTF-8 throughout, or what the detector finds. */
function detectFileEncoding(path: string): EncodingChoice {
  const head = readHead(path, 4 * PIECE);
  const fromHead = detectEncoding(head);
  // A BOM or a non-UTF-8 verdict from the first 4 MB stands; "valid UTF-8" must hold for the whole file.
  if (fromHead.encoding !== 'utf-8' || fromHead.reason.includes('byte-order mark')) return fromHead;
  if (head.length < 4 * PIECE || fileIsUtf8(path)) return fromHead;
  return {
    encoding: 'utf-8',
    reason: `${ENCODING_LABELS['utf-8']}: the first 4 MB are UTF-8 but later bytes are not; rows with an invalid byte are rejected`,
  };
}

async function* decodedPieces(path: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: PIECE })) {
    let text = decoder.decode(chunk as Buffer, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Imports a CSV file streamed from disk; `chosen` overrides the detected encoding. */
export async function importContactsFile(
  ctx: Ctx,
  path: string,
  options: Omit<ImportOptions, 'encoding'> & { chosen?: CsvEncoding; keepEmails?: boolean } = {},
): Promise<ImportResult> {
  let choice: EncodingChoice;
  try {
    choice = options.chosen
      ? { encoding: options.chosen, reason: `${ENCODING_LABELS[options.chosen]}: chosen with --encoding` }
      : detectFileEncoding(path);
  } catch (error) {
    throw new AppError('unreadable_file', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return importContacts(ctx, decodedPieces(path, choice.encoding), { ...options, encoding: choice });
}
