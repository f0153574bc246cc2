// The --precision flag of `bordersim run` read into a precision target: `[<metric>] <share>[%] [<class>] [<direction>] [at <crossing>]`.
import { CLASS_CHOICES, DIRECTION_CHOICES, type ClassChoice } from '../experiment/studies/select.js';
import type { PrecisionTarget } from '../experiment/statistics/precision.js';
import { GROUP_METRICS, type DirectionKey, type GroupMetric } from '../model/results.js';
import { UsageError } from './context.js';

/** The metric a bare share (`--precision 5%`) applies to. */
export const DEFAULT_PRECISION_METRIC: GroupMetric = 'approach_wait_h_mean';

const EXAMPLE = 'e.g. "5%" or "approach_wait_h_p95 10% truck south at kyakhta"';

/**
 * Parses `"5%"`, `"0.05"`, `"approach_wait_h_mean 5%"`, `"approach_wait_h_mean 5% truck south at kyakhta"`: the metric
 * (default approach_wait_h_mean), the share of the mean the 95% CI's half-width must be within (a percentage, or a
 * fraction in (0, 1)), the class (default freight) and direction (default all), and one crossing (default every
 * crossing with that group). Throws UsageError naming the text and what was wrong.
 */
export function parsePrecision(text: string): PrecisionTarget {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const fail = (why: string): never => {
    throw new UsageError(`--precision "${text}": ${why} (${EXAMPLE})`);
  };
  let i = 0;
  let metric = DEFAULT_PRECISION_METRIC;
  if (words[i] !== undefined && /^[a-z][a-z0-9_]*$/.test(words[i]!) && !(CLASS_CHOICES as readonly string[]).includes(words[i]!)) {
    if (!(GROUP_METRICS as readonly string[]).includes(words[i]!)) fail(`unknown metric "${words[i]}" (known: ${GROUP_METRICS.join(', ')})`);
    metric = words[i++] as GroupMetric;
  }
  const m = /^(\d+\.?\d*|\.\d+)(%?)$/.exec(words[i] ?? '');
  if (!m) fail(words[i] === undefined ? 'expected a share such as 5%' : `"${words[i]}" is not a share such as 5% or 0.05`);
  const share = m![2] === '%' ? Number(m![1]) / 100 : Number(m![1]);
  if (!(share > 0 && share < 1)) fail(`the share must be above 0% and below 100%, got ${words[i]}`);
  i += 1;
  let vehicleClass: ClassChoice = 'freight';
  let direction: DirectionKey = 'all';
  let crossing: string | null = null;
  if ((CLASS_CHOICES as readonly string[]).includes(words[i] ?? '')) vehicleClass = words[i++] as ClassChoice;
  if ((DIRECTION_CHOICES as readonly string[]).includes(words[i] ?? '')) direction = words[i++] as DirectionKey;
  if (words[i] === 'at') {
    if (words[i + 1] === undefined) fail('"at" needs a crossing id');
    crossing = words[i + 1]!;
    i += 2;
  }
  if (i < words.length) fail(`unexpected "${words.slice(i).join(' ')}"`);
  return { metric, share, direction, vehicleClass, crossing };
}

/** The target as run.json and the summary write it: `approach_wait_h_mean within 5% (freight, all directions, every crossing)`. */
export function precisionText(t: PrecisionTarget): string {
  return `${t.metric} within ${+(100 * t.share).toPrecision(6)}% (${t.vehicleClass}, ${t.direction === 'all' ? 'all directions' : t.direction}, ${t.crossing ?? 'every crossing'})`;
}
