/** Reads a picked file as text (UTF-8, BOM stripped). */
export async function readFileText(file: File): Promise<string> {
  const text = await file.text();
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits pasted text into candidate emails (commas, semicolons, whitespace, new lines). */
export function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
}
