// Demand as time-varying Poisson arrivals: a source's vehicles per day shaped by its monthly, weekday
// and hour-of-day profiles (averaging 1 over the first year) and growth, as a rate that is constant over
// each run of equal hourly factors.
import { PiecewiseRateArrivals, type Rng } from '../random/index.js';
import type { DemandSource } from '../scenario/types.js';
import { DAY_MIN, type ModelClock } from './clock.js';
import { ObjectMemo } from './memo.js';
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
 * Arrivals per minute of `source` in segment `index` of its day parts (segment = day × parts + part, day 0 =
 * the start date): vehicles per day × growth × monthly × weekday × the year's scale × the part's hourly
 * factor / 1440. The scale (yearScale) makes the first year from the start date carry vehicles per day × its
 * days on average, whatever the months' lengths and the weekdays it holds.
 */
export function makePartRate(source: DemandSource, clock: ModelClock, parts: DayParts): (index: number) => number {
  const basePerMin = (source.vehiclesPerDay * source.growth) / DAY_MIN;
  const { monthly, weekday } = source.profile;
  const scale = yearScale(source, clock);
  const n = parts.factors.length;
  let cachedDay = -1;
  let dayFactor = 0;
  return (index: number): number => {
    const day = Math.floor(index / n);
    if (day !== cachedDay) {
      cachedDay = day;
      dayFactor = (monthly[clock.monthOfDay(day)] ?? 1) * (weekday[clock.weekdayOfDay(day) - 1] ?? 1) * scale;
    }
    return basePerMin * dayFactor * parts.factors[index - day * n]!;
  };
}

/** Year scales already computed, by profile and start date (every replication of a scenario asks again). */
const yearScales = new ObjectMemo<DemandSource['profile'], number>();

/**
 * The factor that turns a source's monthly × weekday weights (each of mean 1 over its 12 or 7 entries) into
 * day factors of mean exactly 1 over the first year from the start date: months differ in length and a year
 * is not a whole number of weeks, so a summer-heavy profile would otherwise add ≈0.3% a year. 1 (exactly)
 * for flat profiles. Remembered per profile object and start date.
 */
export function yearScale(source: DemandSource, clock: ModelClock): number {
  return yearScales.get(source.profile, clock.startDate, () => computeYearScale(source, clock));
}

function computeYearScale(source: DemandSource, clock: ModelClock): number {
  const { monthly, weekday } = source.profile;
  const days = clock.daysInFirstYear;
  let sum = 0;
  for (let day = 0; day < days; day++) sum += (monthly[clock.monthOfDay(day)] ?? 1) * (weekday[clock.weekdayOfDay(day) - 1] ?? 1);
  return sum > 0 ? days / sum : 1;
}

/** The arrival process of one demand source over [0, endMin): Poisson from `rng`, or regular. */
export function makeArrivals(source: DemandSource, clock: ModelClock, rng: Rng, endMin: number): PiecewiseRateArrivals {
  const parts = dayParts(source.profile.hourly);
  return new PiecewiseRateArrivals({
    segmentMin: DAY_MIN,
    cutsMin: parts.cutsMin,
    rateAt: makePartRate(source, clock, parts),
    rng,
    increments: source.arrivals === 'regular' ? 'unit' : 'exponential',
    startMin: 0,
    endMin,
  });
}
