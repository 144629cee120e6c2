import { decodeCsvBytes, REPLACEMENT_CHAR, type CsvEncoding, type DecodedCsv } from '../../../src-shared/csvEncoding';

/** Reads a picked file's bytes: the encoding is decided (and can be changed) before the text is used. */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Decodes CSV bytes with the detected encoding, or the one the user picked. */
export function decodeCsvFile(bytes: Uint8Array, chosen?: CsvEncoding): DecodedCsv {
  return decodeCsvBytes(bytes, chosen);
}

/** Lines (data rows, roughly) holding a character that did not fit the encoding: the importer rejects them. */
export function garbledLines(text: string): number {
  let count = 0;
  let at = text.indexOf(REPLACEMENT_CHAR);
  while (at >= 0) {
    count += 1;
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = text.indexOf(REPLACEMENT_CHAR, nl);
  }
  return count;
}
