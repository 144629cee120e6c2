// Human-readable output for the command line (with --json, the value is printed as JSON instead).

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.min(48, Math.max(c.length, ...cells.map((row) => row[i]!.length))));
  const line = (values: string[]) =>
    values
      .map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatHuman(value: unknown): string {
  if (Array.isArray(value)) {
    return value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
      ? table(value as Record<string, unknown>[])
      : value.map(cell).join('\n');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => {
        if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'object')
          return `${key}:\n${table(v as Record<string, unknown>[]).replace(/^/gm, '  ')}`;
        return `${key}: ${cell(v)}`;
      })
      .join('\n');
  }
  return cell(value);
}
