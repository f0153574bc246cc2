// Random small crossings for the model's property tests: stages with any hours, closures, dated changes, shares and
// server counts; zones; approach limits; trucks, cars and trains with wagon inspection; Poisson or regular demand.
import fc from 'fast-check';
import type { Dist } from '../../src/random/types.js';
import type { Crossing, Stage, VehicleClass } from '../../src/scenario/types.js';
import { crossing, demand, hours, stage } from './scenarios.js';

export const DATES = ['2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05'];
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

/** A random crossing `id` (of mode rail, which the model does not check: any class may come). */
export const crossingArb = (id = 'x'): fc.Arbitrary<Crossing> => fc.record({
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
  id,
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

