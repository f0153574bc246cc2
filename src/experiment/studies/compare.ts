// Paired comparison of plans with common random numbers: replication r of every scenario used the same
// seed and streams, so plan − base differences are taken per replication and summarised with a Student t CI;
// and the like-for-like check: a plan that differs from the base in dates, days or crossings is flagged.
import { mean, sampleVariance } from 'simple-statistics';
import { CORRIDOR_METRICS, GROUP_METRICS, type ClassKey, type CorridorMetric, type DirectionKey, type GroupMetric } from '../../model/results.js';
import type { Scenario } from '../../scenario/types.js';
import { corridorKeyText, type CollectedResults, type CorridorKey } from '../statistics/collect.js';
import type { ResultWarning } from '../statistics/stability.js';
import { CONFIDENCE, summariseValues } from '../statistics/stats.js';
import { studentTQuantile } from '../statistics/tquantile.js';

/** A 95% interval; both ends null when it cannot be computed (fewer than two values). */
export interface Interval {
  low: number | null;
  high: number | null;
}

/** The paired figures of one metric: the two means, the difference with its CI, the change and its significance. */
export interface PairedFigures {
  baseMean: number | null;
  planMean: number | null;
  /** Mean of the per-replication differences plan − base (= planMean − baseMean when every replication gave both). */
  difference: number | null;
  diffCi: Interval;
  /** 100 × difference / |baseMean|; null when the base mean is 0 or missing. */
  changePct: number | null;
  /** True when the difference's CI excludes zero; false when it includes zero or cannot be computed. */
  significant: boolean;
  /** Replications where both scenarios gave a finite value. */
  pairs: number;
}

/** Paired difference plan − base of one metric of one group (a row of compare.csv). */
export interface CompareRow extends PairedFigures {
  plan: string;
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  metric: GroupMetric;
}

/** Paired difference plan − base of one corridor metric of one corridor × direction × class × crossing (a row of compare-corridors.csv). */
export interface CorridorCompareRow extends CorridorKey, PairedFigures {
  plan: string;
  metric: CorridorMetric;
}

/** The paired figures of per-replication values `b` (base) and `p` (plan), indexed alike. */
export function pairedFigures(b: readonly number[], p: readonly number[]): PairedFigures {
  const baseMean = summariseValues(b).mean;
  const planMean = summariseValues(p).mean;
  const paired = pairedDifference(b, p);
  const { low, high } = paired.ci;
  return {
    baseMean,
    planMean,
    difference: paired.mean,
    diffCi: paired.ci,
    changePct: paired.mean !== null && baseMean !== null && baseMean !== 0 ? (100 * paired.mean) / Math.abs(baseMean) : null,
    significant: low !== null && high !== null && (low > 0 || high < 0),
    pairs: paired.n,
  };
}

/**
 * Paired difference of per-replication values (plan[i] − base[i], pairs where both are finite):
 * mean and mean ± t(0.975, n−1)·sd/√n. With identical inputs the difference and its CI are exactly 0.
 */
export function pairedDifference(base: readonly number[], plan: readonly number[]): { n: number; mean: number | null; ci: Interval } {
  const diffs: number[] = [];
  const n = Math.min(base.length, plan.length);
  for (let i = 0; i < n; i++) {
    const b = base[i]!;
    const p = plan[i]!;
    if (Number.isFinite(b) && Number.isFinite(p)) diffs.push(p - b);
  }
  const s = summariseValues(diffs);
  return { n: s.n, mean: s.mean, ci: { low: s.ci95Low, high: s.ci95High } };
}

/**
 * Unpaired (Welch) 95% CI of mean(plan) − mean(base), treating the samples as independent; what the
 * comparison would give without common random numbers. Ends are null with fewer than two values on a side.
 */
export function welchInterval(base: readonly number[], plan: readonly number[]): Interval {
  const b = base.filter(Number.isFinite);
  const p = plan.filter(Number.isFinite);
  if (b.length < 2 || p.length < 2) return { low: null, high: null };
  const vb = sampleVariance(b) / b.length;
  const vp = sampleVariance(p) / p.length;
  const d = mean(p) - mean(b);
  const se = Math.sqrt(vb + vp);
  if (se === 0) return { low: d, high: d };
  const df = (vb + vp) ** 2 / (vb ** 2 / (b.length - 1) + vp ** 2 / (p.length - 1));
  const half = studentTQuantile(1 - (1 - CONFIDENCE) / 2, df) * se;
  return { low: d - half, high: d + half };
}

type GroupKey = string;
const keyOf = (crossing: string, direction: string, vehicleClass: string): GroupKey => `${crossing}\u0000${direction}\u0000${vehicleClass}`;

/** Per key and metric, the values indexed by replication number (1-based; holes are NaN). */
function byReplication<M extends string, R extends { metric: M; replication: number; value: number }>(rows: Iterable<R>, keyFor: (row: R) => string): Map<string, Map<M, number[]>> {
  const out = new Map<string, Map<M, number[]>>();
  for (const row of rows) {
    const key = keyFor(row);
    let metrics = out.get(key);
    if (!metrics) out.set(key, (metrics = new Map()));
    let list = metrics.get(row.metric);
    if (!list) metrics.set(row.metric, (list = []));
    while (list.length < row.replication) list.push(Number.NaN);
    list[row.replication - 1] = row.value;
  }
  return out;
}

/** Per group and metric, the values indexed by replication number (1-based; holes are NaN). */
export function valuesByReplication(res: CollectedResults): Map<GroupKey, Map<GroupMetric, number[]>> {
  return byReplication(res.rows, (row) => keyOf(row.crossing, row.direction, row.vehicleClass));
}

/** The values of one group's metric over replications (empty when the group is absent). */
export function metricValues(res: CollectedResults, crossing: string, direction: DirectionKey, vehicleClass: ClassKey, metric: GroupMetric): number[] {
  return valuesByReplication(res).get(keyOf(crossing, direction, vehicleClass))?.get(metric) ?? [];
}

/**
 * Compares a plan's results with the base's, replication by replication, for every group × metric of either
 * (base order first, then groups only the plan has). Both must come from the same seed and replications.
 */
export function comparePlan(planId: string, base: CollectedResults, plan: CollectedResults): CompareRow[] {
  const baseValues = valuesByReplication(base);
  const planValues = valuesByReplication(plan);
  const groups = new Map<GroupKey, { crossing: string; direction: DirectionKey; vehicleClass: ClassKey }>();
  for (const s of [...base.summary, ...plan.summary]) {
    const key = keyOf(s.crossing, s.direction, s.vehicleClass);
    if (!groups.has(key)) groups.set(key, { crossing: s.crossing, direction: s.direction, vehicleClass: s.vehicleClass });
  }
  const rows: CompareRow[] = [];
  for (const [key, g] of groups) {
    for (const metric of GROUP_METRICS) {
      rows.push({ plan: planId, ...g, metric, ...pairedFigures(baseValues.get(key)?.get(metric) ?? [], planValues.get(key)?.get(metric) ?? []) });
    }
  }
  return rows;
}

/** Per corridor × direction × class × crossing and corridor metric, the values indexed by replication number (1-based; holes are NaN). */
function corridorValuesByReplication(res: CollectedResults): Map<string, Map<CorridorMetric, number[]>> {
  return byReplication(res.corridorRows, corridorKeyText);
}

/**
 * Compares a plan's corridor choices with the base's, replication by replication, for every corridor × direction ×
 * class × crossing × corridor metric of either (matched by corridor and crossing ids; base order first, then those
 * only the plan has). Empty when neither has corridors.
 */
export function compareCorridors(planId: string, base: CollectedResults, plan: CollectedResults): CorridorCompareRow[] {
  const baseValues = corridorValuesByReplication(base);
  const planValues = corridorValuesByReplication(plan);
  const keys = new Map<string, CorridorKey>();
  for (const k of [...base.corridors, ...plan.corridors]) {
    const key = corridorKeyText(k);
    if (!keys.has(key)) keys.set(key, { corridor: k.corridor, direction: k.direction, vehicleClass: k.vehicleClass, crossing: k.crossing });
  }
  const rows: CorridorCompareRow[] = [];
  for (const [key, k] of keys) {
    for (const metric of CORRIDOR_METRICS) {
      rows.push({ plan: planId, ...k, metric, ...pairedFigures(baseValues.get(key)?.get(metric) ?? [], planValues.get(key)?.get(metric) ?? []) });
    }
  }
  return rows;
}

/** Which run lengths the command line set for every scenario alike (then the scenarios' own values do not matter). */
export interface RunOverrides {
  days: boolean;
  warmupDays: boolean;
}

/**
 * The ways `plan` is not like-for-like with `base`: another start date, other days or warm-up of its own (unless
 * the command line set them for all), other crossings. One `scenarios_differ` warning (replication and crossing
 * null) listing them, or none; every scenario of a comparison runs with the base's (or the flags') days.
 */
export function likeForLike(base: Scenario, plan: Scenario, overrides: RunOverrides): ResultWarning[] {
  const diffs: string[] = [];
  if (plan.startDate !== base.startDate) diffs.push(`it starts on ${plan.startDate}, the base on ${base.startDate} (other dates, holidays and seasons)`);
  if (!overrides.days && plan.days !== base.days) diffs.push(`its own days are ${plan.days}, the base's ${base.days} (both ran ${base.days})`);
  if (!overrides.warmupDays && plan.warmupDays !== base.warmupDays) {
    diffs.push(`its own warm-up is ${plan.warmupDays} days, the base's ${base.warmupDays} (both ran ${base.warmupDays})`);
  }
  const ids = (s: Scenario): string[] => s.crossings.map((c) => c.id);
  const onlyBase = ids(base).filter((id) => !ids(plan).includes(id));
  const onlyPlan = ids(plan).filter((id) => !ids(base).includes(id));
  if (onlyBase.length > 0) diffs.push(`it lacks crossing(s) ${onlyBase.join(', ')}`);
  if (onlyPlan.length > 0) diffs.push(`it adds crossing(s) ${onlyPlan.join(', ')}`);
  if (diffs.length === 0) return [];
  return [{ replication: null, check: 'scenarios_differ', crossing: null, detail: `not like-for-like with the base ${base.id}: ${diffs.join('; ')}` }];
}
