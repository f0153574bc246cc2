// Small deterministic scenarios (regular arrivals, fixed times) whose traces were worked out by hand.
import { describe, expect, test } from 'vitest';
import { runReplication, RunOptionsError } from '../../src/model/run.js';
import type { VehicleTrace } from '../../src/model/results.js';
import type { Crossing, Scenario } from '../../src/scenario/types.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

function run(s: Scenario, days = s.days, warmupDays = 0, seed = 1) {
  const traces: VehicleTrace[] = [];
  const result = runReplication(s, { seed, replication: 0, days, warmupDays, onVehicle: (t) => traces.push(t) });
  traces.sort((a, b) => a.vehicle - b.vehicle);
  return { result, traces };
}

const one = (c: Partial<Crossing>): Scenario => scenario([crossing({ id: 'x', ...c })]);
/** Instants rounded to 1e-6 min: regular arrivals come from float rate integrals, exact only to rounding. */
const round = (x: number): number => (Number.isNaN(x) ? x : Math.round(x * 1e6) / 1e6);
const times = (t: VehicleTrace[]) => t.map((v) => [v.arrivedAtMin, v.enteredAtMin, v.exitedAtMin].map(round));
const total = (r: ReturnType<typeof run>['result'], metric: string) =>
  r.groups.find((g) => g.direction === 'all' && g.vehicleClass === 'all')!.values[metric as 'arrivals'];

describe('opening hours', () => {
  test('trucks arriving at night wait on the approach until 08:00, then go in arrival order', () => {
    const { traces, result } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: 30 } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    expect(times(traces.slice(0, 9))).toEqual([
      [60, 480, 510], [120, 480, 540], [180, 480, 570], [240, 480, 600], [300, 480, 630],
      [360, 480, 660], [420, 480, 690], [480, 480, 720], [540, 540, 750],
    ]);
    const g = result.groups.find((x) => x.vehicleClass === 'truck' && x.direction === 'south')!;
    // waits of the seven night arrivals: 7+6+…+1 hours; 23 arrivals in all (60…1380)
    expect(g.values.arrivals).toBe(23);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('an optional first stage with hours of its own holds only the vehicles selected for it', () => {
    // A 50% X-ray open 08:00-10:00 first, then customs around the clock: the night's unselected trucks go
    // straight through; the selected ones enter the crossing and wait at the X-ray for 08:00.
    const { traces, result } = run(one({
      stages: [
        stage({ id: 'xray', share: 0.5, timetable: hours('08:00', '10:00') }),
        stage({ id: 'customs', serviceMin: { kind: 'fixed', value: 10 } }),
      ],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    const night = traces.filter((t) => t.arrivedAtMin < 480);
    const through = night.filter((t) => t.exitedAtMin === t.arrivedAtMin + 10);
    const held = night.filter((t) => t.exitedAtMin > 480);
    expect(night).toHaveLength(7);
    expect(through.length).toBeGreaterThan(0);
    expect(through.length + held.length).toBe(7);
    for (const t of night) expect(t.enteredAtMin).toBe(t.arrivedAtMin); // nobody is held on the approach
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('a vehicle in service at closing time finishes (overtime), the next waits for the morning', () => {
    const hourly = Array(24).fill(0);
    hourly[19] = 24;
    const { traces, result } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: 120 } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 2, profile: { monthly: Array(12).fill(1), weekday: Array(7).fill(1), hourly } })],
    }), 2);
    expect(times(traces)).toEqual([
      [1170, 1170, 1290], [1200, 1920, 2040], [2610, 2610, 2730], [2640, NaN, NaN],
    ]);
    expect(traces.map((t) => t.outcome)).toEqual(['completed', 'completed', 'completed', 'in_system']);
    expect(result.stages[0]!.overtimeH).toBeCloseTo(3, 9);
    expect(result.stages[0]!.openServerH).toBeCloseTo(24, 9);
  });
});

describe('approach queue', () => {
  test('vehicles that go straight in are never counted as queueing', () => {
    // One 10-minute server and a truck every hour: nobody waits.
    const { result } = run(one({ stages: [stage({ id: 'customs' })], demand: [demand({ id: 'd', vehiclesPerDay: 24 })] }), 2);
    for (const m of ['approach_queue_max', 'approach_queue_mean', 'approach_queue_p95', 'approach_wait_h_max']) expect(total(result, m)).toBe(0);
    expect(total(result, 'completed')).toBe(47);
    expect(result.daily.map((d) => d.approachQueueMax)).toEqual([0, 0]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('vehicles that wait are counted while they wait, and only then', () => {
    // Closed until 08:00 and from 20:00: 01:00…07:00 arrivals queue (7 at most), 20:00…23:00 ones (4) wait to the end
    // of the day; the 08:00 arrival goes straight in. Area 7+6+…+1 + 4+3+2+1 = 38 vehicle-hours over 24 h.
    const { result } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: 30 } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    expect(total(result, 'approach_queue_max')).toBe(7);
    expect(total(result, 'approach_queue_mean')).toBeCloseTo(38 / 24, 9);
    expect(result.daily[0]!.approachQueueMax).toBe(7);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });
});

describe('calendar', () => {
  test('a holiday closes the stage all day; the queue is served the next morning', () => {
    const { traces } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00', ['2023-01-03']) })],
      demand: [demand({ id: 'd', vehiclesPerDay: 2 })],
    }), 3);
    expect(times(traces.slice(0, 4))).toEqual([[720, 720, 730], [1440, 3360, 3370], [2160, 3360, 3380], [2880, 3360, 3390]]);
  });

  test('a dated change adds a server from its date on', () => {
    const { result } = run(one({
      stages: [stage({ id: 'customs', serviceMin: { kind: 'fixed', value: 50 }, serverChanges: [{ fromDate: '2023-01-03', servers: 2, source: 'test' }] })],
      demand: [demand({ id: 'd', vehiclesPerDay: 96 })],
    }), 2);
    expect(result.daily.map((d) => d.completed)).toEqual([28, 57]);
  });
});

describe('zone', () => {
  test('a full zone holds arrivals on the approach until a place frees', () => {
    const { traces, result } = run(one({
      zone: { places: 2, classes: ['truck'], source: 'test' },
      stages: [stage({ id: 'customs', serviceMin: { kind: 'fixed', value: 90 } })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    expect(times(traces.slice(0, 6))).toEqual([
      [60, 60, 150], [120, 120, 240], [180, 180, 330], [240, 240, 420], [300, 330, 510], [360, 420, 600],
    ]);
    expect(result.groups[0]!.values.zone_occupancy_mean).toBeGreaterThan(1.5);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('vehicles without a zone place leave the approach when their first stage starts', () => {
    const { traces } = run(one({
      zone: { places: 1, classes: ['truck'], source: 'test' },
      stages: [stage({ id: 'car-lane', classes: ['car'], serviceMin: { kind: 'fixed', value: 90 } })],
      demand: [demand({ id: 'cars', vehicleClass: 'car', cargo: 'empty', payloadT: 0, vehiclesPerDay: 24 })],
    }), 1);
    expect(times(traces.slice(0, 3))).toEqual([[60, 60, 150], [120, 150, 240], [180, 240, 330]]);
  });

  test('an approach limit turns vehicles away, and conservation still holds', () => {
    const { result } = run(one({
      approachLimit: 2,
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00', ['2023-01-02']) })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    expect([total(result, 'arrivals'), total(result, 'in_system_end'), total(result, 'turned_away')]).toEqual([23, 2, 21]);
    expect(result.invariants.find((i) => i.name === 'conservation')!.ok).toBe(true);
  });

  test('waits and crossing times are not defined (NaN) when no vehicle got that far, never a 0 that reads as no wait', () => {
    // Closed all of the one simulated day: 23 trucks queue, none enters, none exits.
    const { result } = run(one({
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00', ['2023-01-02']) })],
      demand: [demand({ id: 'd', vehiclesPerDay: 24 })],
    }), 1);
    for (const m of ['approach_wait_h_mean', 'approach_wait_h_p50', 'approach_wait_h_p95', 'approach_wait_h_max', 'crossing_time_h_mean', 'crossing_time_h_p95']) {
      expect(total(result, m), m).toBeNaN();
    }
    expect([total(result, 'arrivals'), total(result, 'approach_queue_max')]).toEqual([23, 23]);
    expect(result.daily.map((d) => [d.date, d.arrivals, d.approachWaitHMean])).toEqual([['2023-01-02', 23, NaN]]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('the limit holds each direction’s and class’s own queue: the other side’s and the cars’ queues turn no truck away', () => {
    const { result } = run(one({
      approachLimit: 2,
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00', ['2023-01-02']) })],
      demand: [
        demand({ id: 'south-trucks', vehiclesPerDay: 24 }),
        demand({ id: 'north-trucks', direction: 'north', vehiclesPerDay: 24 }),
        demand({ id: 'south-cars', vehicleClass: 'car', cargo: 'empty', payloadT: 0, vehiclesPerDay: 24 }),
      ],
    }), 1);
    const of = (d: string, c: string) => result.groups.find((g) => g.direction === d && g.vehicleClass === c)!.values;
    for (const [d, c] of [['south', 'truck'], ['north', 'truck'], ['south', 'car']]) {
      expect([of(d!, c!).arrivals, of(d!, c!).in_system_end, of(d!, c!).turned_away, of(d!, c!).approach_queue_max]).toEqual([23, 2, 21, 2]);
    }
    expect([total(result, 'in_system_end'), total(result, 'turned_away'), total(result, 'approach_queue_max')]).toEqual([6, 63, 6]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });
});

describe('trains', () => {
  test('a train waits for its inspected wagons, then changes locomotive', () => {
    const { traces, result } = run(one({
      mode: 'rail',
      stages: [
        stage({
          id: 'border', classes: ['train'], serviceMin: { kind: 'fixed', value: 60 },
          wagonInspection: { share: 1, places: 2, perWagonMin: { kind: 'fixed', value: 30 }, source: 'test' },
        }),
        stage({ id: 'loco', classes: ['train'], serviceMin: { kind: 'fixed', value: 20 } }),
      ],
      demand: [demand({ id: 'trains', vehicleClass: 'train', vehiclesPerDay: 1, payloadT: 0, wagonsPerTrain: 4, tonnesPerWagon: 64 })],
    }), 2);
    expect(times(traces)).toEqual([[1440, 1440, 1580]]);
    expect(total(result, 'tonnes')).toBe(256);
    expect(total(result, 'railcars')).toBe(4);
    expect(result.stages.map((s) => [s.stage, s.served])).toEqual([['border', 1], ['border/wagons', 4], ['loco', 1], ['zone', 1]]);
  });

  test('per-wagon time scales a stage with the train length', () => {
    const { traces } = run(one({
      stages: [stage({ id: 'border', classes: ['train'], serviceMin: { kind: 'fixed', value: 60 }, perWagonMin: { kind: 'fixed', value: 2 } })],
      demand: [demand({ id: 'trains', vehicleClass: 'train', vehiclesPerDay: 1, payloadT: 0, wagonsPerTrain: 57, tonnesPerWagon: 64 })],
    }), 2);
    expect(times(traces)).toEqual([[1440, 1440, 1440 + 60 + 114]]);
  });
});

describe('replications', () => {
  const poisson = one({
    stages: [stage({ id: 'customs', serviceMin: { kind: 'exponential', mean: 40 } }), stage({ id: 'xray', share: 0.33, serviceMin: { kind: 'fixed', value: 10 } })],
    demand: [demand({ id: 'd', vehiclesPerDay: 30, arrivals: 'poisson' })],
  });

  test('same seed gives identical results; another seed or replication differs', () => {
    const a = runReplication(poisson, { seed: 7, replication: 0, days: 20, warmupDays: 0 });
    const b = runReplication(poisson, { seed: 7, replication: 0, days: 20, warmupDays: 0 });
    const c = runReplication(poisson, { seed: 8, replication: 0, days: 20, warmupDays: 0 });
    const d = runReplication(poisson, { seed: 7, replication: 1, days: 20, warmupDays: 0 });
    expect(b).toEqual(a);
    expect(c.groups).not.toEqual(a.groups);
    expect(d.groups).not.toEqual(a.groups);
  });

  test('vehicle objects reused after their exit keep every vehicle\'s own record', () => {
    // Exits free vehicle objects for later arrivals while others still queue: each trace must stay whole.
    const { traces, result } = run(poisson, 20);
    expect(traces.map((t) => t.vehicle)).toEqual(traces.map((_, i) => i));
    const completed = traces.filter((t) => t.outcome === 'completed');
    expect(completed.length).toBeGreaterThan(500);
    for (const t of completed) {
      expect(t.enteredAtMin).toBeGreaterThanOrEqual(t.arrivedAtMin);
      expect(t.exitedAtMin).toBeGreaterThan(t.enteredAtMin);
    }
    // arrival instants of a Poisson source are increasing in vehicle order: no record was overwritten
    for (let i = 1; i < traces.length; i++) expect(traces[i]!.arrivedAtMin).toBeGreaterThanOrEqual(traces[i - 1]!.arrivedAtMin);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('a warm-up discards earlier statistics but keeps vehicles inside (conservation across the reset)', () => {
    const r = runReplication(poisson, { seed: 3, replication: 0, days: 30, warmupDays: 10 });
    expect(r.daily).toHaveLength(20);
    expect(r.daily[0]!.date).toBe('2023-01-12');
    expect(r.invariants.every((i) => i.ok)).toBe(true);
    const xray = r.stages.find((s) => s.stage === 'xray')!;
    const all = r.stages.find((s) => s.stage === 'customs')!;
    expect(xray.served / all.served).toBeGreaterThan(0.2);
    expect(xray.served / all.served).toBeLessThan(0.46);
  });

  test('crossings are independent: a crossing gives the same results alone as beside another', () => {
    const other = crossing({
      id: 'y',
      stages: [stage({ id: 'lanes', servers: 2, serviceMin: { kind: 'triangular', min: 4, mode: 7, max: 12 } })],
      demand: [demand({ id: 'cars', vehicleClass: 'car', vehiclesPerDay: 200, arrivals: 'poisson' })],
    });
    const opts = { seed: 5, replication: 2, days: 15, warmupDays: 3 };
    const alone = runReplication(poisson, opts);
    const both = runReplication(scenario([other, ...poisson.crossings]), opts);
    const ofX = <T extends { crossing: string }>(rows: T[]): T[] => rows.filter((r) => r.crossing === 'x');
    expect(ofX(both.groups)).toEqual(alone.groups);
    expect(ofX(both.stages)).toEqual(alone.stages);
    expect(ofX(both.daily)).toEqual(alone.daily);
    expect(ofX(both.invariants)).toEqual(alone.invariants);
    expect(both.events).toBeGreaterThan(alone.events);
  });

  test('bad options are refused', () => {
    expect(() => runReplication(poisson, { seed: 1, replication: 0, days: 0, warmupDays: 0 })).toThrow(RunOptionsError);
    expect(() => runReplication(poisson, { seed: 1, replication: 0, days: 5, warmupDays: 5 })).toThrow(/warmupDays/);
  });
});
