// WCAG contrast arithmetic for the theme: the colour scheme is tuned so that every text/background pair
// the UI uses reaches 4.5:1 (checked by the axe audit in e2e/a11y.spec.ts).

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes `hex` with black (amount > 0) or white (amount < 0); |amount| in 0..1. */
export function shift(hex: string, amount: number): string {
  const target = amount > 0 ? 0 : 255;
  const a = Math.abs(amount);
  return toHex(channels(hex).map((c) => c + (target - c) * a));
}

/**
 * The colour nearest to `hex` (darker on light backgrounds, lighter on dark ones) that reaches `ratio`
 * against every one of `backgrounds`.
 */
export function ensureContrast(hex: string, backgrounds: string[], ratio = 4.6, direction: 'darker' | 'lighter' = 'darker'): string {
  for (let step = 0; step <= 40; step++) {
    const candidate = shift(hex, (direction === 'darker' ? 1 : -1) * step * 0.025);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= ratio)) return candidate;
  }
  return direction === 'darker' ? '#000000' : '#ffffff';
}
