// One replication of the border model: builds every crossing on one simulation, feeds the arrivals,
// closes each local day, resets at the end of the warm-up, and returns plain result rows.
import { Interpreter, Priority, Simulation } from '../engine/index.js';
import { createStream } from '../random/index.js';
import type { Scenario } from '../scenario/types.js';
import { DAY_MIN, ModelClock } from './clock.js';
import { CrossingModel, type SourcePath } from './crossing.js';
import { ArrivalMerger } from './arrivals.js';
import { makeArrivals } from './demand.js';
import { checkInvariants } from './invariants.js';
import type { DailyResult, ReplicationResult, VehicleTrace } from './results.js';
import type { Vehicle, Wagon } from './vehicle.js';

export interface ReplicationOptions {
  seed: number;
  replication: number;
  days: number;
  warmupDays: number;
  /** Called once per vehicle: when it exits, is turned away, or is still inside at the end. */
  onVehicle?: (t: VehicleTrace) => void;
  /** Receives each daily row as its day closes; when given, `daily` in the result stays empty (flat memory). */
  onDay?: (d: DailyResult) => void;
}

/** Thrown for options that cannot be run (days ≤ 0, warm-up not shorter than the run). */
export class RunOptionsError extends Error {}

/** Simulates one replication of the scenario and returns its results (statistics after the warm-up). */
export function runReplication(scenario: Scenario, options: ReplicationOptions): ReplicationResult {
  const { seed, replication, days, warmupDays, onVehicle, onDay } = options;
  if (!(Number.isInteger(days) && days > 0)) throw new RunOptionsError(`days must be a positive integer, got ${days}`);
  if (!(Number.isInteger(warmupDays) && warmupDays >= 0 && warmupDays < days)) {
    throw new RunOptionsError(`warmupDays must be an integer in [0, ${days - 1}], got ${warmupDays}`);
  }
  const horizonMin = days * DAY_MIN;
  const clock = new ModelClock(scenario.startDate);
  const sim = new Simulation();
  const interp = new Interpreter<Vehicle>(sim);
  const wagonInterp = new Interpreter<Wagon>(sim);
  const live = onVehicle ? new Set<Vehicle>() : null;
  let nextId = 0;
  const trace = (v: Vehicle, outcome: VehicleTrace['outcome']): void => {
    onVehicle!({
      replication,
      vehicle: v.id,
      crossing: v.groups.base.crossing,
      direction: v.source.direction,
      vehicleClass: v.source.vehicleClass,
      cargo: v.source.cargo,
      tonnes: v.tonnes,
      railcars: v.railcars,
      arrivedAtMin: v.arrivedAtMin,
      enteredAtMin: v.enteredAtMin,
      exitedAtMin: outcome === 'completed' ? sim.nowMin : NaN,
      outcome,
    });
  };
  const hooks = {
    onExit: (v: Vehicle): void => {
      if (live) {
        live.delete(v);
        trace(v, 'completed');
      }
    },
  };
  const crossings = scenario.crossings.map((c) => new CrossingModel(c, sim, clock, seed, replication, interp, wagonInterp, hooks));

  for (const cm of crossings) {
    const limit = cm.crossing.approachLimit;
    const merger = new ArrivalMerger(sim, horizonMin);
    for (const path of cm.paths) {
      const arrivals = makeArrivals(path.source, clock, createStream(seed, replication, `${cm.crossing.id}/${path.source.id}/arrivals`), horizonMin);
      merger.add(arrivals, arrivalHandler(cm, path, limit));
    }
    merger.start();
  }

  /** What happens when a vehicle of the path's source arrives now. */
  function arrivalHandler(cm: CrossingModel, path: SourcePath, limit: number | null): () => void {
    const { source } = path;
    const groups = cm.groups.setFor(source.direction, source.vehicleClass);
    const total = cm.groups.total;
    const isTrain = source.vehicleClass === 'train';
    const loaded = source.cargo === 'loaded';
    const wagons = isTrain ? source.wagonsPerTrain : 0;
    const tonnes = loaded ? (isTrain ? wagons * source.tonnesPerWagon : source.payloadT) : 0;
    const shares = path.optionalShares;
    const draws = path.serviceDraws;
    const selectRng = path.selectRng;
    const dayCounter = path.daily;
    const trajectory = path.trajectory;
    // Copied per vehicle: a packed array of doubles of exactly the path's length (push would allocate 17 slots).
    const serviceTemplate = draws.map(() => 0.5);
    const arrive = (): void => {
      const now = sim.nowMin;
      const serviceMin = serviceTemplate.slice();
      // Every draw is made on arrival, selected or not, so each source's streams stay aligned across plans.
      for (let k = 0; k < draws.length; k++) serviceMin[k] = draws[k]!(wagons);
      let selected = 0;
      for (let k = 0; k < shares.length; k++) if (selectRng.next() < shares[k]!) selected |= 1 << k;
      const v: Vehicle = {
        pc: 0, trajectory, id: nextId++, source, groups, daily: dayCounter,
        tonnes, railcars: wagons, wagons, arrivedAtMin: now, enteredAtMin: NaN, selected, pendingWagons: 0,
        serviceMin,
      };
      dayCounter.arrivals++;
      if (limit !== null && total.approach.level >= limit) {
        groups.base.turnAway();
        if (onVehicle) trace(v, 'turned_away');
      } else {
        groups.arrive(now);
        dayCounter.noteQueue(groups.base.approach.level);
        live?.add(v);
        interp.start(v, trajectory);
      }
    };
    return arrive;
  }

  // Local midnights: close the day (after the warm-up), and reset everything at the warm-up's end.
  const daily: DailyResult[] = [];
  const emitDay = onDay ?? ((d: DailyResult): void => void daily.push(d));
  const midnight = (day: number): void => {
    const now = sim.nowMin;
    if (day > warmupDays) {
      const date = clock.dateOfDay(day - 1);
      for (const cm of crossings) for (const d of cm.dailyCounters) emitDay(d.close(date, now));
    }
    if (day === warmupDays) for (const cm of crossings) cm.reset(now);
    if (day < days) sim.scheduleAt((day + 1) * DAY_MIN, midnight, day + 1, Priority.monitor);
  };
  if (warmupDays === 0) midnight(0);
  else sim.scheduleAt(DAY_MIN, midnight, 1, Priority.monitor);

  sim.run(horizonMin);

  if (live) for (const v of live) trace(v, 'in_system');
  // Group results first: totals absorb their parts there, and the invariants read the totals.
  const groups = crossings.flatMap((cm) => cm.groups.results(horizonMin));
  return {
    replication,
    groups,
    stages: crossings.flatMap((cm) => cm.stages.flatMap((s) => s.results())),
    daily,
    invariants: crossings.flatMap((cm) => checkInvariants(cm, horizonMin)),
    events: sim.eventCount,
  };
}
