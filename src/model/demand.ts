// Demand as time-varying Poisson arrivals: a source's vehicles per day shaped by its monthly, weekday
// and hour-of-day profiles (averaging 1 over the first year) and growth, as a rate that is constant over
// each run of equal hourly factors. A DemandPlan holds what a source's rate needs (its day parts, the year's
// scale, each day's factor), computed once per scenario; each replication makes its arrivals from it.
import { PiecewiseRateArrivals, type Rng } from '../random/index.js';
import type { DemandSource } from '../scenario/types.js';
import { DAY_MIN, type ModelClock } from './clock.js';
import { MIN_PER_H } from '../units.js';

/** A day split where the hourly factor changes: each part's end (minutes after midnight) and its factor. */
export interface DayParts {
  /** Minutes after local midnight where a part ends and the next begins (empty for a flat profile). */
  cutsMin: number[];
  /** Hourly factor of each part (cutsMin.length + 1 entries). */
  factors: number[];
}

/** Groups the 24 hourly factors into runs of equal value (a flat profile is one part: the whole day). */
export function dayParts(hourly: readonly number[]): DayParts {
  const cutsMin: number[] = [];
  const factors: number[] = [hourly[0] ?? 1];
  for (let h = 1; h < 24; h++) {
    const f = hourly[h] ?? 1;
    if (f !== factors[factors.length - 1]) {
      cutsMin.push(h * MIN_PER_H);
      factors.push(f);
    }
  }
  return { cutsMin, factors };
}

/**
 * The factor that turns a source's monthly × weekday weights (each of mean 1 over its 12 or 7 entries) into
 * day factors of mean exactly 1 over the first year from the start date: months differ in length and a year
 * is not a whole number of weeks, so a summer-heavy profile would otherwise add ≈0.3% a year. 1 (exactly)
 * for flat profiles.
 */
export function yearScale(source: DemandSource, clock: ModelClock): number {
  const { monthly, weekday } = source.profile;
  const days = clock.daysInFirstYear;
  let sum = 0;
  for (let day = 0; day < days; day++) sum += (monthly[clock.monthOfDay(day)] ?? 1) * (weekday[clock.weekdayOfDay(day) - 1] ?? 1);
  return sum > 0 ? days / sum : 1;
}

/** What a source's arrivals need, computed once per scenario: day parts, base rate, year scale, day factors. */
export class DemandPlan {
  readonly parts: DayParts;
  /** Vehicles per day × growth / 1440. */
  readonly basePerMin: number;
  readonly scale: number;
  readonly increments: 'unit' | 'exponential';
  /** monthly × weekday × scale of each day from the start date, filled as far as a run has asked. */
  private dayFactors = new Float64Array(0);

  constructor(
    readonly source: DemandSource,
    private readonly clock: ModelClock,
  ) {
    this.parts = dayParts(source.profile.hourly);
    this.basePerMin = (source.vehiclesPerDay * source.growth) / DAY_MIN;
    this.scale = yearScale(source, clock);
    this.increments = source.arrivals === 'regular' ? 'unit' : 'exponential';
  }

  /** The day factor of day index `day` (0 = the start date): monthly × weekday × the year's scale. */
  dayFactor(day: number): number {
    if (day >= this.dayFactors.length) this.extendTo(day);
    return this.dayFactors[day]!;
  }

  /**
   * Arrivals per minute in segment `index` of the day parts (segment = day × parts + part): vehicles per day ×
   * growth × monthly × weekday × the year's scale × the part's hourly factor / 1440. The scale makes the first
   * year from the start date carry vehicles per day × its days on average, whatever its months and weekdays.
   */
  rate(): (index: number) => number {
    const basePerMin = this.basePerMin;
    const factors = this.parts.factors;
    const n = factors.length;
    return (index: number): number => {
      const day = Math.floor(index / n);
      return basePerMin * this.dayFactor(day) * factors[index - day * n]!;
    };
  }

  private extendTo(day: number): void {
    const { monthly, weekday } = this.source.profile;
    const old = this.dayFactors;
    const next = new Float64Array(Math.max(day + 1, 2 * old.length, 366));
    next.set(old);
    for (let d = old.length; d < next.length; d++) next[d] = (monthly[this.clock.monthOfDay(d)] ?? 1) * (weekday[this.clock.weekdayOfDay(d) - 1] ?? 1) * this.scale;
    this.dayFactors = next;
  }
}

/** The arrival process of one demand source over [0, endMin): Poisson from `rng`, or regular. */
export function makeArrivals(plan: DemandPlan, rng: Rng, endMin: number): PiecewiseRateArrivals {
  return new PiecewiseRateArrivals({
    segmentMin: DAY_MIN,
    cutsMin: plan.parts.cutsMin,
    rateAt: plan.rate(),
    rng,
    increments: plan.increments,
    startMin: 0,
    endMin,
  });
}
