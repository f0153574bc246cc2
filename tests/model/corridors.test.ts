// The border as a network: corridor traffic choosing between crossings (closures, saturation and detours move
// it), conservation across the network, and crossings outside any corridor untouched by it.
import { describe, expect, test } from 'vitest';
import { mean } from 'simple-statistics';
import { runReplication } from '../../src/model/run.js';
import { buildPlan } from '../../src/model/plan.js';
import type { ReplicationResult, VehicleTrace } from '../../src/model/results.js';
import type { Corridor, Crossing, Scenario } from '../../src/scenario/types.js';
import { ALWAYS, corridor, crossing, demand, scenario, stage } from '../helpers/scenarios.js';

const DAYS = 20;
/** One server, exponential service of mean 10 min: 6 vehicles an hour. */
const lane = (id: string, over: Partial<Crossing> = {}): Crossing =>
  crossing({
    id,
    stages: [stage({ id: 'customs', serviceMin: { kind: 'exponential', mean: 10 } })],
    demand: [demand({ id: 'local', vehiclesPerDay: 0, arrivals: 'poisson' })],
    ...over,
  });
/** Poisson trucks at `perDay` through a corridor. */
const trucks = (perDay: number) => [demand({ id: 'trucks', vehiclesPerDay: perDay, arrivals: 'poisson' })];

function run(s: Scenario, replication = 0, seed = 7): ReplicationResult {
  return runReplication(s, { seed, replication, days: s.days, warmupDays: s.warmupDays });
}
const group = (r: ReplicationResult, crossingId: string, metric: string) =>
  r.groups.find((g) => g.crossing === crossingId && g.direction === 'all' && g.vehicleClass === 'all')!.values[metric as 'arrivals'];
const chose = (r: ReplicationResult, crossingId: string) => r.corridors.filter((c) => c.crossing === crossingId).reduce((n, c) => n + c.values.vehicles, 0);
const network = (crossings: Crossing[], corridors: Corridor[], days = DAYS): Scenario => scenario(crossings, { days, corridors });

describe('choice between crossings', () => {
  test('a crossing closed for the whole run sends all its corridor traffic to the open one', () => {
    const closed = Array.from({ length: DAYS + 1 }, (_, d) => new Date(Date.UTC(2023, 0, 2 + d)).toISOString().slice(0, 10));
    const s = network(
      [lane('a', { stages: [stage({ id: 'customs', serviceMin: { kind: 'exponential', mean: 10 }, timetable: { windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 0, closeMin: 1440 }], closedDates: closed } })] }), lane('b')],
      [corridor({ id: 'k', via: [['a', 0], ['b', 5]], demand: trucks(48) })],
    );
    const r = run(s);
    expect(chose(r, 'a')).toBe(0);
    expect(chose(r, 'b')).toBeGreaterThan(800);
    expect(group(r, 'a', 'arrivals')).toBe(0);
    expect(group(r, 'a', 'diverted_out')).toBe(chose(r, 'b'));
    expect(group(r, 'b', 'diverted_in')).toBe(chose(r, 'b'));
    expect(r.invariants.every((i) => i.ok)).toBe(true);
    // b has no traffic of its own: what its corridor vehicles found there is its whole wait and throughput
    const atB = r.corridors.find((c) => c.crossing === 'b')!.values;
    expect(atB.completed).toBe(group(r, 'b', 'completed'));
    expect(atB.wait_h_mean).toBeCloseTo(group(r, 'b', 'wait_total_h_mean'), 9);
    expect(atB.wait_h_mean).toBeGreaterThan(0);
  });

  test('two identical crossings under least-time split traffic evenly and wait less than two separate queues', () => {
    // 0.8 load on each: 115.2 a day each as separate queues, 230.4 a day through one corridor.
    const separate = scenario([lane('a', { demand: trucks(115.2) }), lane('b', { demand: trucks(115.2) })], { days: DAYS });
    const joined = network([lane('a'), lane('b')], [corridor({ id: 'k', via: [['a', 0], ['b', 0]], demand: trucks(230.4) })]);
    const shares: number[] = [];
    const waitsJoined: number[] = [];
    const waitsSeparate: number[] = [];
    for (let rep = 0; rep < 6; rep++) {
      const j = run(joined, rep);
      const sep = run(separate, rep);
      shares.push(j.corridors.find((c) => c.crossing === 'a')!.values.share);
      waitsJoined.push((group(j, 'a', 'wait_total_h_mean') + group(j, 'b', 'wait_total_h_mean')) / 2);
      waitsSeparate.push((group(sep, 'a', 'wait_total_h_mean') + group(sep, 'b', 'wait_total_h_mean')) / 2);
      expect(j.invariants.every((i) => i.ok)).toBe(true);
    }
    // Join-the-shortest-queue keeps the two queues within a vehicle or so of each other: the split is even to a few per cent.
    expect(Math.abs(mean(shares) - 0.5)).toBeLessThan(0.02);
    // Separate M/M/1 queues at 0.8 wait 0.667 h on average; join-the-shortest-queue on two servers waits about half
    // of that (M/M/2 at 0.8, its bound: 0.296 h). Over 30 seeds: separate 0.57-0.76 h, joined 0.28-0.34 h, ratio ≤ 0.59.
    expect(mean(waitsSeparate)).toBeGreaterThan(0.45);
    expect(mean(waitsJoined)).toBeGreaterThan(0.25);
    expect(mean(waitsJoined)).toBeLessThan(0.75 * mean(waitsSeparate));
  });

  test('a detour longer than any wait diverts nothing', () => {
    const s = network([lane('a'), lane('b')], [corridor({ id: 'k', via: [['a', 0], ['b', 500]], demand: trucks(120) })]);
    const r = run(s);
    expect(chose(r, 'b')).toBe(0);
    expect(group(r, 'a', 'diverted_out')).toBe(0);
    expect(chose(r, 'a')).toBe(group(r, 'a', 'arrivals'));
  });

  test('fixed takes the least detour, the first listed among equals, whatever the queues', () => {
    const s = network([lane('a'), lane('b'), lane('c')], [corridor({ id: 'k', rule: 'fixed', via: [['a', 2], ['b', 1], ['c', 1]], demand: trucks(200) })]);
    const r = run(s);
    expect(chose(r, 'b')).toBeGreaterThan(3000);
    expect(chose(r, 'a') + chose(r, 'c')).toBe(0);
    expect(r.corridors.find((c) => c.crossing === 'b')!.values.share).toBe(1);
  });

  test('logit spreads traffic by foreseen time: a longer detour is chosen less often, but still chosen', () => {
    const s = network([lane('a'), lane('b')], [corridor({ id: 'k', rule: 'logit', logitScaleH: 1, via: [['a', 0], ['b', 1]], demand: trucks(24) })], 60);
    const r = run(s);
    const share = r.corridors.find((c) => c.crossing === 'b')!.values.share;
    // Queues are short at this load: the detour of one scale unit leaves about 1/(1 + e) ≈ 0.27 to b.
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.33);
  });

  test('vehicles on their detour reach their crossing later by the detour, and are accounted for at the end', () => {
    const s = network([lane('a'), lane('b')], [corridor({ id: 'k', rule: 'fixed', via: [['a', 3], ['b', 6]], demand: trucks(96) })], 3);
    const r = runReplication(s, { seed: 3, replication: 0, days: 3, warmupDays: 1 });
    const check = r.invariants.find((i) => i.name === 'corridor_conservation')!;
    expect(check.ok).toBe(true);
    expect(check.detail).toMatch(/on a detour at start [1-9]\d* .* on a detour at end [1-9]/);
    expect(r.invariants.every((i) => i.ok)).toBe(true);
  });
});

describe('what drivers foresee', () => {
  test('seeing the vehicles en route stops the herding that a long drive on old information causes', () => {
    // Two identical crossings 6 h away, 0.8 load each: a driver who sees only the queues there sends everyone to
    // the shorter one for hours (its queue then is not the one they will find); one who also sees those driving
    // there joins the shorter queue it will find (JSQ): less than two separate M/M/1 queues' 0.667 h.
    const mean2 = (r: ReplicationResult) => (group(r, 'a', 'wait_total_h_mean') + group(r, 'b', 'wait_total_h_mean')) / 2;
    const waits = (foresight: Corridor['foresight']) => [0, 1, 2, 3].map((rep) => {
      const r = run(network([lane('a'), lane('b')], [corridor({ id: 'k', foresight, via: [['a', 6], ['b', 6]], demand: trucks(230.4) })]), rep);
      expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
      return mean2(r);
    });
    const [blind, informed] = [waits('queue'), waits('queue-and-en-route')];
    expect(Math.max(...informed)).toBeLessThan(0.667);
    expect(Math.min(...blind)).toBeGreaterThan(2 * Math.max(...informed));
  });

  test('with no detour there is no one en route: both foresights give the same results, value for value', () => {
    const of = (foresight: Corridor['foresight']) => run(network([lane('a'), lane('b')], [corridor({ id: 'k', foresight, via: [['a', 0], ['b', 0]], demand: trucks(230.4) })], 5));
    const [blind, informed] = [of('queue'), of('queue-and-en-route')];
    expect(informed.groups).toEqual(blind.groups);
    expect(informed.corridors).toEqual(blind.corridors);
    expect(chose(blind, 'b')).toBeGreaterThan(0);
  });
});

describe('the vehicle trace', () => {
  test('names the corridor of every corridor vehicle and marks those off the fixed route diverted', () => {
    // a closed from 3 to 6 January: its trucks go by b then
    const closed = ['2023-01-03', '2023-01-04', '2023-01-05', '2023-01-06'];
    const a = lane('a', { stages: [stage({ id: 'customs', serviceMin: { kind: 'exponential', mean: 10 }, timetable: { windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 0, closeMin: 1440 }], closedDates: closed } })] });
    const s = network([a, lane('b')], [corridor({ id: 'k', via: [['a', 0], ['b', 2]], demand: trucks(100) })]);
    const rows: VehicleTrace[] = [];
    const r = runReplication(s, { seed: 7, replication: 0, days: s.days, warmupDays: s.warmupDays, onVehicle: (t) => void rows.push(t) });
    const at = (c: string) => rows.filter((t) => t.crossing === c);
    expect(at('b').length).toBeGreaterThan(0);
    expect(at('b').every((t) => t.corridor === 'k' && t.source === 'k:trucks' && t.diverted)).toBe(true);
    expect(at('a').every((t) => t.corridor === 'k' && !t.diverted)).toBe(true);
    // every vehicle that reached b is in the trace (the crossing's own source brings none)
    expect(at('b').length).toBe(group(r, 'b', 'arrivals'));
  });
});

describe('corridors and booked slots', () => {
  test('corridor vehicles book at a booking crossing; no-shows are accounted for on both sides', () => {
    const booking = { slotsPerHour: { truck: 4 }, directions: ['south' as const, 'north' as const], noShowShare: 0.2, timetable: ALWAYS, source: 'test' };
    const s = network([lane('a', { booking }), lane('b')], [corridor({ id: 'k', via: [['a', 0], ['b', 3]], demand: trucks(120) })]);
    for (const seed of [1, 2, 3]) {
      const r = run(s, 0, seed);
      expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
      const noShows = group(r, 'a', 'no_shows');
      expect(noShows).toBeGreaterThan(0.15 * chose(r, 'a'));
      expect(noShows).toBeLessThan(0.25 * chose(r, 'a'));
    }
  });

  test('drivers foresee the wait for the slot they would get: too few slots send them the long way, and they find what they foresaw', () => {
    // a books 2 trucks an hour against 120 a day (5 an hour): without the slot in view all would queue for a's slots
    const booking = { slotsPerHour: { truck: 2 }, directions: ['south' as const, 'north' as const], noShowShare: 0, timetable: ALWAYS, source: 'test' };
    const s = network([lane('a', { booking }), lane('b')], [corridor({ id: 'k', via: [['a', 0], ['b', 3]], demand: trucks(120) })]);
    for (const seed of [1, 2, 3]) {
      const r = run(s, 0, seed);
      expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
      const [atA, atB] = ['a', 'b'].map((c) => r.corridors.find((k) => k.crossing === c)!.values);
      // a takes about its 2 an hour, b the rest
      expect(atA!.share).toBeGreaterThan(0.3);
      expect(atA!.share).toBeLessThan(0.5);
      // the waiting area never holds more than the detour's worth of slots: a's foreseen and found waits stay near 3 h
      expect(atA!.foreseen_wait_h_mean).toBeLessThan(3.5);
      expect(group(r, 'a', 'booking_wait_h_p95')).toBeLessThan(4);
      expect(Math.abs(atA!.wait_h_mean - atA!.foreseen_wait_h_mean)).toBeLessThan(0.5);
    }
  });
});

describe('crossings outside any corridor', () => {
  test('run exactly as without the network: their rows are equal, value for value', () => {
    const c = lane('c', { demand: trucks(100) });
    const alone = run(scenario([lane('a'), lane('b'), c], { days: DAYS }));
    const linked = run(network([lane('a'), lane('b'), c], [corridor({ id: 'k', via: [['a', 0], ['b', 1]], demand: trucks(150) })]));
    const of = (r: ReplicationResult) => ({
      groups: r.groups.filter((g) => g.crossing === 'c'),
      stages: r.stages.filter((g) => g.crossing === 'c'),
      monthly: r.monthly.filter((g) => g.crossing === 'c'),
      hourly: r.hourly.filter((g) => g.crossing === 'c'),
    });
    expect(of(linked)).toEqual(of(alone));
    expect(group(linked, 'a', 'arrivals')).toBeGreaterThan(0);
  });

  test('the plan runs linked crossings on one calendar and the others alone', () => {
    const plan = buildPlan(network([lane('a'), lane('b'), lane('c'), lane('d')], [corridor({ id: 'k', via: [['d', 0], ['b', 1]], demand: trucks(10) })]));
    expect(plan.units).toEqual([[0], [1, 3], [2]]);
    const chained = buildPlan(network([lane('a'), lane('b'), lane('c'), lane('d')], [
      corridor({ id: 'k', via: [['c', 0], ['a', 1]], demand: trucks(10) }),
      corridor({ id: 'm', via: [['d', 0], ['c', 1]], demand: trucks(10) }),
    ]));
    expect(chained.units).toEqual([[0, 2, 3], [1]]);
  });
});
