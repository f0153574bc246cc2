// Capacity search: the largest factor multiplying one crossing's demand of the chosen classes (freight by default,
// on top of the scenario's own growth) at which a metric's mean over replications, for one direction × class
// group, stays within a limit. Brackets by doubling or halving from 1, then bisects; the same seed at every step
// (common random numbers) keeps it monotone. An answer whose CI at the factor found holds the limit is uncertain.
import { crossingAlone } from '../../scenario/alone.js';
import type { DirectionKey, GroupMetric } from '../../model/results.js';
import type { Scenario, VehicleClass } from '../../scenario/types.js';
import type { CollectedResults } from '../statistics/collect.js';
import { classListText, crossingHasGroup, FREIGHT_CLASSES, groupLabel, groupSummary, hasGroupResults, type ClassChoice } from './select.js';
import { InputError } from '../../errors.js';

/** `<metric> <= <value>` on one group: the crossing's mean of `metric` for `direction` × `vehicleClass` must not exceed `max`. */
export interface CapacityLimit {
  metric: GroupMetric;
  max: number;
  direction: DirectionKey;
  vehicleClass: ClassChoice;
}

/** A search option or target that cannot be used; the message names it and the bad value. */
export class CapacityInputError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityInputError';
  }
}

/**
 * The scenario with only crossing `id` and the corridor traffic whose fixed route it is (scenario/alone.ts): a
 * crossing outside any corridor gives the results it gives in the whole scenario (crossings share nothing, and
 * streams are named by crossing); throws CapacityInputError for an unknown id.
 */
export function crossingOnly(scenario: Scenario, id: string): Scenario {
  const alone = crossingAlone(scenario, id);
  if (!alone) {
    throw new CapacityInputError(`--crossing ${id}: no such crossing in ${scenario.id} (known: ${scenario.crossings.map((c) => c.id).join(', ')})`);
  }
  return alone;
}

/** The scenario with crossing `id`'s demand sources of the `scaled` classes multiplied by `factor` (> 0); the others unchanged. */
export function scaleDemand(scenario: Scenario, id: string, factor: number, scaled: readonly VehicleClass[] = FREIGHT_CLASSES): Scenario {
  return {
    ...scenario,
    crossings: scenario.crossings.map((c) =>
      c.id !== id ? c : { ...c, demand: c.demand.map((d) => (scaled.includes(d.vehicleClass) ? { ...d, growth: d.growth * factor } : d)) },
    ),
  };
}

/**
 * Search settings: stop when the bracket is at most `tolerance` wide; factors stay within [minFactor, maxFactor];
 * the factor multiplies the demand of the `scaled` classes (default freight: trucks and trains, as scenario growth).
 */
export interface CapacityOptions {
  tolerance: number;
  minFactor: number;
  maxFactor: number;
  scaled: readonly VehicleClass[];
}

export const DEFAULT_CAPACITY_OPTIONS: CapacityOptions = { tolerance: 0.02, minFactor: 1 / 64, maxFactor: 64, scaled: FREIGHT_CLASSES };

/** The finest tolerance accepted: finer brackets say nothing a replication's noise does not swamp. */
export const MIN_TOLERANCE = 1e-6;

/** At most this many factors are evaluated per crossing (bracketing plus bisection need about 35 at MIN_TOLERANCE). */
export const MAX_EVALUATIONS = 64;

/** One evaluated factor. */
export interface CapacityStep {
  factor: number;
  mean: number | null;
  ci95Low: number | null;
  ci95High: number | null;
  ok: boolean;
}

/** What the search found for one crossing. */
export interface CapacityResult {
  crossing: string;
  limit: CapacityLimit;
  /** found: the limit is crossed between factor and failFactor; above-max / below-min: it never / always is. */
  status: 'found' | 'above-max' | 'below-min';
  /** Largest factor tested that meets the limit (null when even minFactor fails). */
  factor: number | null;
  /** Smallest factor tested that breaks it (null when even maxFactor meets it). */
  failFactor: number | null;
  /** The metric at `factor` (or at minFactor when none meets the limit). */
  at: CapacityStep;
  /**
   * The stage with the highest mean utilisation at that factor, or `zone` when the zone's mean occupancy over its
   * places is higher still (a zone that fills up, like a station's tracks, saturates before any stage).
   */
  bottleneck: { stage: string; utilisation: number } | null;
  /** Every evaluation in the order made. */
  steps: CapacityStep[];
  /** The 95% CI at `at` holds the limit (or there is none: one replication): more replications could move the answer. */
  uncertain: boolean;
  /**
   * Where the answer could lie as far as the CIs tell: from the smallest evaluated factor whose CI reaches above
   * the limit to the largest whose CI reaches down to it (evaluated factors only; the bracket itself when the CIs
   * settle it); null without CIs or when no evaluated CI reaches the limit from one side.
   */
  plausible: { low: number; high: number } | null;
}

/** The plausible range of a search's steps against `max` (see CapacityResult.plausible). */
export function plausibleRange(steps: readonly CapacityStep[], max: number): { low: number; high: number } | null {
  if (steps.length === 0 || steps.some((s) => s.ci95Low === null || s.ci95High === null)) return null;
  const mayBreak = steps.filter((s) => s.ci95High! > max).map((s) => s.factor);
  const mayMeet = steps.filter((s) => s.ci95Low! <= max).map((s) => s.factor);
  if (mayBreak.length === 0 || mayMeet.length === 0) return null;
  const low = Math.min(...mayBreak);
  const high = Math.max(...mayMeet);
  return low <= high ? { low, high } : { low: high, high: low };
}

/** Whether a step's 95% CI holds `max` (or cannot be computed), so its meets/breaks verdict is not settled. */
export function straddles(step: Pick<CapacityStep, 'ci95Low' | 'ci95High'>, max: number): boolean {
  return step.ci95Low === null || step.ci95High === null || (step.ci95Low <= max && max <= step.ci95High);
}

/** Checks search options; throws CapacityInputError naming the bad one. */
export function checkCapacityOptions(o: CapacityOptions): void {
  if (!(o.tolerance >= MIN_TOLERANCE && Number.isFinite(o.tolerance))) {
    throw new CapacityInputError(`--tolerance must be at least ${MIN_TOLERANCE} (the search cannot resolve factors finer than that), got ${o.tolerance}`);
  }
  if (!(o.minFactor > 0 && o.minFactor <= 1)) throw new CapacityInputError(`minimum factor must be in (0, 1], got ${o.minFactor}`);
  if (!(o.maxFactor >= 1 && Number.isFinite(o.maxFactor))) throw new CapacityInputError(`--max-factor must be a number >= 1, got ${o.maxFactor}`);
  if (o.scaled.length === 0) throw new CapacityInputError('--scale must name at least one class');
}

/**
 * Checks that crossing `id` has demand in the limit's group and in the scaled classes (else the search could
 * not see or change anything); throws CapacityInputError naming the flags and the crossing.
 */
export function checkCapacityTarget(scenario: Scenario, id: string, limit: CapacityLimit, scaled: readonly VehicleClass[]): void {
  const crossing = crossingOnly(scenario, id).crossings[0]!;
  if (!crossingHasGroup(crossing, limit)) {
    throw new CapacityInputError(`--class ${limit.vehicleClass} --direction ${limit.direction}: crossing ${id} has no demand of ${groupLabel(limit)}`);
  }
  if (!crossing.demand.some((d) => scaled.includes(d.vehicleClass))) {
    throw new CapacityInputError(`--scale ${scaled.join(',')}: crossing ${id} has no demand of ${classListText(scaled)} to scale`);
  }
}

/**
 * Finds the largest demand factor for crossing `id` that keeps `limit` (see the file header), running
 * `run(scenario)` (replications with a fixed seed) once per factor tried on the crossing alone.
 * Throws CapacityInputError for an unknown crossing or bad options, and whatever `run` throws.
 */
export async function findCapacity(
  scenario: Scenario,
  id: string,
  limit: CapacityLimit,
  options: CapacityOptions,
  run: (scenario: Scenario, factor: number) => Promise<CollectedResults> | CollectedResults,
): Promise<CapacityResult> {
  checkCapacityOptions(options);
  checkCapacityTarget(scenario, id, limit, options.scaled);
  const alone = crossingOnly(scenario, id);
  const results = new Map<number, CollectedResults>();
  const steps: CapacityStep[] = [];
  const evaluate = async (factor: number): Promise<CapacityStep> => {
    const known = steps.find((s) => s.factor === factor);
    if (known) return known;
    const res = await run(scaleDemand(alone, id, factor, options.scaled), factor);
    if (!hasGroupResults(res.summary, id, limit)) {
      throw new CapacityInputError(`--class ${limit.vehicleClass} --direction ${limit.direction}: the results of crossing ${id} have no such group`);
    }
    results.set(factor, res);
    const row = groupSummary(res.summary, id, limit, limit.metric);
    const mean = row?.mean ?? null;
    const step: CapacityStep = { factor, mean, ci95Low: row?.ci95Low ?? null, ci95High: row?.ci95High ?? null, ok: mean !== null && mean <= limit.max };
    steps.push(step);
    return step;
  };

  let lo: number | null = null;
  let hi: number | null = null;
  const first = await evaluate(1);
  if (first.ok) {
    lo = 1;
    for (let f = 1; f < options.maxFactor && hi === null; ) {
      f = Math.min(2 * f, options.maxFactor);
      if ((await evaluate(f)).ok) lo = f;
      else hi = f;
    }
  } else {
    hi = 1;
    for (let f = 1; f > options.minFactor && lo === null; ) {
      f = Math.max(f / 2, options.minFactor);
      if ((await evaluate(f)).ok) lo = f;
      else hi = f;
    }
  }
  // Bounded twice over: a midpoint equal to an end (no finer number) or too many evaluations stop it.
  while (lo !== null && hi !== null && hi - lo > options.tolerance && steps.length < MAX_EVALUATIONS) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if ((await evaluate(mid)).ok) lo = mid;
    else hi = mid;
  }

  const atFactor = lo ?? options.minFactor;
  const at = steps.find((s) => s.factor === atFactor)!;
  const top = bottleneckOf(results.get(atFactor), alone.crossings[0]!.zone.places, id);
  return {
    crossing: id,
    limit,
    status: lo === null ? 'below-min' : hi === null ? 'above-max' : 'found',
    factor: lo,
    failFactor: hi,
    at,
    bottleneck: top,
    steps,
    uncertain: straddles(at, limit.max),
    plausible: plausibleRange(steps, limit.max),
  };
}

/** Highest mean utilisation among the crossing's stages and its zone (occupancy / places); null without results. */
export function bottleneckOf(res: CollectedResults | undefined, zonePlaces: number, id: string): { stage: string; utilisation: number } | null {
  if (!res) return null;
  let best: { stage: string; utilisation: number } | null = null;
  for (const s of res.stages) {
    if (s.crossing !== id || s.metric !== 'utilisation' || s.mean === null) continue;
    if (best === null || s.mean > best.utilisation) best = { stage: s.stage, utilisation: s.mean };
  }
  const zone = res.summary.find((r) => r.crossing === id && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === 'zone_occupancy_mean');
  if (zone?.mean != null && zonePlaces > 0) {
    const utilisation = zone.mean / zonePlaces;
    if (best === null || utilisation > best.utilisation) best = { stage: 'zone', utilisation };
  }
  return best;
}
