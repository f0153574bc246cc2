// Simulation: the source slot (one event held outside the calendar) runs exactly where the same event would
// run from the calendar, ties included; run(until), stop() and pending see it; bad uses are refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { Priority, ScheduleError, Simulation } from '../../src/engine/index.js';

/** A scripted stream: each event schedules the next after the given gap (whole minutes, so ties happen). */
interface Script {
  others: { atMin: number; priority: number }[];
  streamGapsMin: number[];
  streamPriority: number;
  untilMin: number;
}

/** Runs the script, the stream through the source slot or through the calendar; returns the order of events. */
function trace(script: Script, viaSlot: boolean): string[] {
  const sim = new Simulation();
  const log: string[] = [];
  script.others.forEach((o, i) => sim.scheduleAt(o.atMin, () => {
    log.push(`o${i}@${sim.nowMin}`);
    // a calendar event that schedules another at the same instant, behind the stream's pending event
    if (i % 3 === 0) sim.schedule(0, () => log.push(`o${i}+@${sim.nowMin}`), undefined, o.priority);
  }, undefined, o.priority));
  let k = 0;
  const next = (): void => {
    if (k >= script.streamGapsMin.length) return;
    const at = sim.nowMin + script.streamGapsMin[k++]!;
    if (viaSlot) sim.scheduleSource(at, fire, script.streamPriority);
    else sim.scheduleAt(at, fire, undefined, script.streamPriority);
  };
  const fire = (): void => {
    log.push(`s@${sim.nowMin}`);
    next();
  };
  next();
  sim.run(script.untilMin);
  log.push(`end@${sim.nowMin} pending=${sim.pending} events=${sim.eventCount}`);
  return log;
}

describe('Simulation source slot', () => {
  it('runs events in the same order as the calendar would, ties by priority then scheduling order (property)', () => {
    const script = fc.record({
      others: fc.array(fc.record({ atMin: fc.integer({ min: 0, max: 20 }), priority: fc.constantFrom(0, 1, 2, 3, 8) }), { maxLength: 25 }),
      streamGapsMin: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 25 }),
      streamPriority: fc.constantFrom(0, 2, 3),
      untilMin: fc.constantFrom(5, 12, 30, Infinity),
    });
    fc.assert(fc.property(script, (s) => {
      expect(trace(s, true)).toEqual(trace(s, false));
    }), { numRuns: fuzzRuns(300) });
  });

  it('counts in pending and eventCount, waits past run(until) and honours stop()', () => {
    const sim = new Simulation();
    let fired = 0;
    sim.scheduleSource(10, () => {
      fired++;
      sim.stop();
      sim.scheduleSource(20, () => fired++);
    });
    expect(sim.pending).toBe(1);
    sim.run(5);
    expect([fired, sim.nowMin, sim.pending]).toEqual([0, 5, 1]);
    sim.run();
    expect([fired, sim.nowMin, sim.pending, sim.wasStopped]).toEqual([1, 10, 1, true]);
    sim.run();
    expect([fired, sim.nowMin, sim.pending, sim.eventCount]).toEqual([2, 20, 0, 2]);
  });

  it.each([
    { name: 'a time in the past', atMin: 3, message: /finite atMin >= now \(5\), got 3/ },
    { name: 'NaN', atMin: NaN, message: /got NaN/ },
    { name: 'Infinity', atMin: Infinity, message: /got Infinity/ },
  ])('refuses $name', ({ atMin, message }) => {
    const sim = new Simulation();
    sim.run(5);
    expect(() => sim.scheduleSource(atMin, () => {})).toThrow(ScheduleError);
    expect(() => sim.scheduleSource(atMin, () => {})).toThrow(message);
  });

  it('hands each source event the argument it was scheduled with', () => {
    const sim = new Simulation();
    const got: string[] = [];
    const fire = (who: { name: string; left: number }): void => {
      got.push(`${who.name}@${sim.nowMin}`);
      if (--who.left > 0) sim.scheduleSource(sim.nowMin + 1, fire, Priority.arrival, who);
    };
    sim.scheduleSource(2, fire, Priority.arrival, { name: 'a', left: 3 });
    sim.run();
    expect(got).toEqual(['a@2', 'a@3', 'a@4']);
  });

  it('refuses a second event while the slot is full', () => {
    const sim = new Simulation();
    sim.scheduleSource(4, () => {}, Priority.arrival);
    expect(() => sim.scheduleSource(6, () => {})).toThrow(/already holds an event at 4/);
  });
});
