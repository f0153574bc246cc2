// Gate: entities pass an open gate at once and wait, in arrival order, while it is closed; it behaves
// exactly like a Resource of unlimited width seized and released in one go (checked with fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { CapacitySchedule, Gate, Interpreter, makeTrajectory, Priority, Resource, Simulation, type Walker } from '../../src/engine/index.js';

const DAY = 1440;
const WIDE = 1_000_000_000;

interface Car extends Walker {
  name: string;
}

/** Open 08:00–20:00 every day, closed all of day 2 (a holiday). */
function hours(servers = 1): CapacitySchedule {
  const weeklyOpen = Array.from({ length: 7 }, (_, d) => ({ fromMin: d * DAY + 480, toMin: d * DAY + 1200 }));
  return new CapacitySchedule({ servers, weeklyOpen, closed: [{ fromMin: 2 * DAY, toMin: 3 * DAY }] });
}

/** Arrival instants → the instants each car got through, with a gate or with an equivalent wide resource. */
function passTimes(arrivals: number[], kind: 'gate' | 'resource'): [string, number][] {
  const sim = new Simulation();
  const interp = new Interpreter<Car>(sim);
  const log: [string, number][] = [];
  const through = { kind: 'call' as const, fn: (c: Car) => void log.push([c.name, sim.nowMin]) };
  let path;
  if (kind === 'gate') {
    const gate = new Gate<Car>(sim, 'gate', hours());
    path = makeTrajectory<Car>([{ kind: 'pass', gate }, through]);
  } else {
    const wide = new Resource<Car>(sim, 'wide', { schedule: hours(WIDE) });
    path = makeTrajectory<Car>([{ kind: 'seize', resource: wide }, { kind: 'release', resource: wide }, through]);
  }
  arrivals.forEach((at, i) => {
    const car: Car = { name: `c${i}`, pc: 0, trajectory: path, interp: null };
    sim.scheduleAt(at, (c: Car) => interp.start(c, path), car, Priority.arrival);
  });
  sim.run(7 * DAY); // the schedule changes forever: run a fixed horizon
  return log;
}

describe('Gate', () => {
  it('lets cars through at once while open and holds the others until it opens, in arrival order', () => {
    // 07:00 and 07:30 wait for 08:00; 12:00 goes at once; 21:00 waits for 08:00 the next day; day 2 is closed.
    const got = passTimes([420, 450, 720, 1260, 2 * DAY + 600], 'gate');
    expect(got).toEqual([['c0', 480], ['c1', 480], ['c2', 720], ['c3', DAY + 480], ['c4', 3 * DAY + 480]]);
  });

  it('counts the cars that passed and those waiting', () => {
    const sim = new Simulation();
    const gate = new Gate<string>(sim, 'g', hours());
    expect(gate.isOpen).toBe(false);
    expect(gate.pass('a', () => {})).toBe(false);
    expect([gate.waiting, gate.passed]).toEqual([1, 0]);
    sim.run(480);
    expect([gate.isOpen, gate.waiting, gate.passed]).toEqual([true, 0, 1]);
    expect(gate.pass('b', () => {})).toBe(true);
    expect(gate.passed).toBe(2);
  });

  it('behaves exactly like a resource of unlimited width (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 * DAY }), { maxLength: 60 }), (arrivals) => {
        expect(passTimes(arrivals, 'gate')).toEqual(passTimes(arrivals, 'resource'));
      }),
      { numRuns: fuzzRuns(100) },
    );
  });
});
