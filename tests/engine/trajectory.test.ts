// The trajectory interpreter: every step kind on a traced example, wake-up priorities, malformed
// trajectories, and the two stop rules (run until a time; stop when N entities have finished).
import { describe, expect, it } from 'vitest';
import {
  Interpreter, makeTrajectory, Priority, Resource, Simulation, TrajectoryError, type Walker,
} from '../../src/engine/index.js';

interface Car extends Walker {
  name: string;
  loaded: boolean;
}

const car = (name: string, loaded = true): Car => ({ name, loaded, pc: 0, trajectory: null as never, interp: null });

describe('Interpreter.resume', () => {
  it('is one function for every interpreter, and carries each walker on in its own simulation', () => {
    const simA = new Simulation();
    const simB = new Simulation();
    const a = new Interpreter<Car>(simA);
    const b = new Interpreter<Car>(simB);
    // One call target whatever the number of interpreters (a closure each would be a new target per simulation).
    expect(a.resume).toBe(b.resume);
    const log: string[] = [];
    const path = makeTrajectory<Car>([
      { kind: 'wait', fn: () => false },
      { kind: 'delay', minutes: () => 5 },
      { kind: 'call', fn: (c) => void log.push(`${c.name} at ${c.interp === a ? simA.nowMin : simB.nowMin}`) },
    ]);
    const x = car('x');
    const y = car('y');
    a.start(x, path);
    b.start(y, path);
    expect(x.interp).toBe(a);
    expect(y.interp).toBe(b);
    a.resume(y); // through a's property, but y belongs to b: its delay goes on b's calendar
    expect(simA.pending).toBe(0);
    expect(simB.pending).toBe(1);
    b.resume(x);
    simA.run();
    simB.run();
    expect(log.sort()).toEqual(['x at 5', 'y at 5']);
    expect([a.finished, b.finished]).toEqual([1, 1]);
  });
});

describe('Interpreter steps', () => {
  it('walks seize, delay, release, branch, call and wait in order', () => {
    const sim = new Simulation();
    const lane = new Resource<Car>(sim, 'lane', { capacity: 1 });
    const xray = new Resource<Car>(sim, 'xray', { capacity: 1 });
    const interp = new Interpreter<Car>(sim);
    const log: string[] = [];
    const mark = (what: string) => ({ kind: 'call' as const, fn: (c: Car) => { log.push(`${sim.nowMin} ${c.name} ${what}`); } });
    let parked: Car[] = [];
    const path = makeTrajectory<Car>(
      [
        { kind: 'seize', resource: lane },
        mark('lane'),
        { kind: 'delay', minutes: () => 10 },
        { kind: 'release', resource: (c) => (c.loaded ? lane : lane) }, // resource chosen per entity
        { kind: 'branch', test: (c) => c.loaded, skip: 4 }, // empty cars skip the X-ray
        { kind: 'seize', resource: xray },
        mark('xray'),
        { kind: 'delay', minutes: () => 3 },
        { kind: 'release', resource: xray },
        // wait: parked until someone resumes it (here a timer at 100)
        { kind: 'wait', fn: (c) => { parked.push(c); return false; } },
        mark('done'),
      ],
      (c) => log.push(`${sim.nowMin} ${c.name} end`),
    );
    interp.start(car('a'), path);
    interp.start(car('b', false), path);
    sim.schedule(100, () => {
      const p = parked;
      parked = [];
      p.forEach((c) => interp.resume(c));
    }, null);
    sim.run();
    expect(log).toEqual([
      '0 a lane',
      '10 b lane', // a's release hands the lane to b, which runs on at once (until its delay)...
      '10 a xray', // ...then a goes on to the X-ray
      '100 a done',
      '100 a end',
      '100 b done',
      '100 b end',
    ]);
    expect(interp.finished).toBe(2);
  });

  it('wakes a delay that ends in a release with the release priority', () => {
    const sim = new Simulation();
    const r = new Resource<Car>(sim, 'r', { capacity: 1 });
    const path = makeTrajectory<Car>([
      { kind: 'seize', resource: r },
      { kind: 'delay', minutes: () => 1 },
      { kind: 'release', resource: r },
      { kind: 'delay', minutes: () => 1 },
      { kind: 'call', fn: () => {} },
    ]);
    expect(path.compiled.map((s) => s.wakePriority)).toEqual([Priority.normal, Priority.release, Priority.normal, Priority.normal, Priority.normal]);
  });

  it('lets an arrival at the instant of a release find the server free', () => {
    const sim = new Simulation();
    const r = new Resource<Car>(sim, 'r', { capacity: 1 });
    const interp = new Interpreter<Car>(sim);
    const starts: [string, number][] = [];
    const path = makeTrajectory<Car>([
      { kind: 'seize', resource: r },
      { kind: 'call', fn: (c) => starts.push([c.name, sim.nowMin]) },
      { kind: 'delay', minutes: () => 5 },
      { kind: 'release', resource: r },
    ]);
    // b is scheduled first but arrives with arrival priority: a's release at 5 runs before it.
    sim.schedule(5, (c: Car) => interp.start(c, path), car('b'), Priority.arrival);
    interp.start(car('a'), path);
    sim.run();
    expect(starts).toEqual([['a', 0], ['b', 5]]);
    expect(r.stats().queueMax).toBe(0);
  });

  it('rejects a branch that skips past the end', () => {
    expect(() => makeTrajectory<Car>([{ kind: 'branch', test: () => true, skip: 2 }, { kind: 'call', fn: () => {} }]))
      .toThrow(TrajectoryError);
    expect(() => makeTrajectory<Car>([{ kind: 'branch', test: () => true, skip: 1.5 }, { kind: 'call', fn: () => {} }]))
      .toThrow(/steps\[0\]\.skip/);
  });
});

describe('Stop rules', () => {
  /** A source of one car every 2 minutes, each held 3 minutes at a 2-lane resource. */
  function source() {
    const sim = new Simulation();
    const lanes = new Resource<Car>(sim, 'lanes', { capacity: 2 });
    const interp = new Interpreter<Car>(sim);
    const done: number[] = [];
    const path = makeTrajectory<Car>(
      [{ kind: 'seize', resource: lanes }, { kind: 'delay', minutes: () => 3 }, { kind: 'release', resource: lanes }],
      () => done.push(sim.nowMin),
    );
    let n = 0;
    const arrive = (): void => {
      interp.start(car(`c${n++}`), path);
      sim.schedule(2, arrive, null, Priority.arrival);
    };
    sim.schedule(0, arrive, null, Priority.arrival);
    return { sim, interp, done };
  }

  it('run(untilMin) processes events at untilMin, sets the clock and can be resumed', () => {
    const { sim, done } = source();
    sim.run(9);
    expect(sim.nowMin).toBe(9);
    expect(done).toEqual([3, 5, 7, 9]); // cars at 0, 2, 4, 6 are done; the one finishing at 9 counts
    expect(sim.wasStopped).toBe(false);
    sim.run(9.5);
    expect(sim.nowMin).toBe(9.5);
    sim.run(20);
    expect(done).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });

  it('stopWhenFinished(n) stops right after the n-th entity finishes', () => {
    const { sim, interp, done } = source();
    interp.stopWhenFinished(5);
    sim.run(1000);
    expect(sim.wasStopped).toBe(true);
    expect(interp.finished).toBe(5);
    expect(done).toEqual([3, 5, 7, 9, 11]);
    expect(sim.nowMin).toBe(11); // the clock stays at the stopping instant, not 1000
    expect(sim.pending).toBeGreaterThan(0);
  });

  it('run() without a limit ends when the calendar runs dry', () => {
    const sim = new Simulation();
    let fired = 0;
    sim.schedule(42, () => fired++, null);
    sim.run();
    expect([fired, sim.nowMin, sim.eventCount, sim.pending]).toEqual([1, 42, 1, 0]);
  });
});
