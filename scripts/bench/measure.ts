// Timing helpers for the benchmark: medians of several runs, percentiles of many samples, and the figure
// row the README table shows (the measured time, its ratio to a reference measured in the same run, and
// the target).
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface Figure {
  figure: string;
  measured: string;
  /** The measured value as a multiple of its reference, e.g. "2.1×"; "-" when the figure has none. */
  ratio?: string;
  target: string;
  met: boolean;
  /** A reference row: shown for the ratios below it, not judged. */
  reference?: boolean;
}

export const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 0)} ms`);
export const times = (r: number) => `${r.toFixed(2)}×`;
export const mb = (v: number) => `${v.toFixed(0)} MB`;
