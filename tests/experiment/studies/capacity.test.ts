// Capacity search: demand scaling, bracketing + bisection on a known curve, and the real model
// on an M/M/2 crossing checked against the Erlang C mean time in system.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bottleneckOf,
  crossingOnly,
  DEFAULT_CAPACITY_OPTIONS,
  MAX_EVALUATIONS,
  MIN_TOLERANCE,
  findCapacity,
  plausibleRange,
  scaleDemand,
  straddles,
  type CapacityLimit,
  type CapacityOptions,
} from '../../../src/experiment/studies/capacity.js';
import type { CollectedResults } from '../../../src/experiment/statistics/collect.js';
import { runExperimentSync } from '../../../src/experiment/runner/run.js';
import { studentTQuantile } from '../../../src/experiment/statistics/tquantile.js';
import { loadScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { DECIDE } from '../../helpers/paths.js';

const small = loadScenario(join(DECIDE, 'small.yaml'));

describe('crossingOnly and scaleDemand', () => {
  it('keeps one crossing and multiplies only its demand, of freight (trucks, trains) unless told otherwise', () => {
    const alone = crossingOnly(small, 'road');
    expect(alone.crossings.map((c) => c.id)).toEqual(['road']);
    expect(small.crossings[0]!.demand.map((d) => d.vehicleClass)).toEqual(['truck', 'truck', 'car']);
    expect(scaleDemand(small, 'road', 1.5).crossings[0]!.demand.map((d) => d.growth)).toEqual([1.5, 1.5, 1]);
    expect(scaleDemand(small, 'road', 1.5, ['car']).crossings[0]!.demand.map((d) => d.growth)).toEqual([1, 1, 1.5]);
    const scaled = scaleDemand(small, 'road', 1.5, ['truck', 'car', 'train']);
    expect(scaled.crossings[0]!.demand.map((d) => d.growth)).toEqual([1.5, 1.5, 1.5]);
    expect(scaled.crossings[1]!.demand.map((d) => d.growth)).toEqual([1]);
    expect(small.crossings[0]!.demand.map((d) => d.growth)).toEqual([1, 1, 1]); // input untouched
    expect(() => crossingOnly(small, 'nope')).toThrow(/--crossing nope: no such crossing in decide-small \(known: road, rail\)/);
  });
});

/** Results whose crossing metric is `curve(factor)` (from the scaled demand), with a fixed CI (± `half`) and one stage. */
function fakeRun(curve: (factor: number) => number, half = 0.1) {
  return (s: Scenario): CollectedResults => {
    const factor = s.crossings[0]!.demand[0]!.growth;
    const mean = curve(factor);
    return {
      replications: 3, rows: [], daily: [], monthly: [], hourly: [], corridors: [], corridorRows: [], warnings: [], events: 0, vehicles: 0,
      summary: [{ crossing: 'road', direction: 'all', vehicleClass: 'all', metric: 'approach_wait_h_mean', n: 3, mean, sd: 0.1, ci95Low: mean - half, ci95High: mean + half, min: mean, max: mean }],
      stages: [
        { crossing: 'road', stage: 'passport', directions: 'south+north', bottleneck: false, metric: 'utilisation', n: 3, mean: 0.3 * factor, sd: 0, ci95Low: 0, ci95High: 0, min: 0, max: 0 },
        { crossing: 'road', stage: 'customs', directions: 'south+north', bottleneck: true, metric: 'utilisation', n: 3, mean: 0.5 * factor, sd: 0, ci95Low: 0, ci95High: 0, min: 0, max: 0 },
      ],
    };
  };
}

describe('bottleneckOf', () => {
  const res = (zoneOccupancy: number): CollectedResults => {
    const r = fakeRun(() => 1)(scaleDemand(small, 'road', 1));
    r.summary.push({ ...r.summary[0]!, metric: 'zone_occupancy_mean', mean: zoneOccupancy });
    return r;
  };
  it.each([
    [2, 8, { stage: 'customs', utilisation: 0.5 }], // zone 25% full: the busiest stage binds
    [6, 8, { stage: 'zone', utilisation: 0.75 }], // zone 75% full: the zone binds before customs (50%)
  ])('zone occupancy %d of %d places', (occupancy, places, expected) => {
    expect(bottleneckOf(res(occupancy), places, 'road')).toEqual(expected);
  });
  it('is null without results', () => expect(bottleneckOf(undefined, 8, 'road')).toBeNull());
});

describe('findCapacity search', () => {
  const limit: CapacityLimit = { metric: 'approach_wait_h_mean', max: 3, direction: 'all', vehicleClass: 'all' };
  const opts: CapacityOptions = { ...DEFAULT_CAPACITY_OPTIONS, tolerance: 0.01 };

  it.each([
    ['above 1 (doubling up)', (f: number) => 2 * f, 1.5],
    ['below 1 (halving down)', (f: number) => 10 * f, 0.3],
    ['exactly on a bracket point', (f: number) => 1.5 * f, 2],
  ])('brackets and bisects when the answer is %s', async (_name, curve, answer) => {
    const r = await findCapacity(small, 'road', limit, opts, fakeRun(curve));
    expect(r.status).toBe('found');
    expect(r.factor!).toBeLessThanOrEqual(answer);
    expect(r.failFactor!).toBeGreaterThan(answer);
    expect(r.failFactor! - r.factor!).toBeLessThanOrEqual(opts.tolerance);
    expect(r.at.mean).toBe(curve(r.factor!));
    expect(r.at.ok).toBe(true);
    expect(r.bottleneck?.stage).toBe('customs');
    expect(r.bottleneck?.utilisation).toBeCloseTo(0.5 * r.factor!, 12);
    expect(new Set(r.steps.map((s) => s.factor)).size).toBe(r.steps.length); // no factor run twice
  });

  it('reports above-max when even the largest factor meets the limit, below-min when none does', async () => {
    const high = await findCapacity(small, 'road', limit, { ...opts, maxFactor: 8 }, fakeRun(() => 0));
    expect([high.status, high.factor, high.failFactor]).toEqual(['above-max', 8, null]);
    const low = await findCapacity(small, 'road', limit, opts, fakeRun(() => 99));
    expect([low.status, low.factor, low.failFactor]).toEqual(['below-min', null, opts.minFactor]);
    expect(low.at.factor).toBe(opts.minFactor);
  });

  it('resolves the finest tolerance accepted within MAX_EVALUATIONS evaluations', async () => {
    const r = await findCapacity(small, 'road', limit, { ...opts, tolerance: MIN_TOLERANCE }, fakeRun((f) => f));
    expect(r.status).toBe('found');
    expect(r.failFactor! - r.factor!).toBeLessThanOrEqual(MIN_TOLERANCE);
    expect(r.steps.length).toBeLessThanOrEqual(MAX_EVALUATIONS);
  });

  it('refuses bad options before running', async () => {
    await expect(findCapacity(small, 'road', limit, { ...opts, tolerance: 0 }, fakeRun((f) => f))).rejects.toThrow(/--tolerance must be at least 0\.000001/);
    // below what the search can resolve: refused, instead of bisecting forever between two adjacent doubles
    await expect(findCapacity(small, 'road', limit, { ...opts, tolerance: 1e-19 }, fakeRun((f) => f))).rejects.toThrow(/--tolerance must be at least .*got 1e-19/);
    await expect(findCapacity(small, 'road', limit, { ...opts, maxFactor: 0.5 }, fakeRun((f) => f))).rejects.toThrow(/--max-factor/);
  });

  it('refuses a group or scaled classes the crossing has no demand of, before running', async () => {
    let runs = 0;
    const counted = (s: Scenario) => (runs++, fakeRun((f) => f)(s));
    await expect(findCapacity(small, 'rail', { ...limit, vehicleClass: 'truck' }, opts, counted)).rejects.toThrow(/--class truck --direction all: crossing rail has no demand of trucks, all directions/);
    await expect(findCapacity(small, 'road', { ...limit, vehicleClass: 'car', direction: 'south' }, opts, counted)).rejects.toThrow(/crossing road has no demand of cars, southbound/);
    await expect(findCapacity(small, 'rail', limit, { ...opts, scaled: ['car'] }, counted)).rejects.toThrow(/--scale car: crossing rail has no demand of car to scale/);
    expect(runs).toBe(0);
  });

  it('reads the limit on the chosen group, and stops when the results lack it', async () => {
    const truckSouth = { ...limit, direction: 'south', vehicleClass: 'truck' } as const;
    const withGroup = (s: Scenario): CollectedResults => {
      const r = fakeRun((f) => 2 * f)(s);
      r.summary = [{ ...r.summary[0]!, direction: 'south', vehicleClass: 'truck' }, { ...r.summary[0]!, mean: 0, ci95Low: 0, ci95High: 0 }];
      return r;
    };
    const r = await findCapacity(small, 'road', truckSouth, opts, withGroup);
    expect(r.factor!).toBeLessThanOrEqual(1.5);
    expect(r.failFactor!).toBeGreaterThan(1.5);
    await expect(findCapacity(small, 'road', truckSouth, opts, fakeRun((f) => f))).rejects.toThrow(/the results of crossing road have no such group/);
  });

  it('marks the answer uncertain when the CI at the factor found holds the limit', async () => {
    const wide = await findCapacity(small, 'road', limit, opts, fakeRun((f) => 2.1 * f, 0.1));
    expect(wide.at.ci95High!).toBeGreaterThan(limit.max);
    expect(wide.uncertain).toBe(true);
    const narrow = await findCapacity(small, 'road', limit, opts, fakeRun((f) => 2.1 * f, 0.001));
    expect(narrow.at.ci95High!).toBeLessThan(limit.max);
    expect(narrow.uncertain).toBe(false);
  });

  it('gives the range of factors the CIs allow: wide with wide CIs, the bracket when they settle it', async () => {
    const wide = await findCapacity(small, 'road', limit, opts, fakeRun((f) => 2.1 * f, 0.5));
    // the answer is 3 / 2.1 = 1.43; CIs of ±0.5 h allow any factor whose mean is within 0.5 of 3: 1.19–1.67
    expect(wide.plausible!.low).toBeGreaterThanOrEqual(1.19);
    expect(wide.plausible!.low).toBeLessThan(wide.factor!);
    expect(wide.plausible!.high).toBeLessThanOrEqual(1.67);
    expect(wide.plausible!.high).toBeGreaterThan(wide.failFactor!);
    const narrow = await findCapacity(small, 'road', limit, opts, fakeRun((f) => 2.1 * f, 0.001));
    expect(narrow.plausible).toEqual({ low: narrow.factor, high: narrow.failFactor });
  });

  it('has no plausible range without CIs or when no CI reaches the limit from one side', () => {
    const step = (factor: number, low: number | null, high: number | null) => ({ factor, mean: 0, ci95Low: low, ci95High: high, ok: true });
    expect(plausibleRange([step(1, 1, 2), step(2, null, null)], 3)).toBeNull();
    expect(plausibleRange([step(1, 1, 2), step(2, 2, 2.5)], 3)).toBeNull();
    expect(plausibleRange([step(1, 1, 3.5), step(2, 2.9, 4), step(4, 3.2, 5)], 3)).toEqual({ low: 1, high: 2 });
  });

  it.each([
    [2.5, 2.9, false], [2.5, 3, true], [2.9, 3.1, true], [3, 3.2, true], [3.01, 3.2, false], [null, null, true],
  ])('straddles: CI [%s, %s] against 3 → %s', (low, high, expected) => {
    expect(straddles({ ci95Low: low, ci95High: high }, 3)).toBe(expected);
  });
});

/** Erlang C mean time in system of M/M/c, hours: λ, μ per hour; Infinity when unstable. */
function mmcTimeInSystemH(lambdaPerH: number, muPerH: number, c: number): number {
  const a = lambdaPerH / muPerH;
  const rho = a / c;
  if (rho >= 1) return Infinity;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - rho); // a^c / (c! (1 − ρ))
  const waitProbability = tail / (sum + tail);
  return waitProbability / (c * muPerH - lambdaPerH) + 1 / muPerH;
}

/** The factor f with W(f·λ0) = target, by bisection on the analytic curve (W increases with f). */
function analyticFactor(target: number, lambda0PerH: number, muPerH: number, c: number): number {
  let lo = 0;
  let hi = (c * muPerH) / lambda0PerH;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (mmcTimeInSystemH(mid * lambda0PerH, muPerH, c) <= target) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('findCapacity on an M/M/2 crossing against Erlang C', () => {
  // mmc.yaml: Poisson trucks at 48/day = 2/h, two servers with exponential service of mean 30 min (μ = 2/h),
  // open 24 h, a zone that never binds: the crossing is M/M/2 and crossing_time_h_mean estimates W.
  const scenario = loadScenario(join(DECIDE, 'mmc.yaml'));
  const LAMBDA0 = 2;
  const MU = 2;
  const C = 2;
  const LIMIT_H = 1.0;

  it('checks the analytic formula itself at hand-computed points', () => {
    expect(mmcTimeInSystemH(2, 2, 2)).toBeCloseTo(1 / 6 + 0.5, 12); // ρ = 0.5: C = 1/3, Wq = (1/3)/2
    expect(mmcTimeInSystemH(1, 2, 1)).toBeCloseTo(1, 12); // M/M/1: W = 1/(μ − λ)
  });

  it('finds the factor where the mean time in system reaches the limit, within what the CI allows', async () => {
    const opts = { seed: scenario.seed, replications: scenario.replications, days: scenario.days, warmupDays: scenario.warmupDays };
    const tolerance = 0.02;
    const r = await findCapacity(scenario, 'mmc', { metric: 'crossing_time_h_mean', max: LIMIT_H, direction: 'all', vehicleClass: 'all' }, { ...DEFAULT_CAPACITY_OPTIONS, tolerance }, (s) => runExperimentSync(s, opts));
    expect(r.status).toBe('found');
    const f = r.factor!;
    const exact = analyticFactor(LIMIT_H, LAMBDA0, MU, C); // ≈ 1.42 (ρ ≈ 0.71)

    // The simulated mean at f has a 95% CI from 5 replications; widen it to 99.9% (same t interval) so the
    // check fails only for a real bias. Analytic W(f) must lie inside it …
    const n = opts.replications;
    const half = ((r.at.ci95High! - r.at.mean!) * studentTQuantile(0.9995, n - 1)) / studentTQuantile(0.975, n - 1);
    const analyticAtF = mmcTimeInSystemH(f * LAMBDA0, MU, C);
    expect(Math.abs(analyticAtF - r.at.mean!)).toBeLessThanOrEqual(half);

    // … and the exact factor must lie where the analytic curve is within that half-width of the limit,
    // widened by the search tolerance: the uncertainty of the answer is the CI seen through W(f).
    const fLow = analyticFactor(LIMIT_H - half, LAMBDA0, MU, C);
    const fHigh = analyticFactor(LIMIT_H + half, LAMBDA0, MU, C);
    expect(f).toBeGreaterThanOrEqual(fLow - tolerance);
    expect(f).toBeLessThanOrEqual(fHigh + tolerance);
    // the check is informative: the band it allows is narrow compared with the answer
    expect(fHigh - fLow).toBeLessThan(0.15 * exact);
    expect(Math.abs(f - exact)).toBeLessThan(0.1);

    // one stage: it is the bottleneck, at about ρ = f·λ0 / (c·μ)
    expect(r.bottleneck?.stage).toBe('booth');
    expect(r.bottleneck!.utilisation).toBeCloseTo((f * LAMBDA0) / (C * MU), 1);
    // common random numbers: the metric rises with the factor over every evaluated step
    const sorted = [...r.steps].sort((a, b) => a.factor - b.factor);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.mean!).toBeGreaterThan(sorted[i - 1]!.mean!);
  });
});
