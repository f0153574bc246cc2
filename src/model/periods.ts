// Figures of one group by calendar month and by hour of arrival: counts, approach waits (mean, p95) and the wait
// parts. A month is closed when the run passes its last day; hours of arrival accumulate over the whole window.
import { Tally } from '../engine/index.js';
import { WaitParts } from './waits.js';
import type { HourlyMetric, MonthlyMetric } from './results.js';
import { MIN_PER_H } from '../units.js';

const HOURS_PER_DAY = 24;
/**
 * Relative error of the months' and hours' wait percentiles: 2% (the run's own are within 0.5%). A sketch's memory
 * and merge time grow with the log range over ln(1 + error): a wait range of 0.01–1000 min takes ≈290 buckets at 2%
 * against ≈1,150 at 0.5%, and a replication makes some 2,000 of these sketches.
 */
export const PERIOD_RELATIVE_ERROR = 0.02;

/** Local hour of day (0–23) of an instant in minutes since 00:00 local on the start date. */
export function hourOfDay(atMin: number): number {
  return Math.floor(atMin / MIN_PER_H) % HOURS_PER_DAY;
}

/** One period's accumulators. */
export class PeriodSlot {
  arrivals = 0;
  /** Corridor vehicles that chose this crossing over their fixed route, and those that left it for another. */
  divertedIn = 0;
  divertedOut = 0;
  tonnes = NaN;
  /** Approach waits, minutes, of the vehicles counted in this period. */
  readonly waitMin = new Tally(PERIOD_RELATIVE_ERROR);
  /** The completed vehicles' wait parts (its count is the period's completed vehicles). */
  readonly parts = new WaitParts();

  constructor() {
    this.tonnes = 0;
  }

  /** Adds another slot's figures (totals over directions or classes). */
  merge(o: PeriodSlot): void {
    this.arrivals += o.arrivals;
    this.divertedIn += o.divertedIn;
    this.divertedOut += o.divertedOut;
    this.tonnes += o.tonnes;
    this.waitMin.merge(o.waitMin);
    this.parts.merge(o.parts);
  }

  reset(): void {
    this.arrivals = 0;
    this.divertedIn = 0;
    this.divertedOut = 0;
    this.tonnes = 0;
    this.waitMin.reset();
    this.parts.reset();
  }

  /**
   * The slot's values in the order of `metrics` (MONTHLY_METRICS or HOURLY_METRICS), waits in hours (NaN where no
   * vehicle defines them); the approach queue's mean and max are the caller's (a month's), NaN when not given.
   */
  values(metrics: readonly (MonthlyMetric | HourlyMetric)[], queueMean = NaN, queueMax = NaN): number[] {
    const w = this.waitMin;
    const parts = this.parts.meansH();
    const v: Record<MonthlyMetric | HourlyMetric, number> = {
      arrivals: this.arrivals,
      completed: this.parts.count,
      tonnes: this.tonnes,
      approach_wait_h_mean: w.count > 0 ? w.mean / MIN_PER_H : NaN,
      approach_wait_h_p95: w.quantile(0.95) / MIN_PER_H,
      wait_closed_h_mean: parts.closed,
      wait_zone_full_h_mean: parts.zoneFull,
      wait_stages_h_mean: parts.stages,
      wait_total_h_mean: parts.total,
      approach_queue_mean: queueMean,
      approach_queue_max: queueMax,
      diverted_in: this.divertedIn,
      diverted_out: this.divertedOut,
    };
    return metrics.map((m) => v[m]);
  }
}

/**
 * A group's current month and its 24 hours of arrival. Arrivals count in the month they happen and the hour of
 * day they happen; an approach wait in the month the vehicle leaves the approach and the hour it arrived; a
 * completed vehicle's tonnes and wait parts in the month it exits and the hour it arrived.
 */
export class GroupPeriods {
  readonly month = new PeriodSlot();
  readonly hours: PeriodSlot[] = Array.from({ length: HOURS_PER_DAY }, () => new PeriodSlot());

  arrive(nowMin: number): void {
    this.month.arrivals++;
    this.hours[hourOfDay(nowMin)]!.arrivals++;
  }

  enter(arrivedAtMin: number, waitMin: number): void {
    this.month.waitMin.addToBoth(this.hours[hourOfDay(arrivedAtMin)]!.waitMin, waitMin);
  }

  exit(arrivedAtMin: number, tonnes: number, closedMin: number, zoneFullMin: number, stagesMin: number): void {
    const m = this.month;
    m.tonnes += tonnes;
    m.parts.add(closedMin, zoneFullMin, stagesMin, tonnes);
    const h = this.hours[hourOfDay(arrivedAtMin)]!;
    h.tonnes += tonnes;
    h.parts.add(closedMin, zoneFullMin, stagesMin, tonnes);
  }

  /** Adds another group's month and hours (totals). */
  merge(o: GroupPeriods): void {
    this.month.merge(o.month);
    for (let h = 0; h < HOURS_PER_DAY; h++) this.hours[h]!.merge(o.hours[h]!);
  }

  /** Forgets everything (warm-up). */
  reset(): void {
    this.month.reset();
    for (const h of this.hours) h.reset();
  }
}
