// The shipped scenarios against the article (each crossing with the corridor traffic whose fixed route it is): 2023 tonnage at Kyakhta and Naushki, and the capacities of
// Kyakhta (300 trucks/day), Naushki after stage 1 (15 Mt/yr) and Mondy after its rebuild (590 vehicles/day).
import { describe, expect, test } from 'vitest';
import { mean } from 'simple-statistics';
import { runReplication } from '../../src/model/run.js';
import type { GroupResult } from '../../src/model/results.js';
import { loadScenario } from '../../src/scenario/load.js';
import { crossingAlone } from '../../src/scenario/alone.js';
import type { Scenario, VehicleClass } from '../../src/scenario/types.js';

const file = (name: string): string => new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname;

/** The scenario cut down to one crossing, its demand (optionally of some classes only) multiplied by `factor`. */
function only(s: Scenario, crossingId: string, factor = 1, classes?: VehicleClass[]): Scenario {
  // The crossing with the corridor traffic whose fixed route it is (Kyakhta's freight comes by a corridor).
  const c = crossingAlone(s, crossingId)?.crossings[0];
  if (!c) throw new Error(`no crossing ${crossingId}`);
  const demand = c.demand.map((d) => (!classes || classes.includes(d.vehicleClass) ? { ...d, growth: d.growth * factor } : d));
  return { ...s, crossings: [{ ...c, demand }], corridors: [] };
}

/** Mean over `reps` replications of a metric of the crossing's (direction, class) group. */
function meanOf(s: Scenario, reps: number, pick: (g: GroupResult[]) => number, days = s.days): number {
  const values: number[] = [];
  for (let r = 1; r <= reps; r++) values.push(pick(runReplication(s, { seed: s.seed, replication: r, days, warmupDays: 0 }).groups));
  return mean(values);
}

const metric = (direction: string, vehicleClass: string, m: keyof GroupResult['values']) => (groups: GroupResult[]) =>
  groups.find((g) => g.direction === direction && g.vehicleClass === vehicleClass)!.values[m];

describe('baseline-2023 reproduces the article (mean of replications within ±3%)', () => {
  const base = loadScenario(file('baseline-2023'));

  test('Kyakhta carries 297,000 t in 2023', () => {
    const tonnes = meanOf(only(base, 'kyakhta'), 4, metric('all', 'all', 'tonnes'));
    expect(Math.abs(tonnes / 297_000 - 1)).toBeLessThan(0.03);
  });

  test('Naushki carries 7.8 Mt in 2023', () => {
    const tonnes = meanOf(only(base, 'naushki'), 4, metric('all', 'all', 'tonnes'));
    expect(Math.abs(tonnes / 7_800_000 - 1)).toBeLessThan(0.03);
  });
});

describe("the article's capacities", () => {
  const base = loadScenario(file('baseline-2023'));

  test('Kyakhta delivers 300 trucks/day (±5%) once truck demand exceeds it', () => {
    // 2023 truck demand is ≈81/day, so three times it (≈244/day) is still below 300 and is carried in full;
    // five times it (≈407/day) saturates the booths.
    const days = 56;
    const spring = { ...base, startDate: '2023-04-01' };
    const atThree = meanOf(only(spring, 'kyakhta', 3, ['truck']), 2, metric('all', 'truck', 'completed'), days) / days;
    expect(Math.abs(atThree / (3 * 81.4) - 1)).toBeLessThan(0.05);
    const saturated = meanOf(only(spring, 'kyakhta', 5, ['truck']), 2, metric('all', 'truck', 'completed'), days) / days;
    expect(Math.abs(saturated / 300 - 1)).toBeLessThan(0.05);
  });

  test('Naushki after stage 1 delivers 15 Mt/yr (±10%) under heavy demand', () => {
    const plan = loadScenario(file('naushki-stage1'));
    const tonnes = meanOf(only(plan, 'naushki', 2.5), 2, metric('all', 'all', 'tonnes'));
    expect(Math.abs(tonnes / 15_000_000 - 1)).toBeLessThan(0.1);
  });

  test('Mondy with 9 lanes delivers 590 vehicles/day (±5%) under heavy demand', () => {
    // April 2023: no Mongolian holiday closes Mondy, so every day is a full 10:00–18:00 day.
    const plan = loadScenario(file('mondy-9-lanes'));
    const days = 28;
    const april = only({ ...plan, startDate: '2023-04-01' }, 'mondy', 30);
    const perDay = meanOf(april, 2, metric('all', 'all', 'completed'), days) / days;
    expect(Math.abs(perDay / 590 - 1)).toBeLessThan(0.05);
  });
});
