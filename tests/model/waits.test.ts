// Why vehicles wait: the closed / zone-full / stage-queue parts of each group's waiting against the vehicles'
// own timestamps on small deterministic crossings, and the parts adding up to the whole wait.
import { describe, expect, test } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import type { GroupMetric, GroupResult, VehicleTrace } from '../../src/model/results.js';
import type { Crossing, Scenario } from '../../src/scenario/types.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

const SERVICE_MIN = 30;

function run(s: Scenario, days = s.days) {
  const traces: VehicleTrace[] = [];
  const result = runReplication(s, { seed: 1, replication: 0, days, warmupDays: 0, onVehicle: (t) => traces.push(t) });
  return { result, done: traces.filter((t) => t.outcome === 'completed') };
}

const one = (c: Partial<Crossing>): Scenario => scenario([crossing({ id: 'x', ...c })]);
const group = (groups: GroupResult[], direction: string, vehicleClass: string): Record<GroupMetric, number> =>
  groups.find((g) => g.direction === direction && g.vehicleClass === vehicleClass)!.values;
const meanH = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length / 60;

describe('wait parts', () => {
  test('closed hours and stage queues: night trucks wait for 08:00, then queue at the one booth', () => {
    // A truck every hour; the booth (and so the gate) is open 08:00–20:00; 30 min each; places for all.
    const { result, done } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: SERVICE_MIN } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 2);
    const g = group(result.groups, 'south', 'truck');
    // Places are never short, so the approach is all closed gate, and everything after entering is the booth's queue.
    expect(g.wait_closed_h_mean).toBeCloseTo(meanH(done.map((t) => t.enteredAtMin - t.arrivedAtMin)), 9);
    expect(g.wait_zone_full_h_mean).toBe(0);
    expect(g.wait_stages_h_mean).toBeCloseTo(meanH(done.map((t) => t.exitedAtMin - SERVICE_MIN - t.enteredAtMin)), 9);
    expect(g.wait_closed_h_mean).toBeGreaterThan(1);
    expect(g.wait_stages_h_mean).toBeGreaterThan(0.5);
    expect(g.wait_total_h_mean).toBeCloseTo(g.wait_closed_h_mean + g.wait_zone_full_h_mean + g.wait_stages_h_mean, 12);
    // Vehicle-hours per year: the measured 2 days' whole waits, scaled to 365 days; tonne-hours with 20 t each.
    const waitedH = meanH(done.map((t) => t.exitedAtMin - SERVICE_MIN - t.arrivedAtMin)) * done.length;
    expect(g.delay_vehicle_h_per_year).toBeCloseTo((waitedH * 365) / 2, 6);
    expect(g.delay_tonne_h_per_year).toBeCloseTo((20 * waitedH * 365) / 2, 4);
  });

  test('a full zone: with one place, each truck waits on the open approach for the one ahead to leave', () => {
    const { result, done } = run(one({
      zone: { places: 1, classes: ['truck'], source: 'test' },
      stages: [stage({ id: 'customs', serviceMin: { kind: 'fixed', value: SERVICE_MIN } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 72 })], // every 20 min: the place is the bottleneck
    }), 1);
    const g = group(result.groups, 'south', 'truck');
    expect(g.wait_closed_h_mean).toBe(0);
    expect(g.wait_zone_full_h_mean).toBeCloseTo(meanH(done.map((t) => t.enteredAtMin - t.arrivedAtMin)), 9);
    expect(g.wait_zone_full_h_mean).toBeGreaterThan(1);
    expect(g.wait_stages_h_mean).toBe(0); // one truck inside at a time never queues for the booth
    const zone = result.stages.find((s) => s.stage === 'zone')!;
    expect(zone.serversMean).toBe(1);
    expect(zone.fullShare).toBeGreaterThan(0.95);
    expect(zone.queueWaitHMean).toBeGreaterThan(1);
  });

  test("cars hold no place: their queue for the first lane is their approach wait, counted with the stages'", () => {
    const { result, done } = run(one({
      stages: [stage({ id: 'lanes', classes: ['car'], serviceMin: { kind: 'fixed', value: SERVICE_MIN } })],
      demand: [demand({ id: 'c', vehicleClass: 'car', cargo: 'empty', vehiclesPerDay: 72 })],
    }), 1);
    const g = group(result.groups, 'south', 'car');
    expect(g.wait_zone_full_h_mean).toBe(0);
    expect(g.wait_stages_h_mean).toBeCloseTo(meanH(done.map((t) => t.enteredAtMin - t.arrivedAtMin)), 9);
    expect(result.stages.some((s) => s.stage === 'zone')).toBe(false);
  });

  test('totals pool their parts: the crossing total of each part is the completed-weighted mean of the groups', () => {
    const { result } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00') })],
      demand: [demand({ id: 's', vehiclesPerDay: 24 }), demand({ id: 'n', direction: 'north', vehiclesPerDay: 12 })],
    }), 3);
    const s = group(result.groups, 'south', 'truck');
    const n = group(result.groups, 'north', 'truck');
    const t = group(result.groups, 'all', 'all');
    for (const m of ['wait_closed_h_mean', 'wait_stages_h_mean', 'wait_total_h_mean'] as const) {
      expect(t[m]).toBeCloseTo((s[m] * s.completed + n[m] * n.completed) / (s.completed + n.completed), 9);
    }
    expect(t.delay_vehicle_h_per_year).toBeCloseTo(s.delay_vehicle_h_per_year + n.delay_vehicle_h_per_year, 6);
  });
});

describe('months and hours', () => {
  const twoMonths = one({
    stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'exponential', mean: 40 } })],
    demand: [demand({ id: 'd', vehiclesPerDay: 20, arrivals: 'poisson' })],
  });

  test('monthly rows add up to the run: arrivals, completions and tonnes; the largest month queue is the run maximum', () => {
    const { result } = run({ ...twoMonths, startDate: '2023-01-15' }, 40); // Jan 15 – Feb 23: two partial months
    const rows = result.monthly.filter((r) => r.direction === 'all' && r.vehicleClass === 'all');
    expect(rows.map((r) => r.period)).toEqual(['2023-01', '2023-02']);
    const total = group(result.groups, 'all', 'all');
    const at = (m: number): number[] => rows.map((r) => r.values[m]!);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(at(0))).toBe(total.arrivals);
    expect(sum(at(1))).toBe(total.completed);
    expect(sum(at(2))).toBeCloseTo(total.tonnes, 6);
    expect(Math.max(...at(10))).toBe(total.approach_queue_max);
    // Time-average queues: 17 January days and 23 February days make the run's mean.
    expect((at(9)[0]! * 17 + at(9)[1]! * 23) / 40).toBeCloseTo(total.approach_queue_mean, 9);
  });

  test('hours of arrival: 24 rows per group; night arrivals wait for the opening, those arriving at 08:00 barely', () => {
    const { result } = run(twoMonths, 30);
    const rows = result.hourly.filter((r) => r.direction === 'south' && r.vehicleClass === 'truck');
    expect(rows.map((r) => r.period)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(rows.reduce((a, r) => a + r.values[0]!, 0)).toBe(group(result.groups, 'south', 'truck').arrivals);
    const closed = (h: number): number => rows[h]!.values[3]!; // wait_closed_h_mean
    expect(closed(2)).toBeGreaterThan(5); // 02:00 arrivals wait about 5.5 h for 08:00
    expect(closed(2)).toBeLessThan(6.01);
    expect(closed(10)).toBe(0);
  });
});
