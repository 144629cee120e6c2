const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const numbers = new Intl.NumberFormat();

export function formatDateTime(ms: number | null | undefined): string {
  return ms ? dateTime.format(new Date(ms)) : '—';
}

/** "14:05" today, otherwise a full date and time. */
export function formatWhen(ms: number | null | undefined): string {
  if (!ms) return '—';
  const d = new Date(ms);
  return d.toDateString() === new Date().toDateString() ? timeOnly.format(d) : dateTime.format(d);
}

export function formatDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00`);
  return Number.isNaN(d.getTime()) ? isoDay : dayOnly.format(d);
}

export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "in 3 min", "in 20 s", "now". */
export function formatRelative(ms: number | null | undefined, now = Date.now()): string {
  if (!ms) return '—';
  const diff = Math.round((ms - now) / 1000);
  const abs = Math.abs(diff);
  const text =
    abs < 5
      ? 'now'
      : abs < 60
        ? `${abs} s`
        : abs < 3600
          ? `${Math.round(abs / 60)} min`
          : abs < 86400
            ? `${Math.round(abs / 3600)} h`
            : `${Math.round(abs / 86400)} d`;
  if (text === 'now') return text;
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
