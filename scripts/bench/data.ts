// The benchmark's contacts: the same rows for the CSV files, the in-memory CSV text and the reference insert.
import { createWriteStream } from 'node:fs';

const HEADER = 'email,first_name,last_name,title,company,phone,linkedin_url,location,seniority,source_list';
const LEVELS = ['Junior', 'Mid', 'Senior'];

/** Row i: email, first_name, last_name, title, company, phone, linkedin_url, location, seniority, source_list. */
export function contactRow(i: number): string[] {
  return [
    `person${i}@bench${i % 97}.example`,
    `First${i}`,
    `Last${i}`,
    `Engineer ${i % 13}`,
    `Company ${i % 500}`,
    `+1555${String(i).padStart(7, '0')}`,
    `https://linkedin.com/in/p${i}`,
    `City ${i % 50}`,
    LEVELS[i % 3]!,
    `list-${i % 20}`,
  ];
}

export function contactsCsv(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i += 1) lines.push(contactRow(i).join(','));
  return lines.join('\n');
}

/** Writes the same CSV to a file without building it in memory (a million rows is ~130 MB). */
export async function writeContactsCsv(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  let piece = `${HEADER}\n`;
  for (let i = 0; i < n; i += 1) {
    piece += `${contactRow(i).join(',')}\n`;
    if (piece.length > 1 << 20) {
      if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      piece = '';
    }
  }
  out.end(piece);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}
