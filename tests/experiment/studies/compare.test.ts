// Paired comparison with common random numbers: exact zeros for a scenario against itself, identical arrivals
// under a plan that changes only servers, and a paired CI narrower than the unpaired (Welch) one.
import { join } from 'node:path';
import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { compareCorridors, comparePlan, likeForLike, metricValues, pairedDifference, welchInterval } from '../../../src/experiment/studies/compare.js';
import { runExperimentSyncWith } from '../../../src/experiment/runner/experiment.js';
import { runExperimentSync } from '../../../src/experiment/runner/run.js';
import { CORRIDOR_METRICS } from '../../../src/model/results.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { fakeRunner, fakeScenario } from '../../helpers/fake-results.js';
import { corridor, demand } from '../../helpers/scenarios.js';
import { studentTQuantile } from '../../../src/experiment/statistics/tquantile.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { DECIDE } from '../../helpers/paths.js';

const base = loadScenario(join(DECIDE, 'small.yaml'));
const plan = loadScenario(join(DECIDE, 'small-plan.yaml'));
const opts = { seed: 3, replications: 4, days: 12, warmupDays: 2 };

describe('pairedDifference and welchInterval', () => {
  it('gives exactly 0 with a zero-width CI for identical values', () => {
    const xs = [3.2, 4.1, 2.7, 5.5];
    expect(pairedDifference(xs, [...xs])).toEqual({ n: 4, mean: 0, ci: { low: 0, high: 0 } });
  });

  it('is the one-sample t interval of the differences, skipping pairs with a non-finite side', () => {
    const b = [1, 2, 3, 4, Number.NaN];
    const p = [2, 4, 4, 7, 9];
    const d = [1, 2, 1, 3];
    const half = (studentTQuantile(0.975, 3) * Math.sqrt(sampleVariance(d))) / 2;
    const r = pairedDifference(b, p);
    expect(r.n).toBe(4);
    expect(r.mean).toBeCloseTo(1.75, 12);
    expect(r.ci.low).toBeCloseTo(1.75 - half, 12);
    expect(r.ci.high).toBeCloseTo(1.75 + half, 12);
  });

  it('Welch with equal sizes and variances has 2(n−1) degrees of freedom', () => {
    const b = [1, 2, 3, 4];
    const p = [11, 12, 13, 14];
    const half = studentTQuantile(0.975, 6) * Math.sqrt((2 * sampleVariance(b)) / 4);
    const w = welchInterval(b, p);
    expect(w.low).toBeCloseTo(10 - half, 10);
    expect(w.high).toBeCloseTo(10 + half, 10);
    expect(welchInterval([1], p)).toEqual({ low: null, high: null });
  });
});

describe('comparePlan on the model', () => {
  const baseRes = runExperimentSync(base, opts);
  const planRes = runExperimentSync(plan, opts);

  it('gives exactly zero differences for a scenario compared with itself', () => {
    const again = runExperimentSync(base, opts);
    const rows = comparePlan('same', baseRes, again);
    expect(rows.length).toBe(baseRes.summary.length);
    for (const r of rows) {
      if (r.pairs === 0) continue; // a metric with no finite value anywhere (e.g. no train wagons at a road crossing)
      expect(r.difference, `${r.crossing}/${r.direction}/${r.vehicleClass}/${r.metric}`).toBe(0);
      expect(r.diffCi.low).toBe(0);
      expect(r.diffCi.high).toBe(0);
      expect(r.significant).toBe(false);
      expect(r.changePct === null || r.changePct === 0).toBe(true);
    }
  });

  it('sees the same arrivals under a plan that changes only servers (common random numbers)', () => {
    const rows = comparePlan(plan.id, baseRes, planRes);
    const arrivals = rows.filter((r) => r.metric === 'arrivals');
    expect(arrivals.length).toBeGreaterThan(0);
    for (const r of arrivals) expect(r.difference).toBe(0);
    // the untouched rail crossing gives identical figures for every metric
    for (const r of rows.filter((x) => x.crossing === 'rail' && x.pairs > 0)) expect(r.difference).toBe(0);
  });

  it.each(['crossing_time_h_mean', 'approach_wait_h_mean', 'approach_queue_mean'] as const)(
    'a third customs lane: the paired CI of %s is narrower than the unpaired one',
    (metric) => {
      const b = metricValues(baseRes, 'road', 'all', 'all', metric);
      const p = metricValues(planRes, 'road', 'all', 'all', metric);
      const paired = pairedDifference(b, p);
      const welch = welchInterval(b, p);
      const pairedWidth = paired.ci.high! - paired.ci.low!;
      const welchWidth = welch.high! - welch.low!;
      expect(pairedWidth).toBeGreaterThan(0);
      expect(pairedWidth).toBeLessThan(welchWidth);
      const row = comparePlan(plan.id, baseRes, planRes).find((r) => r.crossing === 'road' && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === metric)!;
      expect(row.diffCi).toEqual(paired.ci);
      expect(row.difference!).toBeLessThan(0);
      // crossing time falls by about 40% (0.72 → 0.44 h): far outside the noise of 4 replications
      if (metric === 'crossing_time_h_mean') expect(row.significant).toBe(true);
    },
  );
});

describe('likeForLike', () => {
  const later = loadScenario(join(DECIDE, 'small-later.yaml'));
  const none = { days: false, warmupDays: false };

  it('finds nothing to say about a plan that changes only servers, or about the base itself', () => {
    expect(likeForLike(base, plan, none)).toEqual([]);
    expect(likeForLike(base, base, none)).toEqual([]);
  });

  it('names another start date, other days of its own and a missing crossing in one warning', () => {
    const [w, ...rest] = likeForLike(base, later, none);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ replication: null, check: 'scenarios_differ', crossing: null });
    expect(w!.detail).toBe(
      'not like-for-like with the base decide-small: it starts on 2024-06-03, the base on 2023-06-05 (other dates, holidays and seasons); ' +
        "its own days are 10, the base's 12 (both ran 12); it lacks crossing(s) rail",
    );
    expect(likeForLike(later, base, none)[0]!.detail).toContain('it adds crossing(s) rail');
  });

  it('leaves out days and warm-up when the command line set them for every scenario', () => {
    const shorter = { ...plan, days: 5, warmupDays: 1 };
    expect(likeForLike(base, shorter, none)[0]!.detail).toBe(
      "not like-for-like with the base decide-small: its own days are 5, the base's 12 (both ran 12); its own warm-up is 1 days, the base's 2 (both ran 2)",
    );
    expect(likeForLike(base, shorter, { days: true, warmupDays: true })).toEqual([]);
  });
});

describe('compareCorridors', () => {
  const linked = (via: [string, number][]): Scenario => ({
    ...fakeScenario([{ id: 'a', stages: ['x'] }, { id: 'b', stages: ['x'] }, { id: 'c', stages: ['x'] }]),
    corridors: [corridor({ id: 'k', via, demand: [demand({ id: 's' }), demand({ id: 'n', direction: 'north' })] })],
  });
  const o = { seed: 1, replications: 3, days: 2, warmupDays: 0 };
  const run = (s: Scenario, shift = 0) => runExperimentSyncWith(fakeRunner(['a', 'b', 'c'], { corridorShift: shift }), s, o);

  it('pairs each corridor × direction × class × crossing × metric by replication: the shift of vehicles and shares with a paired CI', () => {
    const base = run(linked([['a', 0], ['b', 4]]));
    // the plan sends 6 more vehicles a replication to b (the last listed crossing)
    const rows = compareCorridors('p', base, run(linked([['a', 0], ['b', 4]]), 6));
    expect(rows).toHaveLength(2 * 2 * CORRIDOR_METRICS.length);
    expect([...new Set(rows.map((r) => `${r.direction} ${r.crossing}`))]).toEqual(['south a', 'south b', 'north a', 'north b']);
    const get = (crossing: string, metric: string) => rows.find((r) => r.direction === 'south' && r.crossing === crossing && r.metric === metric)!;
    // fake: a gets 11 + r, b 21 + r (+ 6) vehicles in replication r
    expect(get('b', 'vehicles')).toMatchObject({ plan: 'p', corridor: 'k', vehicleClass: 'truck', baseMean: 23, planMean: 29, difference: 6, diffCi: { low: 6, high: 6 }, significant: true, pairs: 3 });
    expect(get('a', 'vehicles')).toMatchObject({ difference: 0, significant: false });
    const shareA = get('a', 'share');
    const shareB = get('b', 'share');
    expect(shareA.difference! + shareB.difference!).toBeCloseTo(0, 12);
    expect(shareA.difference!).toBeLessThan(0);
    expect(shareA.significant).toBe(true);
    expect(shareA.diffCi.low!).toBeLessThan(shareA.diffCi.high!);
  });

  it('matches rows by corridor and crossing ids: a crossing only the plan has comes after the base rows, with no base values', () => {
    const base = run(linked([['a', 0], ['b', 4]]));
    const plan = run(linked([['a', 0], ['b', 4], ['c', 9]]));
    const rows = compareCorridors('p', base, plan);
    expect([...new Set(rows.map((r) => `${r.direction} ${r.crossing}`))]).toEqual(['south a', 'south b', 'north a', 'north b', 'south c', 'north c']);
    expect(rows.find((r) => r.crossing === 'c' && r.metric === 'vehicles')).toMatchObject({ baseMean: null, difference: null, pairs: 0, significant: false });
    expect(compareCorridors('p', run(fakeScenario([{ id: 'a', stages: ['x'] }])), run(fakeScenario([{ id: 'a', stages: ['x'] }])))).toEqual([]);
  });
});
