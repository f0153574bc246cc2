// A crossing instantiated from its plan tells its monitors each vehicle's life in order (arrived, queued when it
// could not go straight in, entered, exited; turned away instead when its approach is full), at the instants its
// route gives, and the statistics and the trace hear the same events.
import { describe, expect, it } from 'vitest';
import { Interpreter, Simulation } from '../../src/engine/index.js';
import { CrossingModel } from '../../src/model/crossing.js';
import type { VehicleMonitor } from '../../src/model/monitor.js';
import { buildPlan } from '../../src/model/plan.js';
import type { Vehicle, Wagon } from '../../src/model/vehicle.js';
import { SourceArrival } from '../../src/model/source-arrival.js';
import type { Crossing } from '../../src/scenario/types.js';
import { crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

/** A monitor that writes down every event: `kind vehicle@minute`. */
class Recorder implements VehicleMonitor {
  readonly events: string[] = [];
  arrived(v: Vehicle, t: number): void { this.events.push(`arrived ${v.id}@${t}`); }
  turnedAway(v: Vehicle, t: number): void { this.events.push(`turnedAway ${v.id}@${t}`); }
  booked(v: Vehicle, t: number): void { this.events.push(`booked ${v.id}@${t}`); }
  noShow(v: Vehicle, t: number): void { this.events.push(`noShow ${v.id}@${t}`); }
  leftWaitingArea(v: Vehicle, t: number): void { this.events.push(`leftWaitingArea ${v.id}@${t}`); }
  queued(v: Vehicle, t: number): void { this.events.push(`queued ${v.id}@${t}`); }
  entered(v: Vehicle, t: number): void { this.events.push(`entered ${v.id}@${t}`); }
  exited(v: Vehicle, t: number): void { this.events.push(`exited ${v.id}@${t}`); }
  dayClosed(date: string, t: number): void { this.events.push(`day ${date}@${t}`); }
}

/** The crossing's model with a recorder as its second monitor, and a function that brings one vehicle of path `p` at `atMin`. */
function setUp(c: Crossing) {
  const plan = buildPlan(scenario([c])).crossings[0]!;
  const sim = new Simulation();
  const interp = new Interpreter<Vehicle>(sim);
  const recorder = new Recorder();
  const days: unknown[] = [];
  const cm = new CrossingModel(plan, sim, 1, 1, interp, new Interpreter<Wagon>(sim), (d) => void days.push(d), recorder);
  const ids = { next: 0 };
  const arrivals = cm.paths.map((p) => new SourceArrival(sim, p, cm.stats.approachOf(p.index), c.approachLimit, interp, ids, cm.monitor));
  const bring = (p: number, atMin: number): void => sim.scheduleAt(atMin, (a) => a.arrive(), arrivals[p]!);
  return { cm, sim, recorder, bring, days };
}

describe('CrossingModel and its monitors', () => {
  it('tells a truck’s life at the instants of its route: gate closed until 08:00, a zone place, 30 min of customs', () => {
    const { sim, recorder, bring } = setUp(crossing({
      id: 'x',
      zone: { places: 1, classes: ['truck'], source: 'test' },
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: 30 } })],
      demand: [demand({ id: 'd' })],
    }));
    bring(0, 420); // 07:00, closed
    bring(0, 500); // open; the one place is taken until 510
    sim.run(1440);
    expect(recorder.events).toEqual([
      'arrived 0@420', 'queued 0@420',
      'entered 0@480',
      'arrived 1@500', 'queued 1@500',
      // the place truck 0 gives back is taken at once, before truck 0 is reported out (the end of its route)
      'entered 1@510', 'exited 0@510',
      'exited 1@540',
    ]);
  });

  it('lets a car with no zone place leave the approach when its lane serves it; the statistics count what the recorder heard', () => {
    const { cm, sim, recorder, bring } = setUp(crossing({
      id: 'x',
      stages: [stage({ id: 'lane', classes: ['car'], serviceMin: { kind: 'fixed', value: 10 } })],
      demand: [demand({ id: 'cars', vehicleClass: 'car' })],
    }));
    bring(0, 100);
    bring(0, 105); // the lane is busy until 110
    sim.run(1440);
    expect(recorder.events).toEqual(['arrived 0@100', 'entered 0@100', 'arrived 1@105', 'queued 1@105', 'entered 1@110', 'exited 0@110', 'exited 1@120']);
    const g = cm.stats.groups.get('south', 'car');
    expect([g.arrivals, g.completed, g.waitMin.count, g.waitMin.mean]).toEqual([2, 2, 2, 2.5]);
  });

  it('turns a vehicle away when its own direction and class already has the limit waiting', () => {
    const { cm, sim, recorder, bring } = setUp(crossing({
      id: 'x',
      approachLimit: 1,
      stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00') })],
      demand: [demand({ id: 'd' })],
    }));
    bring(0, 60);
    bring(0, 70);
    sim.run(300);
    expect(recorder.events).toEqual(['arrived 0@60', 'queued 0@60', 'turnedAway 1@70']);
    expect(cm.stats.groups.get('south', 'truck').turnedAway).toBe(1);
  });

  it('closes a day for every monitor: the statistics emit one row per (direction, class) pair', () => {
    const { cm, recorder, days } = setUp(crossing({
      id: 'x',
      stages: [stage({ id: 'lane' })],
      demand: [demand({ id: 'trucks' }), demand({ id: 'cars', vehicleClass: 'car' }), demand({ id: 'back', direction: 'north' })],
    }));
    cm.monitor.dayClosed('2023-01-02', 1440);
    expect(recorder.events).toEqual(['day 2023-01-02@1440']);
    expect(days).toHaveLength(3);
  });
});
