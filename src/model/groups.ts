// Statistics of one crossing × direction × class group (or a total over directions/classes): counts,
// approach queue and waits, crossing times, zone places held, per-day figures and Little's-law bookkeeping.
import { LevelMonitor, Tally } from '../engine/index.js';
import { HOURLY_METRICS, MONTHLY_METRICS, type ClassKey, type DirectionKey, type GroupMetric, type GroupResult, type PeriodResult } from './results.js';
import { GroupPeriods } from './periods.js';
import { WaitParts } from './waits.js';
import { MIN_PER_H } from '../units.js';

/** Running statistics of one group; vehicles update every group they belong to. */
export class GroupStats {
  arrivals = 0;
  completed = 0;
  turnedAway = 0;
  // Fractional sums are created as NaN and zeroed in the constructor: doubles from the first object on
  // (docs/v8-notes.md §1; here a first fraction often comes only with another crossing's trains).
  tonnes = NaN;
  railcars = 0;
  /** Corridor vehicles that came here though their corridor's fixed route is another crossing; those that left this one. */
  divertedIn = 0;
  divertedOut = 0;
  /** Booked vehicles that never came (their slot went unused). */
  noShows = 0;
  /** Booked vehicles' minutes in the waiting area, from arrival to their slot. */
  readonly bookingWaitMin = new Tally();
  /** Vehicles arrived and not yet exited or turned away (live, not reset). */
  inSystem = 0;
  /** inSystem when statistics were last reset (for conservation). */
  inSystemAtReset = 0;
  readonly approach: LevelMonitor;
  readonly zoneHeld: LevelMonitor;
  readonly waitMin = new Tally();
  readonly crossingMin = new Tally();
  /** Completed vehicles' waits split into closed, zone full and stage queues, and their whole wait. */
  readonly waitParts = new WaitParts();
  readonly totalWaitMin = new Tally();
  /** The current month and the hours of arrival (base groups; totals merge their parts' at the end). */
  readonly periods = new GroupPeriods();
  /** Σ of approach minutes (clipped at the reset instant) of vehicles that left the approach. */
  private waitAreaMin = NaN;
  /** Σ max(arrivedAt, resetAt) over vehicles still on the approach. */
  private approachStartSum = NaN;
  private resetAtMin: number;
  /** When the current month's window began, and the approach area then (for the month's mean queue). */
  private monthStartMin: number;
  private monthAreaStart = NaN;
  /** Sum of the parts' mean zone occupancy (totals only; exact, as time-averages add). */
  private zoneMeanFromParts = NaN;

  constructor(
    readonly crossing: string,
    readonly direction: DirectionKey,
    readonly vehicleClass: ClassKey,
    startMin: number,
  ) {
    this.tonnes = 0;
    this.waitAreaMin = 0;
    this.approachStartSum = 0;
    this.zoneMeanFromParts = 0;
    this.approach = new LevelMonitor(startMin);
    this.zoneHeld = new LevelMonitor(startMin);
    this.resetAtMin = startMin;
    this.monthStartMin = startMin;
    this.monthAreaStart = 0;
  }

  /** A vehicle arrives now (and is not turned away). */
  arrive(nowMin: number): void {
    this.arrivals++;
    this.inSystem++;
    this.periods.arrive(nowMin);
  }

  /**
   * The vehicle that arrived now could not go straight in: it joins the approach queue. A vehicle that goes
   * straight in never joins it (it waited 0 minutes), so it never counts in the queue's level or maximum.
   */
  startWaiting(nowMin: number): void {
    this.approach.up(nowMin);
    this.approachStartSum += nowMin;
  }

  /** A vehicle arrives now and books a slot it will never use. */
  noShow(nowMin: number): void {
    this.arrivals++;
    this.noShows++;
    this.periods.arrive(nowMin);
  }

  turnAway(nowMin: number): void {
    this.arrivals++;
    this.turnedAway++;
    this.periods.arrive(nowMin);
  }

  /**
   * Leaves the approach (takes its place or starts its first stage) after arriving at `arrivedAtMin`;
   * `waited` when it had joined the approach queue (startWaiting), false when it went straight in.
   */
  enter(nowMin: number, arrivedAtMin: number, holdsZone: boolean, waited: boolean): void {
    if (waited) {
      this.approach.down(nowMin);
      const from = arrivedAtMin > this.resetAtMin ? arrivedAtMin : this.resetAtMin;
      this.approachStartSum -= from;
      this.waitAreaMin += nowMin - from;
    }
    const waitMin = nowMin - arrivedAtMin;
    this.waitMin.add(waitMin);
    this.periods.enter(arrivedAtMin, waitMin);
    if (holdsZone) this.zoneHeld.up(nowMin);
  }

  /**
   * The vehicle arrived at `arrivedAtMin` exits now; its waiting was `closedMin` at the closed gate, `zoneFullMin`
   * for a zone place and `stagesMin` in the stages' queues (minutes).
   */
  exit(nowMin: number, arrivedAtMin: number, tonnes: number, railcars: number, holdsZone: boolean, closedMin: number, zoneFullMin: number, stagesMin: number): void {
    this.completed++;
    this.inSystem--;
    this.tonnes += tonnes;
    this.railcars += railcars;
    this.crossingMin.add(nowMin - arrivedAtMin);
    this.waitParts.add(closedMin, zoneFullMin, stagesMin, tonnes);
    this.totalWaitMin.add(closedMin + zoneFullMin + stagesMin);
    this.periods.exit(arrivedAtMin, tonnes, closedMin, zoneFullMin, stagesMin);
    if (holdsZone) this.zoneHeld.down(nowMin);
  }

  /** Discards everything measured before `nowMin` (warm-up); vehicles inside carry on. */
  reset(nowMin: number): void {
    this.arrivals = 0;
    this.completed = 0;
    this.turnedAway = 0;
    this.divertedIn = 0;
    this.divertedOut = 0;
    this.noShows = 0;
    this.bookingWaitMin.reset();
    this.tonnes = 0;
    this.railcars = 0;
    this.inSystemAtReset = this.inSystem;
    this.approach.reset(nowMin);
    this.zoneHeld.reset(nowMin);
    this.waitMin.reset();
    this.crossingMin.reset();
    this.waitParts.reset();
    this.totalWaitMin.reset();
    this.periods.reset();
    this.waitAreaMin = 0;
    this.approachStartSum = this.approach.level * nowMin;
    this.resetAtMin = nowMin;
    this.monthStartMin = nowMin;
    this.monthAreaStart = 0;
  }

  /**
   * The current month's row, ending at `nowMin` (`month` its label); starts the next month's window. A total
   * group's counts and waits are its parts' (set by the caller into `periods.month` first).
   */
  closeMonth(month: string, nowMin: number): PeriodResult {
    const area = this.approach.integral(nowMin);
    const spanMin = nowMin - this.monthStartMin;
    const queueMean = spanMin > 0 ? (area - this.monthAreaStart) / spanMin : this.approach.level;
    const values = this.periods.month.values(MONTHLY_METRICS, queueMean, this.approach.windowMax);
    this.periods.month.reset();
    this.approach.restartWindow();
    this.monthStartMin = nowMin;
    this.monthAreaStart = area;
    return { period: month, crossing: this.crossing, direction: this.direction, vehicleClass: this.vehicleClass, values };
  }

  /** One row per hour of arrival (00–23) over the measured window (call after absorb for totals). */
  hourlyResults(): PeriodResult[] {
    return this.periods.hours.map((slot, h) => ({
      period: String(h).padStart(2, '0'),
      crossing: this.crossing,
      direction: this.direction,
      vehicleClass: this.vehicleClass,
      values: slot.values(HOURLY_METRICS),
    }));
  }

  /**
   * Little's law on the approach over the measured window, in its exact finite-horizon form: the area under
   * the queue-length curve equals the sum of the approach minutes spent inside the window by all vehicles.
   */
  littlesLaw(nowMin: number): { areaMin: number; sumOfWaitsMin: number; meanQueue: number; ratePerH: number; meanWaitH: number } {
    const areaMin = this.approach.integral(nowMin);
    const stillWaitingMin = this.approach.level * nowMin - this.approachStartSum;
    const spanMin = nowMin - this.resetAtMin;
    return {
      areaMin,
      sumOfWaitsMin: this.waitAreaMin + stillWaitingMin,
      meanQueue: spanMin > 0 ? areaMin / spanMin : 0,
      ratePerH: spanMin > 0 ? (this.waitMin.count / spanMin) * MIN_PER_H : 0,
      meanWaitH: this.waitMin.count > 0 ? this.waitMin.mean / MIN_PER_H : 0,
    };
  }

  /**
   * Folds the base groups' counts, tallies and zone occupancy into this total group (at the end of a run);
   * only the approach level is tracked live by totals, because its max and p95 are not sums of parts.
   */
  absorb(parts: GroupStats[], nowMin: number): void {
    this.waitAreaMin = 0;
    this.approachStartSum = 0;
    for (const p of parts) {
      this.arrivals += p.arrivals;
      this.completed += p.completed;
      this.turnedAway += p.turnedAway;
      this.divertedIn += p.divertedIn;
      this.divertedOut += p.divertedOut;
      this.noShows += p.noShows;
      this.bookingWaitMin.merge(p.bookingWaitMin);
      this.tonnes += p.tonnes;
      this.railcars += p.railcars;
      this.inSystem += p.inSystem;
      this.inSystemAtReset += p.inSystemAtReset;
      this.waitMin.merge(p.waitMin);
      this.crossingMin.merge(p.crossingMin);
      this.waitParts.merge(p.waitParts);
      this.totalWaitMin.merge(p.totalWaitMin);
      this.periods.merge(p.periods);
      this.zoneMeanFromParts += p.zoneHeld.mean(nowMin);
      this.waitAreaMin += p.waitAreaMin;
      this.approachStartSum += p.approachStartSum;
    }
  }

  /**
   * The group's metrics at `nowMin` (end of the run). Waits are over the vehicles that entered in the measured
   * window and crossing times over those that exited: with none, they are not defined (NaN, an empty cell),
   * rather than a 0 that would read as "no wait" and pull an average over replications down.
   */
  result(nowMin: number): GroupResult {
    const w = this.waitMin;
    const c = this.crossingMin;
    const h = (x: number): number => x / MIN_PER_H;
    const parts = this.waitParts.meansH();
    const perYear = this.waitParts.perYear(nowMin - this.resetAtMin);
    const values: Record<GroupMetric, number> = {
      arrivals: this.arrivals,
      completed: this.completed,
      in_system_end: this.inSystem,
      turned_away: this.turnedAway,
      tonnes: this.tonnes,
      railcars: this.railcars,
      approach_queue_mean: this.approach.mean(nowMin),
      approach_queue_p95: this.approach.quantile(0.95, nowMin),
      approach_queue_max: this.approach.max,
      approach_wait_h_mean: w.count > 0 ? h(w.mean) : NaN,
      approach_wait_h_p50: h(w.quantile(0.5)),
      approach_wait_h_p90: h(w.quantile(0.9)),
      approach_wait_h_p95: h(w.quantile(0.95)),
      approach_wait_h_max: w.count > 0 ? h(w.max) : NaN,
      crossing_time_h_mean: c.count > 0 ? h(c.mean) : NaN,
      crossing_time_h_p95: h(c.quantile(0.95)),
      zone_occupancy_mean: this.zoneHeld.mean(nowMin) + this.zoneMeanFromParts,
      wait_closed_h_mean: parts.closed,
      wait_zone_full_h_mean: parts.zoneFull,
      wait_stages_h_mean: parts.stages,
      wait_total_h_mean: parts.total,
      wait_total_h_p95: h(this.totalWaitMin.quantile(0.95)),
      delay_vehicle_h_per_year: perYear.vehicleH,
      delay_tonne_h_per_year: perYear.tonneH,
      diverted_in: this.divertedIn,
      diverted_out: this.divertedOut,
      no_shows: this.noShows,
      // of the arrivals (at the waiting area or on the road): 0 where nobody books, empty without arrivals
      no_show_share: this.arrivals > 0 ? this.noShows / this.arrivals : NaN,
      booking_wait_h_mean: this.bookingWaitMin.count > 0 ? h(this.bookingWaitMin.mean) : NaN,
      booking_wait_h_p95: h(this.bookingWaitMin.quantile(0.95)),
    };
    return { crossing: this.crossing, direction: this.direction, vehicleClass: this.vehicleClass, values };
  }
}
