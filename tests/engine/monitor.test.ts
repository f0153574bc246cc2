// Monitors: Tally against simple-statistics (mean, variance, quantiles within 0.5%), merge and reset;
// LevelMonitor time-average, exact time-at-level quantiles against a brute-force reference, warm-up reset.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { mean, sampleVariance } from 'simple-statistics';
import { LevelMonitor, Tally } from '../../src/engine/index.js';
import { createStream } from '../../src/random/stream.js';

function exponentialSample(n: number, name: string, offset = 0): number[] {
  const rng = createStream(11, 0, name);
  return Array.from({ length: n }, () => offset - 30 * Math.log(1 - rng.next()));
}

describe('Tally', () => {
  it.each([
    { name: 'exponential waits', data: exponentialSample(20_000, 'tally-exp') },
    // A large offset with small spread: a naive sum-of-squares variance loses every digit here.
    { name: 'large offset', data: exponentialSample(20_000, 'tally-offset', 1e9) },
  ])('matches simple-statistics on $name', ({ data }) => {
    const t = new Tally();
    data.forEach((x) => t.add(x));
    expect(t.count).toBe(data.length);
    expect(Math.abs(t.mean / mean(data) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(t.variance / sampleVariance(data) - 1)).toBeLessThan(1e-6);
    expect(t.min).toBe(Math.min(...data));
    expect(t.max).toBe(Math.max(...data));
  });

  it('matches simple-statistics on arbitrary data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 100 }), (data) => {
        const t = new Tally();
        data.forEach((x) => t.add(x));
        const scale = Math.max(1, ...data.map(Math.abs));
        expect(Math.abs(t.mean - mean(data))).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(t.variance - sampleVariance(data))).toBeLessThanOrEqual(1e-9 * scale * scale);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('gives quantiles within 0.5% of the exact sample quantiles, exact at 0 and 1', () => {
    const data = exponentialSample(50_000, 'tally-q');
    const t = new Tally();
    data.forEach((x) => t.add(x));
    const sorted = [...data].sort((a, b) => a - b);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]) {
      const rank = q * (sorted.length - 1);
      const lo = sorted[Math.floor(rank)]!;
      const hi = sorted[Math.ceil(rank)]!;
      const v = t.quantile(q);
      expect(v, `q=${q}`).toBeGreaterThanOrEqual(lo * (1 - 0.005));
      expect(v, `q=${q}`).toBeLessThanOrEqual(hi * (1 + 0.005));
    }
    expect(t.quantile(0)).toBe(sorted[0]);
    expect(t.quantile(1)).toBe(sorted[sorted.length - 1]);
  });

  it('reports NaN before it has enough observations', () => {
    const t = new Tally();
    expect(t.quantile(0.5)).toBeNaN();
    t.add(4);
    expect(t.variance).toBeNaN();
    expect(t.quantile(0.5)).toBe(4); // clamped to the exact min and max
  });

  it('merges to the same figures as one tally of everything, and resets for warm-up', () => {
    const data = exponentialSample(10_000, 'tally-merge');
    const whole = new Tally();
    const a = new Tally();
    const b = new Tally();
    data.forEach((x, i) => {
      whole.add(x);
      (i < 3000 ? a : b).add(x);
    });
    a.merge(b);
    a.merge(new Tally()); // merging nothing changes nothing
    expect(a.count).toBe(whole.count);
    expect(a.mean).toBeCloseTo(whole.mean, 9);
    expect(a.variance / whole.variance).toBeCloseTo(1, 9);
    expect([a.min, a.max]).toEqual([whole.min, whole.max]);
    expect(a.quantile(0.9)).toBe(whole.quantile(0.9));
    a.reset();
    expect([a.count, a.sum, a.min, a.max]).toEqual([0, 0, Infinity, -Infinity]);
    a.add(2);
    a.add(4);
    expect([a.mean, a.variance, a.quantile(0), a.quantile(1)]).toEqual([3, 2, 2, 4]);
  });
});

describe('LevelMonitor', () => {
  // Level 0 on [0,10), 2 on [10,20), 5 on [20,25), 0 on [25,40).
  function example(): LevelMonitor {
    const m = new LevelMonitor(0);
    m.set(2, 10);
    m.change(3, 20);
    m.set(0, 25);
    return m;
  }

  it('integrates the level over time', () => {
    const m = example();
    expect(m.mean(40)).toBeCloseTo((2 * 10 + 5 * 5) / 40, 12);
    expect(m.integral(40)).toBe(45);
    expect(m.max).toBe(5);
    expect(Array.from(m.timeAtLevels(40))).toEqual([25, 0, 10, 0, 0, 5]);
  });

  it.each([
    { q: 0, want: 0 },
    { q: 0.5, want: 0 },
    { q: 0.625, want: 0 }, // exactly the share of time at level 0
    { q: 0.7, want: 2 },
    { q: 0.875, want: 2 },
    { q: 0.9, want: 5 },
    { q: 1, want: 5 },
  ])('time-at-level quantile $q is $want', ({ q, want }) => {
    expect(example().quantile(q, 40)).toBe(want);
  });

  it('computes exact quantiles for any step path (property, brute force reference)', () => {
    const step = fc.record({ level: fc.integer({ min: 0, max: 40 }), dt: fc.integer({ min: 0, max: 50 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (steps, tail) => {
        const m = new LevelMonitor(0);
        const minutes: number[] = []; // the level during each whole minute, for the reference
        let t = 0;
        let level = 0;
        for (const s of steps) {
          for (let k = 0; k < s.dt; k++) minutes.push(level);
          t += s.dt;
          m.set(s.level, t);
          level = s.level;
        }
        for (let k = 0; k < tail; k++) minutes.push(level);
        t += tail;
        const sorted = [...minutes].sort((a, b) => a - b);
        for (const q of [0.1, 0.5, 0.9, 0.95, 1]) {
          // smallest L with share of time at levels ≤ L at least q
          const want = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
          expect(m.quantile(q, t)).toBe(want);
        }
        expect(m.mean(t)).toBeCloseTo(mean(minutes), 9);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('forgets history on reset but carries the current level on', () => {
    const m = example();
    m.set(3, 30);
    m.reset(32); // level 3 from 30 onwards
    expect(m.max).toBe(3);
    m.set(1, 36);
    expect(m.mean(40)).toBeCloseTo((3 * 4 + 1 * 4) / 8, 12);
    expect(Array.from(m.timeAtLevels(40))).toEqual([0, 4, 0, 4]);
    expect(m.quantile(0.5, 40)).toBe(1);
  });

  it('returns the current level when no time has passed', () => {
    const m = new LevelMonitor(100);
    m.set(7, 100);
    expect(m.mean(100)).toBe(7);
    expect(m.quantile(0.5, 100)).toBe(7);
  });

  it.each([
    { level: -1, at: 5, message: /non-negative integer/ },
    { level: 1.5, at: 5, message: /non-negative integer/ },
    { level: 1, at: 1, message: /backwards/ },
  ])('rejects level $level at $at', ({ level, at, message }) => {
    const m = new LevelMonitor(0);
    m.set(1, 2);
    expect(() => m.set(level, at)).toThrow(message);
  });
});

describe('LevelMonitor.windowMax', () => {
  it('is the highest level since the window restarted, starting from the level then', () => {
    const m = new LevelMonitor(0);
    m.up(1); m.up(2); m.up(3); m.down(4); m.down(5);
    expect([m.max, m.windowMax, m.level]).toEqual([3, 3, 1]);
    m.restartWindow();
    expect(m.windowMax).toBe(1);
    m.up(6);
    m.down(7);
    m.set(0, 8);
    expect([m.max, m.windowMax]).toEqual([3, 2]);
    m.reset(9);
    expect(m.windowMax).toBe(0);
  });
});
