// Plans under random content: a plan that extends the mini scenario and changes, adds or removes random parts
// (by id, as planners write them, or with odd values) loads into a scenario that runs with its invariants, or
// fails with a ScenarioError whose problems name a file and a path; never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { stringify } from 'yaml';
import { parseScenarioText } from '../../src/scenario/load.js';
import { expectRunsOrRejected, MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const odd: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 2, 0.5, 1e9, '', 'x', '24h', '2023-01-05', [], {}, { kind: 'fixed', value: 3 }, { remove: true }),
  fc.integer({ min: -2, max: 50 }),
  fc.string({ maxLength: 5 }),
);
const ids = fc.constantFrom('road', 'rail', 'booths', 'cars', 'customs', 'loaded-south', 'empty-north', 'new');

/** Mostly what a planner would write for each key, sometimes anything. */
const sometimesOdd = (sensible: fc.Arbitrary<Json>): fc.Arbitrary<Json> => fc.oneof({ weight: 5, arbitrary: sensible }, { weight: 1, arbitrary: odd });
const minutes: fc.Arbitrary<Json> = fc.oneof(fc.integer({ min: 0, max: 90 }), fc.constant({ kind: 'triangular', min: 5, mode: 10, max: 30 }), fc.constant({ kind: 'exponential', mean: 12 }));
const stageFields: Record<string, fc.Arbitrary<Json>> = {
  servers: fc.integer({ min: 0, max: 6 }),
  serviceMin: minutes,
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  classes: fc.constantFrom<Json>(['truck'], ['car'], ['truck', 'car'], ['train']),
  directions: fc.constantFrom<Json>(['south'], ['north'], ['south', 'north']),
  hours: fc.constantFrom<Json>('24h', '08:00-20:00', '20:00-06:00', { time: '09:00-18:00', weekdays: ['Mon', 'Fri'] }),
  changes: fc.constantFrom<Json>([], [{ from: '2023-01-03', servers: 1, source: 'p' }]),
  perWagonMin: fc.constantFrom<Json>(0, 1, 2.5),
  wagonInspection: fc.constantFrom<Json>({ share: 0.2, places: 2, perWagonMin: 30, source: 'p' }),
  remove: fc.constant(true),
  name: fc.constant('Renamed'),
  source: fc.constant('plan'),
};
const demandFields: Record<string, fc.Arbitrary<Json>> = {
  vehiclesPerDay: fc.double({ min: 0, max: 300, noNaN: true }),
  tonnesPerYear: fc.integer({ min: 0, max: 2_000_000 }),
  payloadT: fc.integer({ min: 1, max: 40 }),
  returnOf: fc.constantFrom<Json>('loaded-south', 'cars'),
  emptyPerLoaded: fc.double({ min: 0, max: 2, noNaN: true }),
  class: fc.constantFrom<Json>('truck', 'car', 'train'),
  direction: fc.constantFrom<Json>('south', 'north'),
  cargo: fc.constantFrom<Json>('loaded', 'empty'),
  profile: fc.constantFrom<Json>({ hourly: Array(24).fill(1) }, { monthly: [1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1] }),
  remove: fc.constant(true),
  source: fc.constant('plan'),
};
const crossingFields: Record<string, fc.Arbitrary<Json>> = {
  zone: fc.constantFrom<Json>({ places: 5 }, { places: 0 }, { classes: ['truck', 'car'] }),
  approachLimit: fc.constantFrom<Json>(null, 3, 50),
  hours: fc.constantFrom<Json>({ truck: '24h' }, { car: '08:00-20:00' }),
  closesOnHolidays: fc.boolean(),
  growth: fc.constantFrom<Json>({ south: 1.15 }, { north: 2 }),
  closures: fc.constantFrom<Json>([], [{ name: 'c', from: '2023-01-02', to: '2023-01-03', source: 'p' }]),
  remove: fc.constant(true),
  name: fc.constant('Renamed'),
};

/** An entry matched by id with a few of its fields changed (each field's value mostly sensible). */
const entry = (fields: Record<string, fc.Arbitrary<Json>>) =>
  fc.tuple(ids, fc.subarray(Object.keys(fields), { maxLength: 3 }).chain((keys) => fc.tuple(...keys.map((k) => sometimesOdd(fields[k]!).map((v) => [k, v] as const)))))
    .map(([id, pairs]) => ({ id, ...Object.fromEntries(pairs.filter(([k, v]) => k !== 'remove' || v === true)) }) as Json);

const plan: fc.Arbitrary<Json> = fc.record(
  {
    days: sometimesOdd(fc.integer({ min: 1, max: 20 })),
    warmupDays: sometimesOdd(fc.integer({ min: 0, max: 2 })),
    demand: sometimesOdd(fc.record({ growth: fc.record({ south: fc.double({ min: 0.5, max: 3, noNaN: true }) }) })),
    holidays: sometimesOdd(fc.constant([] as Json)),
    crossings: fc.array(
      fc.tuple(entry(crossingFields), fc.array(entry(stageFields), { maxLength: 2 }), fc.array(entry(demandFields), { maxLength: 2 })).map(([c, stages, demand]) => {
        const out = c as { [k: string]: Json };
        if (stages.length > 0) out.stages = stages;
        if (demand.length > 0) out.demand = demand;
        return out as Json;
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

describe('plans with random content (property)', () => {
  it('load into a scenario that runs with its invariants, or a ScenarioError naming files and paths', () => {
    const files = memoryFiles({ 'base.yaml': MINI_YAML });
    fc.assert(
      fc.property(plan, (p) => {
        const text = stringify({ extends: 'base.yaml', id: 'plan', ...(p as object) });
        expectRunsOrRejected(() => parseScenarioText(text, 'plan.yaml', files), ['plan.yaml', 'base.yaml']);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
