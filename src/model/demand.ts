// Demand as time-varying Poisson arrivals: a source's vehicles per day shaped by its monthly, weekday
// and hour-of-day profiles and growth, as a piecewise-constant rate per local hour.
import { PiecewiseRateArrivals, type Rng } from '../random/index.js';
import type { DemandSource } from '../scenario/types.js';
import { DAY_MIN, type ModelClock } from './clock.js';

const HOUR_MIN = 60;

/** Arrivals per minute of `source` in local hour `hourIndex` (hour 0 = 00:00–01:00 on the start date). */
export function makeHourlyRate(source: DemandSource, clock: ModelClock): (hourIndex: number) => number {
  const basePerMin = (source.vehiclesPerDay * source.growth) / DAY_MIN;
  const { monthly, weekday, hourly } = source.profile;
  let cachedDay = -1;
  let dayFactor = 0;
  return (hourIndex: number): number => {
    const day = Math.floor(hourIndex / 24);
    if (day !== cachedDay) {
      cachedDay = day;
      dayFactor = (monthly[clock.monthOfDay(day)] ?? 1) * (weekday[clock.weekdayOfDay(day) - 1] ?? 1);
    }
    return basePerMin * dayFactor * (hourly[hourIndex - day * 24] ?? 1);
  };
}

/** The arrival process of one demand source over [0, endMin): Poisson from `rng`, or regular. */
export function makeArrivals(source: DemandSource, clock: ModelClock, rng: Rng, endMin: number): PiecewiseRateArrivals {
  return new PiecewiseRateArrivals({
    segmentMin: HOUR_MIN,
    rateAt: makeHourlyRate(source, clock),
    rng,
    increments: source.arrivals === 'regular' ? 'unit' : 'exponential',
    startMin: 0,
    endMin,
  });
}
