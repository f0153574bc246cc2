// Hidden classes of the engine's collectors: an object made before any of its kind has taken a fraction and
// one made after share one V8 map. When a field first holds a small integer and later a fraction, V8 gives
// the objects a new map; everything made from then on differs from what the optimised code was made for, and
// the next crossing or replication throws that code away. Uses V8's %HaveSameMap (natives syntax, enabled at
// run time for the functions compiled after it).
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CapacitySchedule, LevelMonitor, Resource, Simulation, Tally } from '../../src/engine/index.js';

setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (a: object, b: object) => boolean;

describe('engine objects keep one hidden class as their fields take fractions', () => {
  it('Tally: mean, m2 and sum', () => {
    const before = new Tally();
    const used = new Tally();
    for (const x of [0.5, 1.25, 7.125]) used.add(x);
    expect(haveSameMap(before, new Tally())).toBe(true);
    expect(haveSameMap(used, new Tally())).toBe(true);
  });

  it('LevelMonitor: the area under the level', () => {
    const before = new LevelMonitor(0);
    const used = new LevelMonitor(0);
    used.up(0.5);
    used.down(1.75);
    expect(used.integral(2)).toBe(1.25);
    expect(haveSameMap(before, new LevelMonitor(0))).toBe(true);
  });

  it('Simulation and Resource: the clock and the server-minutes', () => {
    const sim0 = new Simulation();
    const before = new Resource(sim0, 'before', { capacity: 1 });
    const sim = new Simulation();
    const r = new Resource(sim, 'r', { capacity: 2 });
    sim.schedule(0.5, () => void r.request(null, () => {}), null);
    sim.schedule(1.75, () => r.release(), null);
    sim.run();
    expect(sim.nowMin).toBe(1.75);
    expect(r.stats().openServerMin).toBe(3.5);
    const sim2 = new Simulation();
    expect(haveSameMap(sim0, sim2)).toBe(true);
    expect(haveSameMap(before, new Resource(sim2, 'after', { capacity: 1 }))).toBe(true);
  });

  it('CapacitySchedule: whole-minute and fractional interval bounds', () => {
    const before = new CapacitySchedule({ servers: 1, closed: [{ fromMin: 60, toMin: 120 }] });
    const fractional = new CapacitySchedule({ servers: 1, closed: [{ fromMin: 30.5, toMin: 90.25 }] });
    expect(fractional.capacityAt(45)).toBe(0);
    const after = new CapacitySchedule({ servers: 1, closed: [{ fromMin: 60, toMin: 120 }] });
    // The schedule's own copies of the intervals (private): a test of the engine's internals by intent.
    const closedOf = (s: CapacitySchedule): object => (s as unknown as { closed: object[] }).closed[0]!;
    expect(haveSameMap(closedOf(before), closedOf(after))).toBe(true);
    expect(haveSameMap(closedOf(before), closedOf(fractional))).toBe(true);
  });
});
