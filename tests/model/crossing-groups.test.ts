// The groups of one crossing: which exist, the totals a vehicle's events reach through its GroupSet, and the totals'
// results, months and hours made of their base groups.
import { describe, expect, it } from 'vitest';
import { CrossingGroups } from '../../src/model/crossing-groups.js';
import { MONTHLY_METRICS, type PeriodResult } from '../../src/model/results.js';

const keys = (g: CrossingGroups): string[] => g.ordered.map((s) => `${s.direction}/${s.vehicleClass}`);
const arrivalsOf = (rows: PeriodResult[], key: string): number | undefined =>
  rows.find((r) => `${r.direction}/${r.vehicleClass}` === key)?.values[MONTHLY_METRICS.indexOf('arrivals')];

/** Southbound trucks and northbound cars, as a road crossing with a one-way flow of each has. */
const PAIRS = [
  { direction: 'south', vehicleClass: 'truck' },
  { direction: 'north', vehicleClass: 'car' },
] as const;

/** A vehicle that arrives at `atMin`, waits `waitMin` on the approach (0: goes straight in), exits `insideMin` later. */
function pass(groups: CrossingGroups, direction: 'south' | 'north', vehicleClass: 'truck' | 'car', atMin: number, waitMin: number, insideMin: number): void {
  const set = groups.setFor(direction, vehicleClass);
  set.base.arrive(atMin);
  if (waitMin > 0) set.startWaiting(atMin);
  set.enter(atMin + waitMin, atMin, false, waitMin > 0);
  set.base.exit(atMin + waitMin + insideMin, atMin, vehicleClass === 'truck' ? 20 : 0, 0, false, 0, 0, insideMin);
}

describe('CrossingGroups', () => {
  it('has a group for each direction × class with demand and for the totals over them, in output order', () => {
    expect(keys(new CrossingGroups('k', [...PAIRS], 0))).toEqual(['south/truck', 'south/all', 'north/car', 'north/all', 'all/truck', 'all/car', 'all/all']);
    expect(keys(new CrossingGroups('r', [{ direction: 'north', vehicleClass: 'train' }], 0))).toEqual(['north/train', 'north/all', 'all/train', 'all/all']);
  });

  it('always has the crossing total, even without demand', () => {
    const groups = new CrossingGroups('k', [], 0);
    expect(keys(groups)).toEqual(['all/all']);
    expect(groups.total).toBe(groups.get('all', 'all'));
  });

  it('refuses a group the demand does not give', () => {
    const groups = new CrossingGroups('k', [...PAIRS], 0);
    expect(() => groups.get('south', 'car')).toThrow('no statistics group for south/car');
    expect(() => groups.setFor('north', 'truck')).toThrow('no statistics group for north/truck');
  });

  it('moves a waiting vehicle through its own group and the approach queues of its direction, class and crossing totals', () => {
    const groups = new CrossingGroups('k', [...PAIRS], 0);
    const set = groups.setFor('south', 'truck');
    expect(set.base).toBe(groups.get('south', 'truck'));
    const level = (): number[] => groups.ordered.map((g) => g.approach.level);
    set.base.arrive(10);
    set.startWaiting(10);
    expect(level()).toEqual([1, 1, 0, 0, 1, 0, 1]);
    set.enter(40, 10, false, true);
    expect(level()).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(set.totalApproach.map((m) => m.max)).toEqual([1, 1, 1]);
    // One that goes straight in leaves every queue alone.
    groups.setFor('north', 'car').enter(50, 50, false, false);
    expect(groups.ordered.map((g) => g.approach.max)).toEqual([1, 1, 0, 0, 1, 0, 1]);
  });

  it('makes each total\'s results of its base groups, with Little\'s law holding on the totals too', () => {
    const groups = new CrossingGroups('k', [...PAIRS], 0);
    pass(groups, 'south', 'truck', 0, 30, 60);
    pass(groups, 'north', 'car', 10, 0, 20);
    pass(groups, 'south', 'truck', 100, 0, 40);
    pass(groups, 'north', 'car', 200, 10, 5);
    const results = groups.results(300);
    const byKey = new Map(results.map((r) => [`${r.direction}/${r.vehicleClass}`, r.values]));
    expect([...byKey.keys()]).toEqual(keys(groups));
    expect(byKey.get('south/truck')!.arrivals).toBe(2);
    expect(byKey.get('north/car')!.arrivals).toBe(2);
    expect(byKey.get('south/all')!.arrivals).toBe(2);
    expect(byKey.get('all/car')!.arrivals).toBe(2);
    expect(byKey.get('all/all')!.arrivals).toBe(4);
    expect(byKey.get('all/all')!.tonnes).toBe(40);
    expect(byKey.get('all/all')!.approach_wait_h_mean).toBeCloseTo(40 / 4 / 60, 12);
    // The crossing's own queue: the truck waited 0–30, the car 200–210.
    expect(byKey.get('all/all')!.approach_queue_mean).toBeCloseTo(40 / 300, 12);
    expect(byKey.get('all/all')!.approach_queue_max).toBe(1);
    for (const g of groups.ordered) {
      const l = g.littlesLaw(300);
      expect(l.sumOfWaitsMin, `${g.direction}/${g.vehicleClass}`).toBeCloseTo(l.areaMin, 9);
    }
  });

  it('gives each total the month of its parts, once per month however often the months close', () => {
    const groups = new CrossingGroups('k', [...PAIRS], 0);
    pass(groups, 'south', 'truck', 0, 0, 10);
    pass(groups, 'north', 'car', 5, 0, 10);
    const january = groups.closeMonth('2023-01', 100);
    expect(january.map((r) => r.period)).toEqual(Array(7).fill('2023-01'));
    expect([arrivalsOf(january, 'south/all'), arrivalsOf(january, 'all/truck'), arrivalsOf(january, 'all/all')]).toEqual([1, 1, 2]);
    pass(groups, 'north', 'car', 150, 0, 10);
    const february = groups.closeMonth('2023-02', 200);
    expect([arrivalsOf(february, 'south/all'), arrivalsOf(february, 'north/all'), arrivalsOf(february, 'all/all')]).toEqual([0, 1, 1]);
  });

  it('gives every group 24 hours of arrival, the totals\' made of their parts (after results)', () => {
    const groups = new CrossingGroups('k', [...PAIRS], 0);
    pass(groups, 'south', 'truck', 30, 0, 10);
    pass(groups, 'north', 'car', 90, 0, 10);
    groups.results(200);
    const rows = groups.hourlyResults();
    expect(rows).toHaveLength(7 * 24);
    const arrivals = (key: string, period: string): number =>
      rows.find((r) => `${r.direction}/${r.vehicleClass}` === key && r.period === period)!.values[0]!;
    expect([arrivals('all/all', '00'), arrivals('all/all', '01'), arrivals('all/truck', '01'), arrivals('north/all', '01')]).toEqual([1, 1, 0, 1]);
  });
});
