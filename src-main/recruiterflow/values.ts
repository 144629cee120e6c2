// Small value helpers shared by the request builders, the normalizer and the update merge.

/** Recruiterflow writes Python's None as the string "None" in many fields. */
function isNoneString(v: unknown): boolean {
  return typeof v === 'string' && v.trim() === 'None';
}

/** True for undefined, null, "", whitespace, "None", [] and objects whose values are all blank. */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '' || isNoneString(v);
  if (Array.isArray(v)) return v.every(isBlank);
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(isBlank);
  return false;
}

/** Deep copy with every "None" string replaced by null. */
export function noneToNull<T>(v: T): T {
  if (isNoneString(v)) return null as T;
  if (Array.isArray(v)) return v.map(noneToNull) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = noneToNull(x);
    return out as T;
  }
  return v;
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function asInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}

export function asText(v: unknown): string {
  if (typeof v === 'string') return isNoneString(v) ? '' : v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

export function normalizeEmailText(v: string): string {
  return v.trim().toLowerCase();
}

/** Digits (and a leading +) only, for comparing phone numbers written differently. */
export function phoneKey(v: string): string {
  const t = v.trim();
  return (t.startsWith('+') ? '+' : '') + t.replace(/\D/g, '');
}

/** Recruiterflow's datetime form: `2021-01-12T10:16:16+0000` (UTC, offset without colon). */
export function formatRfDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+0000');
}
