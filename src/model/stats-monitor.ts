// The statistics of one crossing as a vehicle monitor: its groups (direction × class and totals) and one daily
// counter per (direction, class) pair with demand, updated as the crossing reports each vehicle's life.
import type { LevelMonitor } from '../engine/index.js';
import { CrossingGroups, type GroupSet } from './crossing-groups.js';
import { DailyCounter } from './daily.js';
import type { VehicleMonitor } from './monitor.js';
import type { CrossingPlan } from './plan.js';
import type { DailyResult, PeriodResult } from './results.js';
import type { Vehicle } from './vehicle.js';

/** What one path's vehicles update: their groups and their pair's daily counter. */
interface PathStats {
  readonly groups: GroupSet;
  readonly daily: DailyCounter;
  readonly holdsZone: boolean;
}

export class CrossingStats implements VehicleMonitor {
  readonly groups: CrossingGroups;
  /** One per (direction, class) pair, in the plan's order (daily.csv's). */
  readonly dailyCounters: DailyCounter[];
  private readonly byPath: PathStats[];
  /** Vehicles that arrived on each path since the last reset, turned away, no-shows or not (corridor checks). */
  readonly pathArrivals: Float64Array;
  /** Told the whole wait (minutes) of each vehicle leaving by a corridor path (corridors.csv's wait_h_mean); null elsewhere. */
  private readonly corridorExits: Array<((waitMin: number) => void) | null>;

  constructor(
    plan: CrossingPlan,
    startMin: number,
    private readonly emitDay: (d: DailyResult) => void,
  ) {
    this.groups = new CrossingGroups(plan.crossing.id, plan.pairs, startMin);
    this.dailyCounters = plan.pairs.map((p) => new DailyCounter(this.groups.get(p.direction, p.vehicleClass), p.direction, p.vehicleClass));
    this.byPath = plan.paths.map((path) => ({
      groups: this.groups.setFor(path.source.direction, path.source.vehicleClass),
      daily: this.dailyCounters[path.pair]!,
      holdsZone: path.holdsZone,
    }));
    this.pathArrivals = new Float64Array(plan.paths.length);
    this.corridorExits = plan.paths.map(() => null);
  }

  /** Tells `onExit` the whole wait of every vehicle that leaves by path `pathIndex` (a corridor's path). */
  watchCorridorExits(pathIndex: number, onExit: (waitMin: number) => void): void {
    this.corridorExits[pathIndex] = onExit;
  }

  /** The approach queue of path `pathIndex`'s direction and class (what an approach limit looks at). */
  approachOf(pathIndex: number): LevelMonitor {
    return this.byPath[pathIndex]!.groups.base.approach;
  }

  arrived(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    this.pathArrivals[v.path]! += 1;
    s.daily.arrivals++;
    s.groups.base.arrive(nowMin);
  }

  turnedAway(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    this.pathArrivals[v.path]! += 1;
    s.daily.arrivals++;
    s.groups.base.turnAway(nowMin);
  }

  booked(v: Vehicle, nowMin: number): void {
    this.arrived(v, nowMin);
  }

  noShow(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    this.pathArrivals[v.path]! += 1;
    s.daily.arrivals++;
    s.groups.base.noShow(nowMin);
  }

  leftWaitingArea(v: Vehicle, nowMin: number): void {
    this.byPath[v.path]!.groups.base.bookingWaitMin.add(nowMin - v.bookedAtMin);
  }

  queued(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    s.groups.startWaiting(nowMin);
    s.daily.noteQueue(s.groups.base.approach.level);
  }

  entered(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    s.groups.enter(nowMin, v.arrivedAtMin, s.holdsZone, v.waiting);
    const daily = s.daily;
    daily.entered++;
    daily.waitSumMin += nowMin - v.arrivedAtMin;
  }

  exited(v: Vehicle, nowMin: number): void {
    const s = this.byPath[v.path]!;
    // Its waiting: at the closed gate, then for a place (zone holders), then in the stages' queues.
    const closedMin = v.passedGateAtMin - v.arrivedAtMin;
    const zoneFullMin = s.holdsZone ? v.enteredAtMin - v.passedGateAtMin : 0;
    s.groups.base.exit(nowMin, v.arrivedAtMin, v.tonnes, v.railcars, s.holdsZone, closedMin, zoneFullMin, v.stageWaitMin);
    // A corridor vehicle's whole wait, as it foresaw it: a booked one's time in the waiting area too.
    const onCorridorExit = this.corridorExits[v.path];
    if (onCorridorExit) onCorridorExit(closedMin + zoneFullMin + v.stageWaitMin + (Number.isNaN(v.bookedAtMin) ? 0 : v.arrivedAtMin - v.bookedAtMin));
    const daily = s.daily;
    daily.completed++;
    daily.tonnes += v.tonnes;
    daily.railcars += v.railcars;
  }

  /** A corridor vehicle chose this crossing, on path `pathIndex`, though its corridor's fixed route is another. */
  divertedIn(pathIndex: number): void {
    const s = this.byPath[pathIndex]!;
    s.groups.base.divertedIn++;
    s.groups.base.periods.month.divertedIn++;
    s.daily.divertedIn++;
  }

  /** A corridor vehicle whose fixed route is this crossing's path `pathIndex` chose another crossing. */
  divertedOut(pathIndex: number): void {
    const s = this.byPath[pathIndex]!;
    s.groups.base.divertedOut++;
    s.groups.base.periods.month.divertedOut++;
    s.daily.divertedOut++;
  }

  dayClosed(date: string, nowMin: number): void {
    for (const d of this.dailyCounters) this.emitDay(d.close(date, nowMin));
  }

  /** Every group's row of the month `month` (YYYY-MM) ending at `nowMin`. */
  closeMonth(month: string, nowMin: number): PeriodResult[] {
    return this.groups.closeMonth(month, nowMin);
  }

  /** Discards everything measured before `nowMin` (warm-up); vehicles inside carry on. */
  reset(nowMin: number): void {
    for (const g of this.groups.ordered) g.reset(nowMin);
    for (const d of this.dailyCounters) d.restart(nowMin);
    this.pathArrivals.fill(0);
  }
}
