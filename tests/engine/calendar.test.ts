// The event calendar pops in (time, priority, insertion) order — checked against a sorted reference with
// fast-check — and the simulation's named priorities put a release before a seize at the same instant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { EventCalendar, Priority, Resource, ScheduleError, Simulation } from '../../src/engine/index.js';

interface Ev {
  t: number;
  p: number;
  seq: number;
}

/** Reference order: sort by time, then priority, then insertion sequence. */
function byKey(a: Ev, b: Ev): number {
  return a.t - b.t || a.p - b.p || a.seq - b.seq;
}

const noop = (): void => {};

describe('EventCalendar', () => {
  it.each([
    { name: 'by time', pushes: [[5, 2], [1, 2], [3, 2]], order: [1, 2, 0] },
    { name: 'by priority at one time', pushes: [[1, 3], [1, 0], [1, 2]], order: [1, 2, 0] },
    { name: 'by insertion at one time and priority', pushes: [[1, 2], [1, 2], [1, 2]], order: [0, 1, 2] },
    { name: 'time before priority', pushes: [[2, 0], [1, 9]], order: [1, 0] },
  ])('pops $name', ({ pushes, order }) => {
    const cal = new EventCalendar(1);
    pushes.forEach(([t, p], i) => cal.push(t!, p!, noop, i));
    const got: unknown[] = [];
    while (cal.size > 0) {
      cal.pop();
      got.push(cal.poppedArg);
    }
    expect(got).toEqual(order);
  });

  it('reports the earliest time and Infinity when empty', () => {
    const cal = new EventCalendar();
    expect(cal.peekTime()).toBe(Infinity);
    cal.push(7, 2, noop, null);
    cal.push(3, 2, noop, null);
    expect(cal.peekTime()).toBe(3);
  });

  it('matches a sorted reference for any interleaving of pushes and pops (property)', () => {
    // A few distinct times and priorities so that ties are frequent; a capacity of 2 forces growth.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), t: fc.integer({ min: 0, max: 6 }), p: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const cal = new EventCalendar(2);
        const reference: Ev[] = [];
        let seq = 0;
        let clock = 0; // pushes never go before the last popped time, as in a simulation
        for (const o of ops) {
          if (o.kind === 'push') {
            const ev = { t: clock + o.t, p: o.p, seq: seq++ };
            cal.push(ev.t, ev.p, noop, ev);
            reference.push(ev);
          } else if (reference.length > 0) {
            reference.sort(byKey);
            const want = reference.shift()!;
            expect(cal.pop()).toBe(want.t);
            expect(cal.poppedArg).toBe(want);
            clock = want.t;
          }
          expect(cal.size).toBe(reference.length);
        }
        reference.sort(byKey);
        for (const want of reference) {
          expect(cal.pop()).toBe(want.t);
          expect(cal.poppedArg).toBe(want);
        }
        expect(cal.size).toBe(0);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('keeps fractional times in order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 200 }), (times) => {
        const cal = new EventCalendar(4);
        times.forEach((t) => cal.push(t, Priority.normal, noop, t));
        const popped: number[] = [];
        while (cal.size > 0) popped.push(cal.pop());
        expect(popped).toEqual([...times].sort((a, b) => a - b));
      }),
      { numRuns: fuzzRuns(100) },
    );
  });
});

describe('Simulation clock and same-instant order', () => {
  it('runs a release before an arrival that seizes at the same instant', () => {
    // One server, busy until t=10; a new arrival at t=10 must find it free (release runs first),
    // whatever order the two events were scheduled in.
    for (const arrivalFirst of [true, false]) {
      const sim = new Simulation();
      const server = new Resource<string>(sim, 'server', { capacity: 1 });
      const log: [string, number, boolean][] = [];
      expect(server.request('a', noop)).toBe(true);
      const arrive = (): void => {
        log.push(['b', sim.nowMin, server.request('b', noop)]);
      };
      const finish = (): void => {
        server.release();
        log.push(['a-done', sim.nowMin, true]);
      };
      if (arrivalFirst) sim.schedule(10, arrive, null, Priority.arrival);
      sim.schedule(10, finish, null, Priority.release);
      if (!arrivalFirst) sim.schedule(10, arrive, null, Priority.arrival);
      sim.run();
      expect(log).toEqual([
        ['a-done', 10, true],
        ['b', 10, true],
      ]);
      expect(server.waiting).toBe(0);
    }
  });

  it('orders the named priorities capacity < release < normal < arrival < monitor < stop', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const names = ['stop', 'monitor', 'arrival', 'normal', 'release', 'capacity'] as const;
    for (const name of names) sim.schedule(5, (n: string) => seen.push(n), name, Priority[name]);
    sim.run();
    expect(new Set(Object.values(Priority)).size).toBe(names.length);
    expect(seen).toEqual(
      [...names].sort((a, b) => Priority[a] - Priority[b]),
    );
    expect(seen[0]).toBe('capacity');
    expect(seen.indexOf('release')).toBeLessThan(seen.indexOf('arrival'));
    expect(seen.indexOf('arrival')).toBeGreaterThan(seen.indexOf('normal'));
  });

  it.each([
    { delay: -1 },
    { delay: Number.NaN },
  ])('rejects a delay of $delay with ScheduleError', ({ delay }) => {
    const sim = new Simulation();
    expect(() => sim.schedule(delay, noop, null)).toThrow(ScheduleError);
  });

  it('rejects scheduling at an instant before now', () => {
    const sim = new Simulation();
    sim.run(100);
    expect(sim.nowMin).toBe(100);
    expect(() => sim.scheduleAt(99, noop, null)).toThrow(ScheduleError);
    expect(() => sim.scheduleAt(100, noop, null)).not.toThrow();
  });
});
