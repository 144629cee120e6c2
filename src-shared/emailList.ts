// Reading a pasted list of emails: one per line, or separated by commas, semicolons or spaces, as they
// come out of a spreadsheet column or a mail client's To: line ("Fay Smith" <fay@example.com>).
import { isValidEmail, normalizeEmail } from './domain';

export interface ParsedEmailList {
  /** Valid addresses, normalized, each once, in the order pasted. */
  emails: string[];
  /** Pieces that are not an email address, as pasted. */
  invalid: string[];
}

/** Splits on , ; and line breaks outside double quotes and angle brackets (a display name may hold a comma). */
function entries(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of text) {
    if (ch === '"' && !angled) quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (!quoted && !angled && (ch === ',' || ch === ';' || ch === '\n' || ch === '\r')) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((e) => e.trim()).filter(Boolean);
}

export function parseEmailList(text: string): ParsedEmailList {
  const emails: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const take = (raw: string) => {
    const email = normalizeEmail(raw.replace(/^mailto:/i, ''));
    if (!isValidEmail(email)) invalid.push(raw);
    else if (!seen.has(email)) {
      seen.add(email);
      emails.push(email);
    }
  };
  for (const entry of entries(text)) {
    // "Display Name" <address> or Display Name <address>: the address is what is inside the brackets.
    const angle = /<([^<>]*)>\s*$/.exec(entry);
    if (angle) {
      take(angle[1]!);
      continue;
    }
    // Otherwise words separated by spaces or tabs; words without an @ next to an address are a name.
    const words = entry
      .replace(/"[^"]*"/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const addresses = words.filter((w) => w.includes('@'));
    if (addresses.length === 0) invalid.push(entry);
    else for (const word of addresses) take(word);
  }
  return { emails, invalid };
}
