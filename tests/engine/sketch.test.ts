// QuantileSketch: every quantile lies within the stated relative error of the exact sample quantile
// (rank q·(n−1)), for positive, negative and zero values, after merging, with memory bounded by the range.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { QuantileSketch, Tally } from '../../src/engine/index.js';
import { createStream } from '../../src/random/stream.js';

const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/**
 * The bracket a sketch answer must fall in: the order statistics at floor and ceil of rank q·(n−1),
 * widened by the relative error α on the side away from zero (a value v is represented within |v|·α).
 */
function bracket(sorted: number[], q: number, alpha: number): [number, number] {
  const rank = q * (sorted.length - 1);
  const lo = sorted[Math.floor(rank)]!;
  const hi = sorted[Math.ceil(rank)]!;
  return [lo - Math.abs(lo) * alpha, hi + Math.abs(hi) * alpha];
}

function expectWithinBracket(sketch: QuantileSketch, values: number[], alpha: number): void {
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QS) {
    const [lo, hi] = bracket(sorted, q, alpha);
    const v = sketch.quantile(q);
    // a tiny absolute slack for float rounding in γ^i
    expect(v, `q=${q}`).toBeGreaterThanOrEqual(lo - 1e-12 * Math.abs(lo));
    expect(v, `q=${q}`).toBeLessThanOrEqual(hi + 1e-12 * Math.abs(hi));
  }
}

/** Lognormal-ish positive data spanning several decades, from a seeded stream. */
function skewedSample(n: number, name: string): number[] {
  const rng = createStream(7, 0, name);
  return Array.from({ length: n }, () => Math.exp(6 * rng.next() - 3) * -Math.log(1 - rng.next()));
}

describe('QuantileSketch accuracy', () => {
  it.each([0.005, 0.01, 0.05])('stays within relative error %f on 50,000 skewed values', (alpha) => {
    const values = skewedSample(50_000, `skewed-${alpha}`);
    const s = new QuantileSketch(alpha);
    values.forEach((v) => s.add(v));
    expect(s.count).toBe(values.length);
    expectWithinBracket(s, values, alpha);
  });

  it('handles negative values, zeros and tiny magnitudes (property)', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constant(0),
      fc.double({ min: -1e-10, max: 1e-10, noNaN: true }), // counted as zero: within absolute 1e-9
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
        const s = new QuantileSketch(0.005);
        values.forEach((v) => s.add(v));
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of QS) {
          const [lo, hi] = bracket(sorted, q, 0.005);
          const v = s.quantile(q);
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9 - 1e-12 * Math.abs(lo));
          expect(v).toBeLessThanOrEqual(hi + 1e-9 + 1e-12 * Math.abs(hi));
        }
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('answers the same after merging two halves as one sketch of everything', () => {
    const values = skewedSample(20_000, 'merge');
    const whole = new QuantileSketch();
    const a = new QuantileSketch();
    const b = new QuantileSketch();
    values.forEach((v, i) => {
      whole.add(v);
      (i % 2 === 0 ? a : b).add(-v * (i % 3 === 0 ? 1 : -1)); // mix signs in both halves
    });
    const mixed = new QuantileSketch();
    values.forEach((v, i) => mixed.add(-v * (i % 3 === 0 ? 1 : -1)));
    a.merge(b);
    expect(a.count).toBe(values.length);
    for (const q of QS) expect(a.quantile(q)).toBe(mixed.quantile(q));
    expect(() => a.merge(new QuantileSketch(0.01))).toThrow(RangeError);
  });

  it('answers a rank between the last negative value and the next one with a value it holds, not an empty bucket', () => {
    // Rank 0.75·2 = 1.5 lies between −1e-6 (rank 1) and 1e-6 (rank 2): the answer is one of them (within α).
    const s = new QuantileSketch(0.005);
    for (const x of [-1.0054e-6, -1e-6, 1e-6]) s.add(x);
    const v = s.quantile(0.75);
    const near = (x: number): boolean => Math.abs(v - x) <= Math.abs(x) * 0.005 + 1e-15;
    expect(near(-1e-6) || near(1e-6)).toBe(true);
  });

  it('merges sketches of any ranges (disjoint, nested, one empty) into exactly the sketch of all their values', () => {
    const value = fc.oneof(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.double({ min: -1e6, max: -1e-6, noNaN: true }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), (xs, ys) => {
        const a = new QuantileSketch();
        const b = new QuantileSketch();
        const whole = new QuantileSketch();
        for (const x of xs) { a.add(x); whole.add(x); }
        for (const y of ys) { b.add(y); whole.add(y); }
        a.merge(b);
        expect(a.count).toBe(whole.count);
        for (const q of QS) expect(Object.is(a.quantile(q), whole.quantile(q))).toBe(true);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe('QuantileSketch memory and errors', () => {
  it('keeps its bucket count independent of the number of values', () => {
    // Values cycle over [1, 1000]: 10,000 and 1,000,000 of them need the same buckets.
    const fill = (n: number): QuantileSketch => {
      const s = new QuantileSketch(0.005);
      for (let i = 0; i < n; i++) s.add(1 + ((i * 7919) % 999_001) / 1000);
      return s;
    };
    const small = fill(10_000);
    const large = fill(1_000_000);
    expect(large.bucketCount).toBe(small.bucketCount);
    // A range of 1000 needs ln(1000)/ln(γ) ≈ 691 buckets; allow the doubling growth's slack (see below).
    const gamma = 1.005 / 0.995;
    expect(large.bucketCount).toBeLessThanOrEqual(4 * Math.ceil(Math.log(1000) / Math.log(gamma)) + 256);
  });

  it('bounds memory for values spanning 1e-6 to 1e6 minutes', () => {
    const s = new QuantileSketch(0.005);
    const rng = createStream(3, 0, 'span');
    for (let i = 0; i < 200_000; i++) s.add(Math.pow(10, 12 * rng.next() - 6));
    const needed = Math.ceil(Math.log(1e12) / Math.log(1.005 / 0.995)); // 2,763 buckets of 8 bytes
    // The dense array doubles when a value falls outside it; growth that alternates between the two ends
    // doubles each time, so it can reach about 4× the range it covers (still ~90 KB here, whatever n is).
    expect(s.bucketCount).toBeGreaterThanOrEqual(needed);
    expect(s.bucketCount).toBeLessThanOrEqual(4 * needed + 256);
  });

  it.each([0, 1, -0.1, Number.NaN])('rejects relative error %f', (alpha) => {
    expect(() => new QuantileSketch(alpha)).toThrow(RangeError);
  });

  it('rejects NaN and infinite values and answers NaN when empty or cleared', () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNaN();
    expect(() => s.add(Number.NaN)).toThrow(RangeError);
    // an infinity used to be counted without a bucket, shifting every rank after it
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(() => s.add(-Infinity)).toThrow(RangeError);
    expect(s.count).toBe(0);
    s.add(5);
    s.clear();
    expect(s.count).toBe(0);
    expect(s.quantile(0.5)).toBeNaN();
  });
});

describe('QuantileSketch.clear (property)', () => {
  it('answers after clear() and refill exactly as a fresh sketch of the same values, whatever it held before', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 });
    fc.assert(
      fc.property(values, values, fc.constantFrom(0, 0.05, 0.33, 0.5, 0.95, 1), (before, after, q) => {
        const reused = new QuantileSketch();
        for (const x of before) reused.add(x);
        reused.clear();
        const fresh = new QuantileSketch();
        for (const x of after) {
          reused.add(x);
          fresh.add(x);
        }
        expect(Object.is(reused.quantile(q), fresh.quantile(q)) || reused.quantile(q) === fresh.quantile(q)).toBe(true);
        expect(reused.count).toBe(fresh.count);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});

describe('QuantileSketch.addToBoth and Tally.addToBoth (property)', () => {
  const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0), fc.double({ min: 1e-12, max: 1e-8, noNaN: true }));

  it('leave both sketches and both tallies as adding each value to each would', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.array(value, { maxLength: 50 }), (both, onlyFirst) => {
        const [a, b, refA, refB] = [0, 1, 2, 3].map(() => new QuantileSketch(0.02));
        const [ta, tb, refTa, refTb] = [0, 1, 2, 3].map(() => new Tally(0.02));
        for (const x of onlyFirst) {
          a!.add(x);
          refA!.add(x);
          ta!.add(x);
          refTa!.add(x);
        }
        for (const x of both) {
          a!.addToBoth(b!, x);
          refA!.add(x);
          refB!.add(x);
          ta!.addToBoth(tb!, x);
          refTa!.add(x);
          refTb!.add(x);
        }
        for (const q of [0, 0.05, 0.5, 0.95, 1]) {
          expect(a!.quantile(q)).toBe(refA!.quantile(q));
          expect(b!.quantile(q)).toBe(refB!.quantile(q));
          expect(ta!.quantile(q)).toBe(refTa!.quantile(q));
          expect(tb!.quantile(q)).toBe(refTb!.quantile(q));
        }
        for (const [t, r] of [[ta!, refTa!], [tb!, refTb!]] as const) {
          expect([t.count, t.mean, t.variance, t.min, t.max, t.sum]).toEqual([r.count, r.mean, r.variance, r.min, r.max, r.sum]);
        }
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('refuses sketches of different relative errors, and values without a bucket', () => {
    expect(() => new QuantileSketch(0.02).addToBoth(new QuantileSketch(0.005), 1)).toThrow(RangeError);
    expect(() => new QuantileSketch(0.02).addToBoth(new QuantileSketch(0.02), NaN)).toThrow(RangeError);
  });
});
