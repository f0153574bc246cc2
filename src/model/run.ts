// One replication of the border model: each crossing of the plan on its own simulation, fed by its arrivals,
// closing each local day, reset at the end of the warm-up; returns plain result rows.
import { Interpreter, Simulation } from '../engine/index.js';
import { EngineError } from '../engine/errors.js';
import type { Scenario } from '../scenario/types.js';
import { DAY_MIN } from './clock.js';
import { CrossingModel } from './crossing.js';
import { ArrivalMerger } from './arrivals.js';
import { SourceArrival } from './source-arrival.js';
import { makeArrivals } from './demand.js';
import { checkInvariants } from './invariants.js';
import { buildPlan, type BorderPlan, type CrossingPlan } from './plan.js';
import type { DailyResult, PeriodResult, ReplicationResult, VehicleTrace } from './results.js';
import { modelStream } from './streams.js';
import { TraceMonitor } from './trace-monitor.js';
import type { ModelClock } from './clock.js';
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

/** Thrown for options that cannot be run (days ≤ 0, warm-up not shorter than the run): a caller's bug, exit 1. */
export class RunOptionsError extends EngineError {}

/**
 * Simulates one replication of a plan (or of a scenario, planned first) and returns its results (statistics
 * after the warm-up). Crossings share no vehicle, server or place, so each runs on its own simulation: a small
 * calendar per crossing instead of one holding every crossing's pending events. Draws come from streams named
 * by crossing, so the results are those of one shared calendar; only the order of traced vehicles differs
 * (crossing by crossing).
 */
export function runReplication(planOrScenario: BorderPlan | Scenario, options: ReplicationOptions): ReplicationResult {
  const plan = 'clock' in planOrScenario ? planOrScenario : buildPlan(planOrScenario);
  const { days, warmupDays } = options;
  if (!(Number.isInteger(days) && days > 0)) throw new RunOptionsError(`days must be a positive integer, got ${days}`);
  if (!(Number.isInteger(warmupDays) && warmupDays >= 0 && warmupDays < days)) {
    throw new RunOptionsError(`warmupDays must be an integer in [0, ${days - 1}], got ${warmupDays}`);
  }
  const clock = plan.clock;
  const ids = { next: 0 };
  const daily: DailyResult[] = [];
  const emitDay = options.onDay ?? ((d: DailyResult): void => void daily.push(d));
  const result: ReplicationResult = { replication: options.replication, groups: [], stages: [], daily, monthly: [], hourly: [], invariants: [], corridors: [], events: 0 };
  for (const crossing of plan.crossings) {
    const r = runCrossing(crossing, clock, options, ids, emitDay);
    result.groups.push(...r.groups);
    result.stages.push(...r.stages);
    result.monthly.push(...r.monthly);
    result.hourly.push(...r.hourly);
    result.invariants.push(...r.invariants);
    result.events += r.events;
  }
  return result;
}

/** One crossing over the whole horizon on its own simulation; daily rows go to `emitDay` as each day closes. */
function runCrossing(
  plan: CrossingPlan,
  clock: ModelClock,
  options: ReplicationOptions,
  ids: { next: number },
  emitDay: (d: DailyResult) => void,
): Omit<ReplicationResult, 'replication' | 'daily'> {
  const { seed, replication, days, warmupDays, onVehicle } = options;
  const horizonMin = days * DAY_MIN;
  const sim = new Simulation();
  const interp = new Interpreter<Vehicle>(sim);
  const wagonInterp = new Interpreter<Wagon>(sim);
  const trace = onVehicle ? new TraceMonitor(plan.crossing.id, replication, onVehicle) : null;
  const cm = new CrossingModel(plan, sim, seed, replication, interp, wagonInterp, emitDay, trace);
  const merger = new ArrivalMerger(sim, horizonMin);
  for (const path of cm.paths) {
    const arrivals = makeArrivals(path.plan.demand, modelStream(seed, replication, path.plan.streams.arrivals), horizonMin);
    merger.add(arrivals, new SourceArrival(sim, path, cm.stats.approachOf(path.index), plan.crossing.approachLimit, interp, ids, cm.monitor));
  }
  merger.start();

  // Day by day: every event up to and including local midnight, then the day closes (after the warm-up)
  // and, at the warm-up's end, every statistic restarts. No midnight event sits on the calendar.
  // The vehicles that had finished when statistics were last reset (for the conservation check).
  let finishedAtReset = 0;
  const monthly: PeriodResult[] = [];
  if (warmupDays === 0) cm.reset(0);
  for (let day = 1; day <= days; day++) {
    const midnightMin = day * DAY_MIN;
    sim.run(midnightMin);
    if (day > warmupDays) {
      const date = clock.dateOfDay(day - 1);
      cm.monitor.dayClosed(date, midnightMin);
      // A month closes after its last day, or at the end of the run (its measured part).
      if (day === days || clock.dateOfDay(day).endsWith('-01')) monthly.push(...cm.stats.closeMonth(date.slice(0, 7), midnightMin));
    }
    if (day === warmupDays) {
      cm.reset(midnightMin);
      finishedAtReset = interp.finished;
    }
  }

  trace?.finish();
  // Group results first: totals absorb their parts there, and the invariants read the totals.
  const groups = cm.stats.groups.results(horizonMin);
  return {
    groups,
    stages: cm.stageResults(),
    monthly,
    hourly: cm.stats.groups.hourlyResults(),
    invariants: checkInvariants(cm.stats.groups, plan.crossing.id, horizonMin, { walking: interp.started - interp.finished, finishedSinceReset: interp.finished - finishedAtReset, inWaitingArea: cm.booking.inside }),
    corridors: [],
    events: sim.eventCount,
  };
}
