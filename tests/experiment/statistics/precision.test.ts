// The sequential-replication rule on hand-made results: it stops when the CI half-width of the group's metric is
// within the share of the mean on every crossing with the group, never before 3 replications.
import { describe, expect, it } from 'vitest';
import { GROUP_METRICS, type GroupMetric, type GroupResult, type ReplicationResult } from '../../../src/model/results.js';
import { MIN_PRECISION_REPLICATIONS, PrecisionRule, type PrecisionTarget } from '../../../src/experiment/statistics/precision.js';
import { summariseValues } from '../../../src/experiment/statistics/stats.js';

const target: PrecisionTarget = { metric: 'approach_wait_h_mean', share: 0.05, direction: 'all', vehicleClass: 'freight', crossing: null };

function group(crossing: string, vehicleClass: GroupResult['vehicleClass'], wait: number): GroupResult {
  const values = Object.fromEntries(GROUP_METRICS.map((m) => [m, 1])) as Record<GroupMetric, number>;
  values.approach_wait_h_mean = wait;
  return { crossing, direction: 'all', vehicleClass, values };
}

function result(replication: number, groups: GroupResult[]): ReplicationResult {
  return { replication, groups, stages: [], daily: [], monthly: [], hourly: [], invariants: [], corridors: [], events: 0 };
}

describe('PrecisionRule', () => {
  it('stops at the first replication whose CI half-width is within the share, and not before 3', () => {
    const waits = [10, 10.2, 9.9, 10.1, 10, 10.05];
    const rule = new PrecisionRule(target);
    const stops = waits.map((w, i) => rule.add(result(i + 1, [group('road', 'truck', w), group('road', 'car', 1000 * i)])));
    // by hand: the first n >= 3 with t·sd/√n <= 5% of the mean
    const first = waits.findIndex((_, i) => {
      const s = summariseValues(waits.slice(0, i + 1));
      return i + 1 >= MIN_PRECISION_REPLICATIONS && s.ci95High! - s.mean! <= 0.05 * s.mean!;
    });
    expect(first).toBeGreaterThanOrEqual(2);
    expect(stops.indexOf(true)).toBe(first);
    expect(rule.status()).toEqual([expect.objectContaining({ crossing: 'road', n: 6, met: true })]);
  });

  it('waits for every crossing with the group; one with a wide CI holds it back', () => {
    const rule = new PrecisionRule(target);
    const stops = [1, 2, 3, 4].map((r) => rule.add(result(r, [group('road', 'truck', 5), group('rail', 'train', r % 2 === 0 ? 1 : 9)])));
    expect(stops).toEqual([false, false, false, false]);
    expect(rule.status().map((c) => [c.crossing, c.met])).toEqual([['road', true], ['rail', false]]);
    // ... unless the target names the other crossing
    const roadOnly = new PrecisionRule({ ...target, crossing: 'road' });
    expect([1, 2, 3].map((r) => roadOnly.add(result(r, [group('road', 'truck', 5), group('rail', 'train', r)])))).toEqual([false, false, true]);
  });

  it('does not stop on a group no result has, and lets a crossing without finite values pass', () => {
    const cars = new PrecisionRule({ ...target, vehicleClass: 'car' });
    expect([1, 2, 3, 4].map((r) => cars.add(result(r, [group('road', 'truck', 5)])))).toEqual([false, false, false, false]);
    const rule = new PrecisionRule(target);
    expect([1, 2, 3].map((r) => rule.add(result(r, [group('road', 'truck', 5), group('rail', 'train', NaN)])))).toEqual([false, false, true]);
  });
});
