// The network on random crossings and corridors (any rule and foresight, detours, several sources): every replication keeps
// every crossing's invariants and the corridors' conservation, traces every vehicle once, and its diverted counts
// agree between crossings, corridors, days and months.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { runReplication } from '../../src/model/run.js';
import type { VehicleTrace } from '../../src/model/results.js';
import type { Corridor } from '../../src/scenario/types.js';
import { corridor, demand, scenario } from '../helpers/scenarios.js';
import { crossingArb } from '../helpers/model-arbitraries.js';

const IDS = ['a', 'b', 'c'];

const corridorArb = (k: number): fc.Arbitrary<Corridor> =>
  fc.record({
    rule: fc.constantFrom('fixed' as const, 'least-time' as const, 'logit' as const),
    foresight: fc.constantFrom('queue' as const, 'queue-and-en-route' as const),
    scaleH: fc.double({ min: 0.1, max: 10, noNaN: true }),
    via: fc.shuffledSubarray(IDS, { minLength: 2 }),
    detoursH: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 30, noNaN: true })), { minLength: 3, maxLength: 3 }),
    sources: fc.array(fc.record({
      direction: fc.constantFrom('south' as const, 'north' as const),
      vehicleClass: fc.constantFrom('truck' as const, 'car' as const, 'train' as const),
      vehiclesPerDay: fc.double({ min: 0, max: 120, noNaN: true }),
      arrivals: fc.constantFrom('poisson' as const, 'regular' as const),
    }), { minLength: 1, maxLength: 2 }),
  }).map((c) => corridor({
    id: `k${k}`,
    rule: c.rule,
    foresight: c.foresight,
    logitScaleH: c.rule === 'logit' ? c.scaleH : 0,
    via: c.via.map((id, i) => [id, c.detoursH[i]!] as [string, number]),
    demand: c.sources.map((s, i) => demand({
      id: `s${i}`,
      ...s,
      vehiclesPerDay: s.vehicleClass === 'train' ? s.vehiclesPerDay / 10 : s.vehiclesPerDay,
      payloadT: s.vehicleClass === 'truck' ? 20 : 0,
      wagonsPerTrain: s.vehicleClass === 'train' ? 20 : 0,
      tonnesPerWagon: s.vehicleClass === 'train' ? 60 : 0,
    })),
  }));

describe('the network on random crossings and corridors (property)', () => {
  it('keeps every invariant, traces every vehicle once, and counts each diverted vehicle once on each side', () => {
    fc.assert(
      fc.property(
        fc.tuple(crossingArb('a'), crossingArb('b'), crossingArb('c')),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2 }).chain((ks) => fc.tuple(...ks.map((_, k) => corridorArb(k)))),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 1000 }),
        (crossings, corridors, warmupDays, seed) => {
          const traces: VehicleTrace[] = [];
          const s = scenario(crossings, { days: 4, corridors });
          const r = runReplication(s, { seed, replication: 0, days: 4, warmupDays, onVehicle: (t) => traces.push(t) });
          expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
          expect(r.invariants.filter((i) => i.name === 'corridor_conservation')).toHaveLength(corridors.length);
          expect(new Set(traces.map((t) => t.vehicle)).size).toBe(traces.length);
          const totals = r.groups.filter((g) => g.direction === 'all' && g.vehicleClass === 'all');
          const sumOf = (metric: 'diverted_in' | 'diverted_out') => totals.reduce((n, g) => n + g.values[metric], 0);
          const divertedByCorridors = r.corridors.reduce((n, c) => n + c.values.diverted, 0);
          expect(sumOf('diverted_in')).toBe(divertedByCorridors);
          expect(sumOf('diverted_out')).toBe(divertedByCorridors);
          // Each corridor pair's shares add up to 1 when it had vehicles.
          for (const k of corridors) {
            for (const pair of new Set(r.corridors.filter((c) => c.corridor === k.id).map((c) => `${c.direction}/${c.vehicleClass}`))) {
              const rows = r.corridors.filter((c) => c.corridor === k.id && `${c.direction}/${c.vehicleClass}` === pair);
              const vehicles = rows.reduce((n, c) => n + c.values.vehicles, 0);
              if (vehicles > 0) expect(rows.reduce((n, c) => n + c.values.share, 0)).toBeCloseTo(1, 9);
            }
          }
          // Days and months add up to the run, diverted vehicles included.
          const daily = (f: 'divertedIn' | 'divertedOut') => r.daily.reduce((n, d) => n + d[f], 0);
          expect([daily('divertedIn'), daily('divertedOut')]).toEqual([sumOf('diverted_in'), sumOf('diverted_out')]);
          const monthsIn = r.monthly.filter((m) => m.direction === 'all' && m.vehicleClass === 'all').reduce((n, m) => n + m.values[11]!, 0);
          expect(monthsIn).toBe(sumOf('diverted_in'));
        },
      ),
      { numRuns: fuzzRuns(40) },
    );
  });
});
