/** Reads a picked file as text (UTF-8, BOM stripped). */
export async function readFileText(file: File): Promise<string> {
  const text = await file.text();
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
