// Across-replication statistics of one metric: mean, sample sd, Student-t 95% CI, min, max.
// Sums and sd come from simple-statistics; only the t quantile is ours (tquantile.ts).
import { max, mean, min, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './tquantile.js';

/** Summary of one metric over replications; sd and the CI are null with fewer than two values. */
export interface MetricSummary {
  /** Number of replications that gave a finite value (non-finite values, e.g. a mean over no vehicles, are skipped). */
  n: number;
  mean: number | null;
  sd: number | null;
  ci95Low: number | null;
  ci95High: number | null;
  min: number | null;
  max: number | null;
}

/** Two-sided confidence level of every interval this project reports. */
export const CONFIDENCE = 0.95;

const tCache = new Map<number, number>();

/** t(0.975, df), computed once per df (a summary has thousands of rows with the same df). */
function tCritical(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) {
    t = studentTQuantile(1 - (1 - CONFIDENCE) / 2, df);
    tCache.set(df, t);
  }
  return t;
}

/**
 * Summarise per-replication values: mean, sample sd, mean ± t(0.975, n-1)·sd/√n, min, max.
 * Non-finite values are skipped; with no value everything is null, with one value sd and CI are null.
 */
export function summariseValues(values: readonly number[]): MetricSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { n, mean: null, sd: null, ci95Low: null, ci95High: null, min: null, max: null };
  const m = mean(finite);
  const lo = min(finite);
  const hi = max(finite);
  if (n === 1) return { n, mean: m, sd: null, ci95Low: null, ci95High: null, min: lo, max: hi };
  const sd = sampleStandardDeviation(finite);
  const half = tCritical(n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci95Low: m - half, ci95High: m + half, min: lo, max: hi };
}
