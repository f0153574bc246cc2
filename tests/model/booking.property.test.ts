// Booked slots on random small road crossings (closed hours, zones, approach limits, warm-ups, any slots, directions
// and no-show shares): every replication keeps conservation (the waiting area and no-shows included) and Little's
// law on the road approach, and the trace accounts for every vehicle once, booked or not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { runReplication } from '../../src/model/run.js';
import type { VehicleTrace } from '../../src/model/results.js';
import type { Crossing, Direction } from '../../src/scenario/types.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

const DAYS = 4;

const timetable = fc.oneof(
  fc.constant(hours('00:00', '24:00')),
  fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 2, max: 24 }))
    .map(([open, len]) => hours(`${String(open).padStart(2, '0')}:00`, `${String(Math.min(open + len, 24)).padStart(2, '0')}:00`)),
);

const crossingArb: fc.Arbitrary<Crossing> = fc.record({
  servers: fc.integer({ min: 1, max: 3 }),
  serviceMean: fc.integer({ min: 1, max: 60 }),
  timetable,
  zonePlaces: fc.integer({ min: 1, max: 10 }),
  zoneTrucks: fc.boolean(),
  approachLimit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  truckSlots: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  carSlots: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  directions: fc.subarray<Direction>(['south', 'north'], { minLength: 1 }),
  // Shares and rates as integers scaled (fast-check's doubles lean to tiny values: a share of 1e-300 has no no-shows).
  bookingHours: fc.oneof(fc.constant(hours('00:00', '24:00')), fc.tuple(fc.integer({ min: 0, max: 1380 }), fc.integer({ min: 1, max: 1440 }), fc.subarray(['2023-01-03', '2023-01-04']))
    .map(([open, len, closed]) => { const t = hours('00:00', '24:00', closed); t.windows[0]!.openMin = open; t.windows[0]!.closeMin = Math.min(open + len, 1440); return t; })),
  noShowShare: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }).map((p) => p / 100)),
  demand: fc.array(fc.record({
    direction: fc.constantFrom<Direction>('south', 'north'),
    car: fc.boolean(),
    vehiclesPerDay: fc.integer({ min: 0, max: 200 }),
    arrivals: fc.constantFrom('poisson' as const, 'regular' as const),
  }), { minLength: 1, maxLength: 4 }),
}).map((c) => crossing({
  id: 'x',
  zone: { places: c.zonePlaces, classes: c.zoneTrucks ? ['truck'] : [], source: 'test' },
  approachLimit: c.approachLimit,
  booking: {
    slotsPerHour: { ...(c.truckSlots === undefined ? {} : { truck: c.truckSlots }), ...(c.carSlots === undefined ? {} : { car: c.carSlots }) },
    directions: c.directions,
    noShowShare: c.noShowShare,
    timetable: c.bookingHours,
    source: 'test',
  },
  stages: [stage({ id: 'customs', classes: ['truck', 'car'], servers: c.servers, timetable: c.timetable, serviceMin: { kind: 'exponential', mean: c.serviceMean } })],
  demand: c.demand.map((d, i) => demand({
    id: `d${i}`,
    direction: d.direction,
    vehicleClass: d.car ? 'car' : 'truck',
    payloadT: d.car ? 0 : 20,
    vehiclesPerDay: d.vehiclesPerDay,
    arrivals: d.arrivals,
  })),
}));

describe('booked slots on random crossings (property)', () => {
  it('keep conservation and Little’s law, and trace every vehicle once', () => {
    fc.assert(
      fc.property(crossingArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1000 }), (c, warmupDays, seed) => {
        const traces: VehicleTrace[] = [];
        const r = runReplication(scenario([c], { days: DAYS }), { seed, replication: 0, days: DAYS, warmupDays, onVehicle: (t) => traces.push(t) });
        expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
        expect(new Set(traces.map((t) => t.vehicle)).size).toBe(traces.length);
        for (const t of traces) {
          if (t.outcome === 'completed') expect(t.arrivedAtMin <= t.enteredAtMin && t.enteredAtMin <= t.exitedAtMin).toBe(true);
          if (t.outcome === 'no_show' || t.outcome === 'turned_away') expect(t.enteredAtMin).toBeNaN();
        }
        const total = r.groups.find((g) => g.direction === 'all' && g.vehicleClass === 'all')!.values;
        if (warmupDays === 0) {
          expect(total.arrivals).toBe(total.completed + total.in_system_end + total.turned_away + total.no_shows);
          const count = (o: VehicleTrace['outcome']) => traces.filter((t) => t.outcome === o).length;
          expect([total.arrivals, total.completed, total.in_system_end, total.turned_away, total.no_shows])
            .toEqual([traces.length, count('completed'), count('in_system'), count('turned_away'), count('no_show')]);
        }
        // Only booking classes and directions have no-shows and waiting-area times; booked vehicles are never turned away.
        for (const g of r.groups) {
          if (g.direction === 'all' || g.vehicleClass === 'all') continue;
          const books = c.booking!.directions.includes(g.direction) && c.booking!.slotsPerHour[g.vehicleClass] !== undefined;
          if (!books) expect([g.values.no_shows, g.values.booking_wait_h_mean]).toEqual([0, NaN]);
          if (books) expect(g.values.turned_away).toBe(0);
          if (books && c.booking!.noShowShare === 0) expect(g.values.no_shows).toBe(0);
          if (g.values.booking_wait_h_mean >= 0) expect(g.values.booking_wait_h_p95).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: fuzzRuns(100) },
    );
  });
});
