// Demand rates: hourly profiles grouped into day parts give the same rate hour by hour as the profile
// itself, and a source's arrivals over a month match its vehicles per day within a confidence interval.
import { describe, expect, it } from 'vitest';
import { ModelClock } from '../../src/model/clock.js';
import { dayParts, DemandPlan, makeArrivals, yearScale } from '../../src/model/demand.js';
import { createStream } from '../../src/random/index.js';
import { demand } from '../helpers/scenarios.js';

const FLAT = Array.from({ length: 24 }, () => 1);
const CARS = [...Array(6).fill(0.3), 0.8, 0.8, ...Array(12).fill(1.5), ...Array(4).fill(0.7)] as number[];

describe('dayParts', () => {
  it.each([
    { name: 'a flat profile is one part', hourly: FLAT, cuts: [], factors: [1] },
    { name: 'runs of equal hours are merged', hourly: CARS, cuts: [360, 480, 1200], factors: [0.3, 0.8, 1.5, 0.7] },
    { name: 'every hour different', hourly: FLAT.map((_, h) => h + 1), cuts: FLAT.slice(1).map((_, i) => (i + 1) * 60), factors: FLAT.map((_, h) => h + 1) },
  ])('$name', ({ hourly, cuts, factors }) => {
    expect(dayParts(hourly)).toEqual({ cutsMin: cuts, factors });
  });
});

describe('DemandPlan.rate', () => {
  it('gives every hour of the year the rate of its profile (month × weekday × hour)', () => {
    const clock = new ModelClock('2023-01-01');
    const monthly = Array.from({ length: 12 }, (_, m) => 0.5 + m / 10);
    const weekday = [1, 1.1, 1.2, 1.3, 1.4, 0.6, 0.5];
    const source = demand({ id: 'cars', vehiclesPerDay: 48, growth: 1.25, profile: { monthly, weekday, hourly: CARS } });
    const plan = new DemandPlan(source, clock);
    const { parts } = plan;
    expect(parts).toEqual(dayParts(CARS));
    const rate = plan.rate();
    // the year's scale, summed here day by day: 365 days over the sum of the day weights
    let sum = 0;
    for (let day = 0; day < 365; day++) sum += monthly[clock.monthOfDay(day)]! * weekday[clock.weekdayOfDay(day) - 1]!;
    for (let day = 0; day < 365; day += 13) {
      for (let h = 0; h < 24; h++) {
        const part = parts.cutsMin.filter((c) => c <= h * 60).length;
        const want = ((48 * 1.25) / 1440) * monthly[clock.monthOfDay(day)]! * weekday[clock.weekdayOfDay(day) - 1]! * (365 / sum) * CARS[h]!;
        expect(rate(day * parts.factors.length + part)).toBeCloseTo(want, 12);
      }
    }
  });
});

describe('yearScale', () => {
  const SUMMER = [0.6, 0.6, 0.7, 0.8, 1.0, 1.3, 1.7, 1.7, 1.2, 0.9, 0.7, 0.6].map((w, _, all) => (w * 12) / all.reduce((a, b) => a + b, 0));
  const WEEKDAYS = [1.1, 1.1, 1.1, 1.1, 1.2, 0.7, 0.7];
  const HOURS = CARS.map((w) => (w * 24) / CARS.reduce((a, b) => a + b, 0)); // of mean 1, as resolved profiles are

  it('is exactly 1 for flat profiles', () => {
    const flat = demand({ id: 'flat', vehiclesPerDay: 10 });
    for (const start of ['2023-01-01', '2024-01-01', '2023-07-15']) expect(yearScale(flat, new ModelClock(start))).toBe(1);
  });

  it.each([
    { start: '2023-01-01', days: 365, unscaledBiasAtLeast: 0.002 },
    { start: '2024-01-01', days: 366, unscaledBiasAtLeast: 0.002 },
    { start: '2023-07-15', days: 366, unscaledBiasAtLeast: 0.0001 },
  ])('makes the first year from $start carry vehicles per day × $days exactly (seasonal, weekday and hourly profiles)', ({ start, days, unscaledBiasAtLeast }) => {
    const clock = new ModelClock(start);
    const source = demand({ id: 'cars', vehiclesPerDay: 300, growth: 1.1, profile: { monthly: SUMMER, weekday: WEEKDAYS, hourly: HOURS } });
    const plan = new DemandPlan(source, clock);
    const { parts } = plan;
    const rate = plan.rate();
    const lengths = [...parts.cutsMin, 1440].map((end, i, all) => end - (i > 0 ? all[i - 1]! : 0));
    let expected = 0;
    for (let day = 0; day < days; day++) lengths.forEach((len, part) => (expected += rate(day * lengths.length + part) * len));
    expect(expected / (300 * 1.1 * days)).toBeCloseTo(1, 12);
    // without the scale a calendar year would carry ≈0.3% too many (the summer months have 31 days each)
    expect(Math.abs(yearScale(source, clock) - 1)).toBeGreaterThan(unscaledBiasAtLeast);
  });

  it('gives a plan the scale of its start date: another start date gets its own', () => {
    const profile = { monthly: SUMMER, weekday: WEEKDAYS, hourly: HOURS };
    const source = demand({ id: 'a', vehiclesPerDay: 1, profile });
    const starts = ['2023-01-01', '2023-07-15', '2024-01-01'];
    const scales = starts.map((start) => new DemandPlan(source, new ModelClock(start)).scale);
    expect(new Set(scales).size).toBe(3);
    starts.forEach((start, i) => expect(yearScale(source, new ModelClock(start))).toBe(scales[i]));
  });

  it('gives day factors beyond the first table (a run of several years) as it gives the first ones', () => {
    const source = demand({ id: 'a', vehiclesPerDay: 1, profile: { monthly: SUMMER, weekday: WEEKDAYS, hourly: HOURS } });
    const clock = new ModelClock('2023-01-01');
    const late = new DemandPlan(source, clock);
    const want = (d: number) => SUMMER[clock.monthOfDay(d)]! * WEEKDAYS[clock.weekdayOfDay(d) - 1]! * late.scale;
    // asked first far out (the table grows past it), then near the start
    for (const d of [5000, 3, 366, 800, 0]) expect(late.dayFactor(d)).toBe(want(d));
  });
});

describe('makeArrivals', () => {
  it('brings vehicles per day × days on average, and none in zero-rate hours', () => {
    const clock = new ModelClock('2023-03-01');
    const hourly = [...Array(8).fill(0), ...Array(10).fill(2.4), ...Array(6).fill(0)] as number[];
    const source = demand({ id: 'day-trucks', arrivals: 'poisson', vehiclesPerDay: 30, profile: { monthly: Array(12).fill(1), weekday: Array(7).fill(1), hourly } });
    const days = 30;
    const arrivals = makeArrivals(new DemandPlan(source, clock), createStream(3, 0, 'demand'), days * 1440);
    let n = 0;
    for (let t = arrivals.next(); t !== Infinity; t = arrivals.next()) {
      const minuteOfDay = t % 1440;
      expect(minuteOfDay >= 480 && minuteOfDay <= 1080).toBe(true);
      n++;
    }
    // Poisson count with mean 30 × 30 × 24/24 × (10 × 2.4 / 24) = 900: within 4 sd.
    const mean = 30 * days;
    expect(Math.abs(n - mean)).toBeLessThan(4 * Math.sqrt(mean));
  });
});
