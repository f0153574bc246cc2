// Zone: a finite number of places held across several steps; entities wait in arrival order for a
// place; occupancy and the approach queue are traced on a tiny deterministic terminal.
import { describe, expect, it } from 'vitest';
import { Interpreter, makeTrajectory, Resource, Simulation, Zone, Priority, type Walker } from '../../src/engine/index.js';

interface Truck extends Walker {
  name: string;
  checkMin: number;
}

/** A terminal with `places` places and one booth: enter zone → booth check → 5 min to the exit → leave zone. */
function terminal(places: number, trucks: [string, number, number][]) {
  const sim = new Simulation();
  const zone = new Zone<Truck>(sim, 'terminal', places);
  const booth = new Resource<Truck>(sim, 'booth', { capacity: 1 });
  const interp = new Interpreter<Truck>(sim);
  const log: [string, string, number][] = [];
  const mark = (what: string) => ({ kind: 'call' as const, fn: (t: Truck) => { log.push([t.name, what, sim.nowMin]); } });
  const path = makeTrajectory<Truck>([
    { kind: 'enter', zone },
    mark('in'),
    { kind: 'seize', resource: booth },
    { kind: 'delay', minutes: (t) => t.checkMin },
    { kind: 'release', resource: booth },
    { kind: 'delay', minutes: () => 5 },
    mark('out'),
    { kind: 'leave', zone }, // hands the place on at once: the next truck's 'in' follows this 'out'
  ]);
  for (const [name, atMin, checkMin] of trucks) {
    sim.scheduleAt(atMin, (t: Truck) => interp.start(t, path), { name, checkMin, pc: 0, trajectory: path, interp: null }, Priority.arrival);
  }
  return { sim, zone, booth, interp, log };
}

describe('Zone', () => {
  it('fills up, makes later arrivals wait in order and lets them in as places free', () => {
    const { sim, zone, log } = terminal(2, [
      ['a', 0, 10],
      ['b', 1, 10],
      ['c', 2, 1], // zone full: waits for a place though its check is short
      ['d', 3, 1],
    ]);
    sim.run(2.5);
    expect(zone.occupied).toBe(2);
    expect(zone.waiting).toBe(1);
    sim.run();
    // a: in 0, booth 0–10, out 15. b: in 1, booth 10–20, out 25. c: takes a's place at 15, booth 20–21,
    // out 26. d: takes b's place at 25, booth 25–26, out 31.
    expect(log).toEqual([
      ['a', 'in', 0],
      ['b', 'in', 1],
      ['a', 'out', 15],
      ['c', 'in', 15],
      ['b', 'out', 25],
      ['d', 'in', 25],
      ['c', 'out', 26],
      ['d', 'out', 31],
    ]);
    const s = zone.stats();
    expect(s.served).toBe(4);
    // occupancy: places held 15 + 24 + 11 + 6 = 56 place-minutes over 31 minutes
    expect(s.busyMean).toBeCloseTo(56 / 31, 12);
    // approach queue: c waits 2–15, d waits 3–25
    expect(s.queueMean).toBeCloseTo((13 + 22) / 31, 12);
    expect(s.queueMax).toBe(2);
    expect(zone.occupied).toBe(0);
  });

  it('serves waiting entities first-come first-served whatever their later speed', () => {
    const trucks: [string, number, number][] = Array.from({ length: 8 }, (_, i) => [`t${i}`, i * 0.1, 8 - i]);
    const { sim, log } = terminal(1, trucks);
    sim.run();
    const order = log.filter(([, what]) => what === 'in').map(([n]) => n);
    expect(order).toEqual(trucks.map(([n]) => n));
  });

  it('never holds more places than it has (occupancy bound)', () => {
    const trucks: [string, number, number][] = Array.from({ length: 50 }, (_, i) => [`t${i}`, (i * 7) % 13, 1 + (i % 4)]);
    const { sim, zone } = terminal(3, trucks);
    let peak = 0;
    const watch = (): void => {
      peak = Math.max(peak, zone.occupied);
      if (sim.pending > 0) sim.schedule(0.5, watch, null, Priority.monitor);
    };
    sim.schedule(0, watch, null, Priority.monitor);
    sim.run();
    expect(peak).toBe(3);
    expect(zone.stats().served).toBe(50);
  });

  it('rejects a fractional or negative number of places', () => {
    expect(() => new Zone(new Simulation(), 'z', -2)).toThrow(RangeError);
    expect(() => new Zone(new Simulation(), 'z', 2.5)).toThrow(RangeError);
  });
});
