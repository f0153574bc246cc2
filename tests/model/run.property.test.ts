// The whole model on random small crossings (stages with any hours, closures, dated changes, shares and server
// counts; zones; approach limits; trucks, cars and trains with wagon inspection; Poisson or regular demand):
// every replication runs without error, keeps both invariants, and accounts for every vehicle in its trace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { runReplication } from '../../src/model/run.js';
import type { VehicleTrace } from '../../src/model/results.js';
import { scenario } from '../helpers/scenarios.js';
import { crossingArb } from '../helpers/model-arbitraries.js';

describe('the model on random crossings (property)', () => {
  it('runs, keeps conservation and Little’s law, and traces every vehicle once with a consistent life', () => {
    fc.assert(
      fc.property(crossingArb(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1000 }), (c, warmupDays, seed) => {
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
