// Numbers read back from the result CSVs as report table cells: fixed decimals, a mean with its 95% CI, '–' where
// the file has no value.
import type { CsvRow } from '../output/csvfile.js';
import { num } from './collect.js';

/** A CSV number cell with `decimals` decimals (× `scale`), '–' for an empty one. */
export function fixed(text: string | undefined, decimals: number, scale = 1): string {
  const n = num(text);
  return n === null ? '–' : (n * scale).toFixed(decimals);
}

/**
 * `mean [low, high]` of a row (× `scale`), from its mean/ci95 columns or the `cols` named; '–' without a mean, the
 * mean alone without an interval.
 */
export function withCi(r: CsvRow | undefined, decimals: number, cols: [string, string, string] = ['mean', 'ci95_low', 'ci95_high'], scale = 1): string {
  if (!r || num(r[cols[0]]) === null) return '–';
  const ci = num(r[cols[1]]) === null || num(r[cols[2]]) === null ? '' : ` [${fixed(r[cols[1]], decimals, scale)}, ${fixed(r[cols[2]], decimals, scale)}]`;
  return `${fixed(r[cols[0]], decimals, scale)}${ci}`;
}
