// Capacity search: the largest factor multiplying one crossing's demand (all directions and classes, on top
// of the scenario's own growth) at which a metric's mean over replications stays within a limit. Brackets by
// doubling or halving from 1, then bisects; the same seed at every step (common random numbers) keeps it monotone.
import { GROUP_METRICS, type GroupMetric } from '../model/results.js';
import type { Scenario } from '../scenario/types.js';
import type { CollectedResults } from './collect.js';

/** `<metric> <= <value>`: the crossing's all-directions, all-classes mean of `metric` must not exceed `max`. */
export interface CapacityLimit {
  metric: GroupMetric;
  max: number;
}

/** A limit text or a search option that cannot be used; the message names it and the bad value. */
export class CapacityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityInputError';
  }
}

/** Parses `"approach_wait_h_p95 <= 4"` (spaces optional); throws CapacityInputError naming the text. */
export function parseLimit(text: string): CapacityLimit {
  const m = /^\s*([a-z0-9_]+)\s*<=\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*$/.exec(text);
  if (!m) throw new CapacityInputError(`--limit "${text}": expected "<metric> <= <value>", e.g. "approach_wait_h_p95 <= 4"`);
  const metric = m[1] as GroupMetric;
  if (!GROUP_METRICS.includes(metric)) {
    throw new CapacityInputError(`--limit "${text}": unknown metric "${m[1]}" (known: ${GROUP_METRICS.join(', ')})`);
  }
  return { metric, max: Number(m[2]) };
}

/** The scenario with only crossing `id` (crossings share nothing, and streams are named by crossing, so its results are unchanged); throws CapacityInputError for an unknown id. */
export function crossingOnly(scenario: Scenario, id: string): Scenario {
  const crossing = scenario.crossings.find((c) => c.id === id);
  if (!crossing) {
    throw new CapacityInputError(`--crossing ${id}: no such crossing in ${scenario.id} (known: ${scenario.crossings.map((c) => c.id).join(', ')})`);
  }
  return { ...scenario, crossings: [crossing] };
}

/** The scenario with every demand source of crossing `id` multiplied by `factor` (> 0). */
export function scaleDemand(scenario: Scenario, id: string, factor: number): Scenario {
  return {
    ...scenario,
    crossings: scenario.crossings.map((c) =>
      c.id !== id ? c : { ...c, demand: c.demand.map((d) => ({ ...d, growth: d.growth * factor })) },
    ),
  };
}

/** Search settings: stop when the bracket is at most `tolerance` wide; factors stay within [minFactor, maxFactor]. */
export interface CapacityOptions {
  tolerance: number;
  minFactor: number;
  maxFactor: number;
}

export const DEFAULT_CAPACITY_OPTIONS: CapacityOptions = { tolerance: 0.02, minFactor: 1 / 64, maxFactor: 64 };

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
}

/** Checks search options; throws CapacityInputError naming the bad one. */
export function checkCapacityOptions(o: CapacityOptions): void {
  if (!(o.tolerance >= MIN_TOLERANCE && Number.isFinite(o.tolerance))) {
    throw new CapacityInputError(`--tolerance must be at least ${MIN_TOLERANCE} (the search cannot resolve factors finer than that), got ${o.tolerance}`);
  }
  if (!(o.minFactor > 0 && o.minFactor <= 1)) throw new CapacityInputError(`minimum factor must be in (0, 1], got ${o.minFactor}`);
  if (!(o.maxFactor >= 1 && Number.isFinite(o.maxFactor))) throw new CapacityInputError(`--max-factor must be a number >= 1, got ${o.maxFactor}`);
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
  const alone = crossingOnly(scenario, id);
  const results = new Map<number, CollectedResults>();
  const steps: CapacityStep[] = [];
  const evaluate = async (factor: number): Promise<CapacityStep> => {
    const known = steps.find((s) => s.factor === factor);
    if (known) return known;
    const res = await run(scaleDemand(alone, id, factor), factor);
    results.set(factor, res);
    const row = res.summary.find((r) => r.crossing === id && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === limit.metric);
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
