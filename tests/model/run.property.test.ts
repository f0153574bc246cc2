// The whole model on random small crossings (stages with any hours, closures, dated changes, shares and server
// counts; zones; approach limits; trucks, cars and trains with wagon inspection; Poisson or regular demand):
// every replication runs without error, keeps both invariants, and accounts for every vehicle in its trace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { runReplication } from '../../src/model/run.js';
import type { VehicleTrace } from '../../src/model/results.js';
import type { Dist } from '../../src/random/types.js';
import type { Crossing, Stage, VehicleClass } from '../../src/scenario/types.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

const DATES = ['2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05'];
const CLASSES: VehicleClass[] = ['truck', 'car', 'train'];

const dist: fc.Arbitrary<Dist> = fc.oneof(
  fc.double({ min: 0, max: 120, noNaN: true }).map((value) => ({ kind: 'fixed' as const, value })),
  fc.double({ min: 1, max: 90, noNaN: true }).map((mean) => ({ kind: 'exponential' as const, mean })),
  fc.tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }))
    .map(([a, b, c]) => { const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number]; return { kind: 'triangular' as const, min, mode, max: max + 1 }; }),
);

const timetable = fc.oneof(
  fc.constant(hours('00:00', '24:00')),
  fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 24 }), fc.subarray(DATES))
    .map(([open, len, closed]) => hours(`${String(open).padStart(2, '0')}:00`, `${String(Math.min(open + len, 24)).padStart(2, '0')}:00`, closed)),
);

const stageArb = (i: number): fc.Arbitrary<Stage> =>
  fc.record({
    directions: fc.subarray(['south', 'north'] as const, { minLength: 1 }),
    classes: fc.subarray(CLASSES, { minLength: 1 }),
    share: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    servers: fc.integer({ min: 0, max: 3 }),
    change: fc.option(fc.record({ fromDate: fc.constantFrom(...DATES), servers: fc.integer({ min: 0, max: 4 }) }), { nil: undefined }),
    timetable,
    serviceMin: dist,
    perWagonMin: fc.constantFrom<Dist>({ kind: 'fixed', value: 0 }, { kind: 'fixed', value: 0.5 }, { kind: 'exponential', mean: 0.3 }),
    inspection: fc.option(fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), places: fc.integer({ min: 1, max: 4 }), perWagonMin: dist }), { nil: undefined }),
  }).map((s) => stage({
    id: `s${i}`,
    directions: [...s.directions],
    classes: s.classes,
    share: s.share,
    servers: s.servers,
    serverChanges: s.change ? [{ ...s.change, source: 'test' }] : [],
    timetable: s.timetable,
    serviceMin: s.serviceMin,
    perWagonMin: s.perWagonMin,
    wagonInspection: s.inspection ? { ...s.inspection, source: 'test' } : null,
  }));

const crossingArb: fc.Arbitrary<Crossing> = fc.record({
  stages: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stageArb(i)))),
  zonePlaces: fc.integer({ min: 0, max: 20 }),
  zoneClasses: fc.subarray(CLASSES),
  approachLimit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  demand: fc.array(fc.record({
    direction: fc.constantFrom('south' as const, 'north' as const),
    vehicleClass: fc.constantFrom(...CLASSES),
    loaded: fc.boolean(),
    vehiclesPerDay: fc.double({ min: 0, max: 150, noNaN: true }),
    arrivals: fc.constantFrom('poisson' as const, 'regular' as const),
    wagons: fc.integer({ min: 1, max: 30 }),
  }), { minLength: 1, maxLength: 4 }),
}).map((c) => crossing({
  id: 'x',
  mode: 'rail',
  zone: { places: c.zonePlaces, classes: c.zoneClasses, source: 'test' },
  approachLimit: c.approachLimit,
  stages: c.stages,
  demand: c.demand.map((d, i) => demand({
    id: `d${i}`,
    direction: d.direction,
    vehicleClass: d.vehicleClass,
    cargo: d.loaded ? 'loaded' : 'empty',
    vehiclesPerDay: d.vehicleClass === 'train' ? d.vehiclesPerDay / 10 : d.vehiclesPerDay,
    payloadT: d.loaded && d.vehicleClass === 'truck' ? 20 : 0,
    wagonsPerTrain: d.vehicleClass === 'train' ? d.wagons : 0,
    tonnesPerWagon: d.loaded && d.vehicleClass === 'train' ? 60 : 0,
    arrivals: d.arrivals,
  })),
}));

describe('the model on random crossings (property)', () => {
  it('runs, keeps conservation and Little’s law, and traces every vehicle once with a consistent life', () => {
    fc.assert(
      fc.property(crossingArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1000 }), (c, warmupDays, seed) => {
        const traces: VehicleTrace[] = [];
        const r = runReplication(scenario([c], { days: 4 }), { seed, replication: 0, days: 4, warmupDays, onVehicle: (t) => traces.push(t) });
        expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
        expect(new Set(traces.map((t) => t.vehicle)).size).toBe(traces.length);
        for (const t of traces) {
          if (t.outcome === 'completed') expect(t.arrivedAtMin <= t.enteredAtMin && t.enteredAtMin <= t.exitedAtMin).toBe(true);
          if (t.outcome === 'turned_away') expect(t.enteredAtMin).toBeNaN();
          expect(t.arrivedAtMin).toBeLessThan(4 * 1440);
        }
        const total = r.groups.find((g) => g.direction === 'all' && g.vehicleClass === 'all')!.values;
        if (warmupDays === 0) {
          // Without a warm-up the trace and the statistics see the same vehicles.
          const count = (o: VehicleTrace['outcome']) => traces.filter((t) => t.outcome === o).length;
          expect([total.arrivals, total.completed, total.in_system_end, total.turned_away]).toEqual([traces.length, count('completed'), count('in_system'), count('turned_away')]);
        }
        // The daily rows (after the warm-up) add up to the run's totals.
        const sum = (f: 'arrivals' | 'completed' | 'tonnes') => r.daily.reduce((acc, d) => acc + d[f], 0);
        expect([sum('arrivals'), sum('completed')]).toEqual([total.arrivals, total.completed]);
        expect(sum('tonnes')).toBeCloseTo(total.tonnes, 6);
        // Why vehicles wait: every part is >= 0, the parts add up to the whole wait, which is part of the crossing time.
        for (const g of r.groups) {
          const v = g.values;
          if (!(v.completed > 0)) continue;
          const parts = [v.wait_closed_h_mean, v.wait_zone_full_h_mean, v.wait_stages_h_mean];
          for (const p of parts) expect(p).toBeGreaterThanOrEqual(-1e-9);
          expect(v.wait_total_h_mean).toBeCloseTo(parts[0]! + parts[1]! + parts[2]!, 9);
          expect(v.wait_total_h_mean).toBeLessThanOrEqual(v.crossing_time_h_mean + 1e-9);
        }
        // Months and hours of arrival add up to the run: arrivals and completions of every group.
        for (const g of r.groups) {
          const mine = (rows: typeof r.monthly) => rows.filter((x) => x.direction === g.direction && x.vehicleClass === g.vehicleClass);
          const months = mine(r.monthly);
          expect(months.reduce((a, x) => a + x.values[0]!, 0)).toBe(g.values.arrivals);
          expect(months.reduce((a, x) => a + x.values[1]!, 0)).toBe(g.values.completed);
          expect(mine(r.hourly).reduce((a, x) => a + x.values[0]!, 0)).toBe(g.values.arrivals);
        }
      }),
      { numRuns: fuzzRuns(150) },
    );
  });
});
