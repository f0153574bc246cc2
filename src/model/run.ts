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
import { buildPlan, type BorderPlan } from './plan.js';
import type { CorridorResult, DailyResult, InvariantCheck, PeriodResult, ReplicationResult, VehicleTrace } from './results.js';
import { CorridorArrival, CrossingOutlook, EnRouteBoard } from './choice.js';
import { CorridorCounts } from './corridor-stats.js';
import { modelStream } from './streams.js';
import { pathLabels, TraceMonitor } from './trace-monitor.js';
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
  const parts: CrossingPart[] = new Array(plan.crossings.length);
  const corridorParts: CorridorPart[] = new Array(plan.corridors.length);
  for (const unit of plan.units) runUnit(plan, unit, clock, options, ids, emitDay, parts, corridorParts);
  // Crossing by crossing in the scenario's order, whatever the units.
  for (const r of parts) {
    result.groups.push(...r.groups);
    result.stages.push(...r.stages);
    result.monthly.push(...r.monthly);
    result.hourly.push(...r.hourly);
    result.invariants.push(...r.invariants);
    result.events += r.events;
  }
  for (const c of corridorParts) {
    result.corridors.push(...c.rows);
    result.invariants.push(c.check);
  }
  return result;
}

/** One crossing's results in one replication. */
type CrossingPart = Omit<ReplicationResult, 'replication' | 'daily' | 'corridors'>;

/** One corridor's results in one replication. */
interface CorridorPart {
  rows: CorridorResult[];
  check: InvariantCheck;
}

/**
 * One unit of crossings (those joined by corridors, or a crossing alone) over the whole horizon on one simulation;
 * fills `parts` at the unit's crossings and `corridorParts` at its corridors. Daily rows go to `emitDay` as each
 * day closes. A crossing alone runs exactly as it did before corridors existed (same events in the same order).
 */
function runUnit(
  plan: BorderPlan,
  unit: readonly number[],
  clock: ModelClock,
  options: ReplicationOptions,
  ids: { next: number },
  emitDay: (d: DailyResult) => void,
  parts: CrossingPart[],
  corridorParts: CorridorPart[],
): void {
  const { seed, replication, days, warmupDays, onVehicle } = options;
  const horizonMin = days * DAY_MIN;
  const sim = new Simulation();
  const merger = new ArrivalMerger(sim, horizonMin);
  const byCrossing = new Map<number, UnitCrossing>();
  for (const ci of unit) {
    const crossing = plan.crossings[ci]!;
    const interp = new Interpreter<Vehicle>(sim);
    const wagonInterp = new Interpreter<Wagon>(sim);
    const trace = onVehicle ? new TraceMonitor(crossing.crossing.id, pathLabels(plan, crossing), replication, onVehicle) : null;
    const cm = new CrossingModel(crossing, sim, seed, replication, interp, wagonInterp, emitDay, trace);
    const targets = cm.paths.map((path) => new SourceArrival(sim, path, cm.stats.approachOf(path.index), crossing.crossing.approachLimit, interp, ids, cm.monitor));
    for (const path of cm.paths) {
      if (path.plan.corridor !== null) continue;
      merger.add(makeArrivals(path.plan.demand, modelStream(seed, replication, path.plan.streams.arrivals), horizonMin), targets[path.index]!);
    }
    byCrossing.set(ci, { index: ci, cm, interp, trace, targets, finishedAtReset: 0 });
  }
  const members = [...byCrossing.values()];
  const corridors = plan.corridors.map((c, k) => ({ c, k })).filter(({ c }) => byCrossing.has(c.options[0]!.crossing));
  const board = new EnRouteBoard();
  const counts = corridors.map(({ c, k }) => {
    const stats = new CorridorCounts(c);
    const seesEnRoute = c.corridor.foresight === 'queue-and-en-route';
    c.sources.forEach((s, si) => {
      const at = c.options.map((o, option) => ({ u: byCrossing.get(o.crossing)!, path: s.paths[option]! }));
      const fixed = at[c.fixed]!;
      at.forEach(({ u, path }, option) => u.cm.stats.watchCorridorExits(path, (waitMin) => stats.completed(si, option, waitMin)));
      const outlooks = at.map(({ u, path }, option) => new CrossingOutlook(u.cm, path, c.options[option]!.detourMin, board, u.index, seesEnRoute));
      const diverted = {
        into: (option: number): void => at[option]!.u.cm.stats.divertedIn(at[option]!.path),
        outOf: (): void => fixed.u.cm.stats.divertedOut(fixed.path),
      };
      const arrival = new CorridorArrival(sim, c, outlooks, at.map(({ u, path }) => u.targets[path]!), diverted, modelStream(seed, replication, s.streams.choice), stats, si);
      merger.add(makeArrivals(s.demand, modelStream(seed, replication, s.streams.arrivals), horizonMin), arrival);
    });
    return { plan: c, k, stats };
  });
  merger.start();

  // Day by day: every event up to and including local midnight, then the day closes (after the warm-up)
  // and, at the warm-up's end, every statistic restarts. No midnight event sits on the calendar.
  const monthly = new Map<number, PeriodResult[]>(members.map((m) => [m.index, []]));
  const reset = (atMin: number): void => {
    for (const m of members) {
      m.cm.reset(atMin);
      m.finishedAtReset = m.interp.finished;
    }
    for (const c of counts) c.stats.reset();
  };
  if (warmupDays === 0) reset(0);
  for (let day = 1; day <= days; day++) {
    const midnightMin = day * DAY_MIN;
    sim.run(midnightMin);
    if (day > warmupDays) {
      const date = clock.dateOfDay(day - 1);
      // A month closes after its last day, or at the end of the run (its measured part).
      const monthEnds = day === days || clock.dateOfDay(day).endsWith('-01');
      for (const m of members) {
        m.cm.monitor.dayClosed(date, midnightMin);
        if (monthEnds) monthly.get(m.index)!.push(...m.cm.stats.closeMonth(date.slice(0, 7), midnightMin));
      }
    }
    if (day === warmupDays) reset(midnightMin);
  }

  for (const m of members) {
    m.trace?.finish();
    const { cm, interp } = m;
    // Group results first: totals absorb their parts there, and the invariants read the totals.
    const groups = cm.stats.groups.results(horizonMin);
    parts[m.index] = {
      groups,
      stages: cm.stageResults(),
      monthly: monthly.get(m.index)!,
      hourly: cm.stats.groups.hourlyResults(),
      invariants: checkInvariants(cm.stats.groups, cm.plan.crossing.id, horizonMin, { walking: interp.started - interp.finished, finishedSinceReset: interp.finished - m.finishedAtReset, inWaitingArea: cm.booking.inside }),
      // The unit's events, counted once (at its first crossing).
      events: m === members[0] ? sim.eventCount : 0,
    };
  }
  for (const { plan: c, k, stats } of counts) {
    // The vehicles the crossings saw arrive on the corridor's paths, counted by the crossings' own statistics.
    let arrivedAtCrossings = 0;
    c.sources.forEach((s) => c.options.forEach((o, option) => (arrivedAtCrossings += byCrossing.get(o.crossing)!.cm.stats.pathArrivals[s.paths[option]!]!)));
    corridorParts[k] = { rows: stats.results(), check: stats.conservation(arrivedAtCrossings) };
  }
}

/** A crossing of a unit in one replication. */
interface UnitCrossing {
  index: number;
  cm: CrossingModel;
  interp: Interpreter<Vehicle>;
  trace: TraceMonitor | null;
  /** Each path's arrival handler (own sources are fed by the merger, corridor paths by their corridor's choice). */
  targets: SourceArrival[];
  /** Vehicles that had finished when statistics were last reset (for the conservation check). */
  finishedAtReset: number;
}
