// A plan is the scenario made ready once: routes as data (gate, zone, stages with shares, where the approach
// ends), gates shared by the paths that keep the same hours, stream names per source and stage, and day
// factors; replications of one plan equal replications of the scenario planned afresh.
import { describe, expect, it } from 'vitest';
import { describeRoutes } from '../../src/model/describe.js';
import { buildPlan, type RouteStep } from '../../src/model/plan.js';
import { runReplication } from '../../src/model/run.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

const road = crossing({
  id: 'road',
  zone: { places: 12, classes: ['truck'], source: 'test' },
  stages: [
    stage({ id: 'customs', classes: ['truck'], servers: 3, timetable: hours('09:00', '18:00') }),
    stage({ id: 'xray', classes: ['truck'], share: 0.33, servers: 1 }),
    stage({ id: 'vet', classes: ['truck'], directions: ['north'], cargo: ['loaded'], share: 0.05 }),
    stage({ id: 'car-check', classes: ['car'], share: 0.5 }),
    stage({ id: 'car-lanes', classes: ['car'], servers: 2 }),
    stage({ id: 'closed-forever', classes: ['car'], share: 0 }),
  ],
  demand: [
    demand({ id: 'south-loaded' }),
    demand({ id: 'north-loaded', direction: 'north' }),
    demand({ id: 'north-empty', direction: 'north', cargo: 'empty' }),
    demand({ id: 'cars', vehicleClass: 'car' }),
  ],
});

describe('buildPlan routes', () => {
  const plan = buildPlan(scenario([road]));
  const [c] = plan.crossings;
  const route = (id: string): readonly RouteStep[] => c!.paths.find((p) => p.source.id === id)!.route;

  it('sends trucks through their gate, a zone place, their stages in order (optional ones with a bit) and back out', () => {
    expect(route('south-loaded')).toEqual([
      { kind: 'gate', gate: 0 },
      { kind: 'zone-enter' },
      { kind: 'enter' },
      { kind: 'stage', stage: 0, position: 0, optionalBit: null, entersOnStart: false },
      { kind: 'stage', stage: 1, position: 1, optionalBit: 0, entersOnStart: false },
      { kind: 'zone-leave' },
    ]);
    // the veterinary stage serves northbound loaded trucks only: a second optional bit for them alone
    expect(route('north-loaded')).toContainEqual({ kind: 'stage', stage: 2, position: 2, optionalBit: 1, entersOnStart: false });
    expect(route('north-empty').filter((r) => r.kind === 'stage')).toHaveLength(2);
  });

  it('lets cars (no zone place) leave the approach when their first compulsory stage serves them, past an optional one; a share of 0 is no stage', () => {
    expect(route('cars')).toEqual([
      { kind: 'stage', stage: 3, position: 0, optionalBit: 0, entersOnStart: false },
      { kind: 'stage', stage: 4, position: 1, optionalBit: null, entersOnStart: true },
    ]);
  });

  it('keeps one gate per direction, class and first compulsory stage, and none where that stage never closes', () => {
    expect(c!.gates.map((g) => g.key)).toEqual(['south/truck/customs', 'north/truck/customs']);
    expect(route('north-loaded')[0]).toEqual({ kind: 'gate', gate: 1 });
    expect(route('north-empty')[0]).toEqual({ kind: 'gate', gate: 1 });
  });

  it('names each source’s streams after crossing, source, stage and purpose', () => {
    const p = c!.paths[1]!;
    expect(p.streams.arrivals).toBe('road/north-loaded/arrivals');
    expect(p.streams.select).toBe('road/north-loaded/select');
    expect(p.streams.service).toEqual(['road/north-loaded/customs/service', 'road/north-loaded/xray/service', 'road/north-loaded/vet/service']);
    expect(p.streams.wagonInspect[0]).toBe('road/north-loaded/customs/wagon-inspect');
  });

  it('orders the (direction, class) pairs by their first source', () => {
    expect(c!.pairs).toEqual([
      { direction: 'south', vehicleClass: 'truck' },
      { direction: 'north', vehicleClass: 'truck' },
      { direction: 'south', vehicleClass: 'car' },
    ]);
    expect(c!.paths.map((p) => p.pair)).toEqual([0, 1, 1, 2]);
  });

  it('describes the routes as data for validate --explain', () => {
    const cars = describeRoutes(plan).find((r) => r.source === 'cars')!;
    expect(cars.steps).toEqual([
      { kind: 'stage', stage: 'car-check', share: 0.5, servers: 1, changes: [], entersOnStart: false, wagonPlaces: null },
      { kind: 'stage', stage: 'car-lanes', share: 1, servers: 2, changes: [], entersOnStart: true, wagonPlaces: null },
    ]);
    expect(describeRoutes(plan).find((r) => r.source === 'south-loaded')!.steps[0]).toEqual({ kind: 'gate', key: 'south/truck/customs', keepsHoursOf: 'customs' });
  });
});

describe('a plan reused', () => {
  it('gives each replication the results of the scenario planned afresh, in any order of replications', () => {
    const s = scenario([road], { days: 6 });
    const plan = buildPlan(s);
    const opts = (replication: number) => ({ seed: 4, replication, days: 6, warmupDays: 1 });
    const reused = [3, 1, 2, 1].map((r) => runReplication(plan, opts(r)));
    const fresh = [3, 1, 2, 1].map((r) => runReplication(buildPlan(s), opts(r)));
    expect(reused).toEqual(fresh);
    expect(reused[1]).toEqual(reused[3]);
  });
});
