// Piecewise-rate Poisson arrivals: counts match the integrated rate (mean ≈ variance), zero-rate
// segments stay empty, short high-rate windows are never skipped, and the process ends at endMin.
import { describe, expect, it } from 'vitest';
import { mean, sampleVariance } from 'simple-statistics';
import { createStream, PiecewiseRateArrivals } from '../../src/random/index.js';

const Z = 4.5;

/** Mean within Z standard errors of λ, and sample variance within Z SE of λ (Poisson: Var(s²) ≈ (λ + 2λ²)/n). */
function expectPoisson(counts: number[], lambda: number): void {
  const n = counts.length;
  expect(Math.abs(mean(counts) - lambda)).toBeLessThan(Z * Math.sqrt(lambda / n));
  expect(Math.abs(sampleVariance(counts) - lambda)).toBeLessThan(Z * Math.sqrt((lambda + 2 * lambda * lambda) / n));
}

function collect(arrivals: PiecewiseRateArrivals): number[] {
  const out: number[] = [];
  for (let t = arrivals.next(); t !== Infinity; t = arrivals.next()) out.push(t);
  return out;
}

describe('PiecewiseRateArrivals', () => {
  // A 500-minute period of 5-minute segments: a 5-minute burst (2/min) between long zero-rate
  // stretches, and a 100-minute low-rate stretch (0.1/min). Both windows expect 10 arrivals.
  const segmentMin = 5;
  const periodSegments = 100;
  const periods = 2000;
  const rateOf = (seg: number): number => {
    const k = seg % periodSegments;
    if (k === 37) return 2;
    if (k >= 60 && k < 80) return 0.1;
    return 0;
  };

  it('matches the integrated rate per window, never arrives in a zero-rate segment, and increases', () => {
    let calls = 0;
    const arrivals = new PiecewiseRateArrivals({
      segmentMin,
      rateAt: (seg) => {
        calls++;
        return rateOf(seg);
      },
      rng: createStream(21, 0, 'nhpp/burst'),
      endMin: periods * periodSegments * segmentMin,
    });
    const times = collect(arrivals);
    const burst = new Array<number>(periods).fill(0);
    const low = new Array<number>(periods).fill(0);
    let previous = -Infinity;
    let inZero = 0;
    let notIncreasing = 0;
    for (const t of times) {
      if (!(t > previous)) notIncreasing++;
      previous = t;
      const seg = Math.floor(t / segmentMin);
      const period = Math.floor(seg / periodSegments);
      if (rateOf(seg) === 0) inZero++;
      else if (seg % periodSegments === 37) burst[period]! += 1;
      else low[period]! += 1;
    }
    expect(inZero).toBe(0);
    expect(notIncreasing).toBe(0);
    expectPoisson(burst, 10);
    expectPoisson(low, 10);
    expect(calls).toBe(periods * periodSegments); // each segment's rate fetched exactly once
  });

  it('never skips a one-minute window of 50/min between zero-rate hours', () => {
    const counts: number[] = [];
    for (let rep = 0; rep < 400; rep++) {
      const arrivals = new PiecewiseRateArrivals({
        segmentMin: 1,
        rateAt: (seg) => (seg === 600 ? 50 : 0),
        rng: createStream(22, rep, 'nhpp/spike'),
        endMin: 1440,
      });
      const times = collect(arrivals);
      expect(times.every((t) => t >= 600 && t < 601)).toBe(true);
      counts.push(times.length);
    }
    expectPoisson(counts, 50);
  });

  it('starts mid-segment at startMin and stops before a mid-segment endMin', () => {
    const counts: number[] = [];
    const gaps: number[] = [];
    for (let rep = 0; rep < 2000; rep++) {
      const arrivals = new PiecewiseRateArrivals({
        segmentMin: 60,
        rateAt: () => 0.5,
        rng: createStream(23, rep, 'nhpp/constant'),
        startMin: 7.5,
        endMin: 47.5,
      });
      const times = collect(arrivals);
      expect(times.every((t) => t >= 7.5 && t < 47.5)).toBe(true);
      if (times.length > 0) gaps.push(times[0]! - 7.5);
      counts.push(times.length);
      expect([arrivals.next(), arrivals.next()]).toEqual([Infinity, Infinity]);
    }
    expectPoisson(counts, 0.5 * 40);
    // First gap is Exp(0.5) truncated at 40 min (P = e^-20, negligible): mean 2, sd 2.
    expect(Math.abs(mean(gaps) - 2)).toBeLessThan(Z * (2 / Math.sqrt(gaps.length)));
  });

  it('with unit increments places an arrival each time the integrated rate grows by one', () => {
    // 0.5/min for 10 min, nothing for 10 min, then 2/min: arrivals at 2,4,…,10, then 20.5, 21, 21.5, …
    const rateAt = (s: number): number => (s < 10 ? 0.5 : s < 20 ? 0 : 2);
    const arrivals = new PiecewiseRateArrivals({ segmentMin: 1, rateAt, rng: createStream(1, 0, 'unused'), endMin: 22, increments: 'unit' });
    const got: number[] = [];
    for (let t = arrivals.next(); t !== Infinity; t = arrivals.next()) got.push(Math.round(t * 1e9) / 1e9);
    expect(got).toEqual([2, 4, 6, 8, 10, 20.5, 21, 21.5]);
  });

  it('with cuts gives the same arrivals as equal-length segments carrying the same rates', () => {
    // Hourly rates over a day that change only at 06:00, 08:00 and 20:00: the cut day walks 4 parts, not 24 hours.
    const hourly = (h: number): number => (h < 6 ? 0.01 : h < 8 ? 0.05 : h < 20 ? 0.2 : 0.03);
    const cuts = [360, 480, 1200];
    const partRate = [0.01, 0.05, 0.2, 0.03];
    const dayFactor = (day: number): number => 1 + (day % 7) / 10;
    const endMin = 30 * 1440 + 700; // ends inside a part
    for (const increments of ['exponential', 'unit'] as const) {
      const hours = collect(new PiecewiseRateArrivals({
        segmentMin: 60, rateAt: (i) => dayFactor(Math.floor(i / 24)) * hourly(i % 24),
        rng: createStream(7, 0, 'cuts'), endMin, increments,
      }));
      const parts = collect(new PiecewiseRateArrivals({
        segmentMin: 1440, cutsMin: cuts, rateAt: (i) => dayFactor(Math.floor(i / 4)) * partRate[i % 4]!,
        rng: createStream(7, 0, 'cuts'), endMin, increments,
      }));
      expect(parts.length).toBe(hours.length);
      expect(parts.length).toBeGreaterThan(100);
      parts.forEach((t, i) => expect(Math.abs(t - hours[i]!)).toBeLessThan(1e-6));
    }
  });

  it('with cuts starts in the part that holds startMin', () => {
    // Rate 1/min only in the part [600, 900) of each 1000-min period; unit arrivals from 700 fall at 701, 702, …
    const arrivals = new PiecewiseRateArrivals({
      segmentMin: 1000, cutsMin: [600, 900], rateAt: (i) => (i % 3 === 1 ? 1 : 0),
      rng: createStream(1, 0, 'unused'), startMin: 700, endMin: 1605, increments: 'unit',
    });
    const got = collect(arrivals).map((t) => Math.round(t * 1e9) / 1e9);
    expect(got.slice(0, 3)).toEqual([701, 702, 703]);
    // 701…900 (the last exactly at the part's end), then 1601…1604 (an arrival at endMin = 1605 is not made)
    expect(got.length).toBe(200 + 4);
    expect(got[199]).toBe(900);
    expect(got[200]).toBe(1601);
  });

  it('returns Infinity for an all-zero horizon without looping forever', () => {
    const arrivals = new PiecewiseRateArrivals({ segmentMin: 60, rateAt: () => 0, rng: createStream(1, 0, 'zero'), endMin: 10 * 525_600 });
    expect(arrivals.next()).toBe(Infinity);
    expect(arrivals.next()).toBe(Infinity);
  });

  it('rejects bad options and bad rates with the value in the message', () => {
    const rng = createStream(1, 0, 'bad');
    expect(() => new PiecewiseRateArrivals({ segmentMin: 0, rateAt: () => 1, rng, endMin: 10 })).toThrow(/segmentMin must be a finite number > 0, got 0/);
    expect(() => new PiecewiseRateArrivals({ segmentMin: 1, rateAt: () => 1, rng, startMin: 5, endMin: 4 })).toThrow(/endMin must be .* got 4/);
    expect(() => new PiecewiseRateArrivals({ segmentMin: 1, rateAt: () => 1, rng, endMin: Infinity })).toThrow(/endMin/);
    expect(() => new PiecewiseRateArrivals({ segmentMin: 60, cutsMin: [30, 20], rateAt: () => 1, rng, endMin: 10 })).toThrow(/cutsMin\[1\] must be in \(30, 60\) .* got 20/);
    expect(() => new PiecewiseRateArrivals({ segmentMin: 60, cutsMin: [60], rateAt: () => 1, rng, endMin: 10 })).toThrow(/cutsMin\[0\] .* got 60/);
    const negative = new PiecewiseRateArrivals({ segmentMin: 1, rateAt: (s) => (s < 3 ? 0 : -2), rng, endMin: 10 });
    expect(() => negative.next()).toThrow('rate of segment 3 must be a finite number >= 0 arrivals/min, got -2');
    expect(() => new PiecewiseRateArrivals({ segmentMin: 1, rateAt: () => Number.NaN, rng, endMin: 10 })).toThrow(/got NaN/);
  });
});
