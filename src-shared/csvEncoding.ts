// Which text encoding a CSV file is in, decided per file, and the reason given to the user. Shared by the
// import wizard (which shows the choice with a preview) and the command line (`contacts import --encoding`).
// Pure: chardet is plain JavaScript and TextDecoder exists in Node and in the browser.
import { analyse } from 'chardet';

/** The encodings offered to the user: what Excel, Numbers and Google Sheets write on the common systems. */
export const CSV_ENCODINGS = [
  'utf-8',
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
  'utf-16le',
  'utf-16be',
  'shift_jis',
  'gb18030',
  'big5',
  'euc-kr',
  'macintosh',
] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European, Excel "ANSI")',
  'iso-8859-15': 'ISO-8859-15 (Latin-9)',
  'windows-1250': 'Windows-1250 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  shift_jis: 'Shift_JIS (Japanese)',
  gb18030: 'GB18030 (Chinese, simplified)',
  big5: 'Big5 (Chinese, traditional)',
  'euc-kr': 'EUC-KR (Korean)',
  macintosh: 'Mac OS Roman',
};

export interface EncodingChoice {
  encoding: CsvEncoding;
  /** One sentence for the import summary: why this encoding. */
  reason: string;
}

export interface DecodedCsv extends EncodingChoice {
  text: string;
}

// chardet's names → the WHATWG names TextDecoder knows. ISO-8859-1 is read as windows-1252, as every
// browser does: it is a superset, and files labelled Latin-1 are in practice written by Windows.
const FROM_CHARDET: Record<string, CsvEncoding> = {
  'UTF-8': 'utf-8',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'windows-1250',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'ISO-8859-5': 'windows-1251',
  'KOI8-R': 'windows-1251',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  Shift_JIS: 'shift_jis',
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-KR': 'euc-kr',
};

export function isCsvEncoding(name: string): name is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(name);
}

/** The bytes a BOM takes at the start, for the encoding it announces. */
function bom(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** How many invalid UTF-8 sequences, and how many valid multi-byte characters, the bytes hold. */
function utf8Census(bytes: Uint8Array): { invalid: number; multibyte: number } {
  let invalid = 0;
  let multibyte = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k += 1) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte += 1;
      i += len;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { invalid, multibyte };
}

/**
 * Decides the encoding of a whole file. In order: a byte-order mark; valid UTF-8 (most files); UTF-8 with a
 * few broken bytes among many valid accented characters (decoded as UTF-8, and only the rows holding a
 * broken byte are rejected by the importer); otherwise what chardet detects from the bytes.
 */
export function detectEncoding(bytes: Uint8Array): EncodingChoice {
  const mark = bom(bytes);
  if (mark) return { encoding: mark.encoding, reason: `${ENCODING_LABELS[mark.encoding]}: the file starts with a byte-order mark` };
  const { invalid, multibyte } = utf8Census(bytes);
  if (invalid === 0) {
    return {
      encoding: 'utf-8',
      reason: multibyte === 0 ? 'UTF-8: the file is plain ASCII' : 'UTF-8: every byte of the file is valid UTF-8',
    };
  }
  if (multibyte >= invalid * 4) {
    const s = invalid === 1 ? '' : 's';
    return {
      encoding: 'utf-8',
      reason: `UTF-8: ${multibyte.toLocaleString('en-US')} valid UTF-8 characters and ${invalid} invalid byte${s}; rows with an invalid byte are rejected`,
    };
  }
  const sample = bytes.length > 4 * 1024 * 1024 ? bytes.subarray(0, 4 * 1024 * 1024) : bytes;
  for (const match of analyse(sample)) {
    const encoding = FROM_CHARDET[match.name];
    if (encoding && encoding !== 'utf-8') {
      return { encoding, reason: `${ENCODING_LABELS[encoding]}: not valid UTF-8, detected with ${match.confidence}% confidence` };
    }
  }
  return { encoding: 'windows-1252', reason: `${ENCODING_LABELS['windows-1252']}: not valid UTF-8 and no better match was detected` };
}

/** Decodes with the given encoding (a BOM of that encoding is dropped); invalid bytes become U+FFFD. */
function decodeWith(bytes: Uint8Array, encoding: CsvEncoding): string {
  const mark = bom(bytes);
  const body = mark && mark.encoding === encoding ? bytes.subarray(mark.length) : bytes;
  return new TextDecoder(encoding).decode(body);
}

/** Detects (or takes the caller's choice) and decodes. */
export function decodeCsvBytes(bytes: Uint8Array, chosen?: CsvEncoding): DecodedCsv {
  const choice = chosen ? { encoding: chosen, reason: `${ENCODING_LABELS[chosen]}: chosen by the user` } : detectEncoding(bytes);
  return { ...choice, text: decodeWith(bytes, choice.encoding) };
}

/** U+FFFD: what a decoder puts where bytes did not fit the encoding. A row holding one is never imported. */
export const REPLACEMENT_CHAR = '\uFFFD';
