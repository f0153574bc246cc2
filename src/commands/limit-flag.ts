// The --limit flag of `bordersim capacity` read into the typed limit the search keeps: `<metric> <= <value>`.
import { ALL_GROUP, type GroupChoice } from '../experiment/studies/select.js';
import type { CapacityLimit } from '../experiment/studies/capacity.js';
import { GROUP_METRICS, type GroupMetric } from '../model/results.js';
import { UsageError } from './context.js';

/** Parses `"approach_wait_h_p95 <= 4"` (spaces optional) as a limit on `group` (default all × all); throws UsageError naming the text. */
export function parseLimit(text: string, group: GroupChoice = ALL_GROUP): CapacityLimit {
  const m = /^\s*([a-z0-9_]+)\s*<=\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*$/.exec(text);
  if (!m) throw new UsageError(`--limit "${text}": expected "<metric> <= <value>", e.g. "approach_wait_h_p95 <= 4"`);
  const metric = m[1] as GroupMetric;
  if (!GROUP_METRICS.includes(metric)) {
    throw new UsageError(`--limit "${text}": unknown metric "${m[1]}" (known: ${GROUP_METRICS.join(', ')})`);
  }
  return { metric, max: Number(m[2]), direction: group.direction, vehicleClass: group.vehicleClass };
}
