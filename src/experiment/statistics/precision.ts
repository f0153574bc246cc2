// Sequential replications: a target precision for one metric of one group (the 95% CI's half-width within a share
// of the mean) and the rule that reads each replication's results, in order, and says when every crossing with
// the group has reached it. Replications 1..n stopped this way are exactly a plain run of n replications.
import type { ClassKey, DirectionKey, GroupMetric, GroupResult, ReplicationResult } from '../../model/results.js';
import type { ClassChoice } from '../studies/select.js';
import { FREIGHT_CLASSES } from '../studies/select.js';
import { summariseValues } from './stats.js';

/** Fewer replications give no CI worth stopping on (with 2 the t quantile is 12.7): the rule never stops before this. */
export const MIN_PRECISION_REPLICATIONS = 3;

/** What to reach: half-width of the 95% CI of `metric`'s mean ≤ `share` × |mean|, for the group, on `crossing` (null: every crossing that has the group). */
export interface PrecisionTarget {
  metric: GroupMetric;
  /** Relative half-width, e.g. 0.05 for 5%. */
  share: number;
  direction: DirectionKey;
  vehicleClass: ClassChoice;
  crossing: string | null;
}

/** Where one crossing stands: its mean and the CI's half-width over the replications so far (null while undefined). */
export interface CrossingPrecision {
  crossing: string;
  n: number;
  mean: number | null;
  halfWidth: number | null;
  /** halfWidth / |mean| (0 when both are 0; null while there is no CI). */
  relative: number | null;
  met: boolean;
}

function inGroup(g: GroupResult, target: PrecisionTarget): boolean {
  if (target.crossing !== null && g.crossing !== target.crossing) return false;
  if (g.direction !== target.direction) return false;
  const c: ClassKey = g.vehicleClass;
  return target.vehicleClass === 'freight' ? (FREIGHT_CLASSES as readonly string[]).includes(c) : c === target.vehicleClass;
}

/** Reads replication results in order and tells when the target is reached on every crossing with the group. */
export class PrecisionRule {
  private readonly values = new Map<string, number[]>();
  private count = 0;

  constructor(readonly target: PrecisionTarget) {}

  /** Adds one replication (in replication order); returns whether the target is now reached. */
  add(result: ReplicationResult): boolean {
    this.count += 1;
    for (const g of result.groups) {
      if (!inGroup(g, this.target)) continue;
      const list = this.values.get(g.crossing) ?? [];
      list.push(g.values[this.target.metric]);
      this.values.set(g.crossing, list);
    }
    return this.reached();
  }

  /** Replications added so far. */
  get replications(): number {
    return this.count;
  }

  /**
   * True once at least MIN_PRECISION_REPLICATIONS replications are in, some crossing has the group, and each such
   * crossing has either met the target or never given a finite value (a mean over no vehicles: nothing to estimate).
   */
  reached(): boolean {
    if (this.count < MIN_PRECISION_REPLICATIONS || this.values.size === 0) return false;
    return this.status().every((c) => c.met || c.n === 0);
  }

  /** Every crossing with the group, in the order first seen. */
  status(): CrossingPrecision[] {
    return [...this.values].map(([crossing, values]) => {
      const s = summariseValues(values);
      const halfWidth = s.ci95High === null || s.mean === null ? null : s.ci95High - s.mean;
      const relative = halfWidth === null || s.mean === null ? null : halfWidth === 0 ? 0 : halfWidth / Math.abs(s.mean);
      return { crossing, n: s.n, mean: s.mean, halfWidth, relative, met: relative !== null && s.n >= MIN_PRECISION_REPLICATIONS && relative <= this.target.share };
    });
  }
}
