// Sampling: every family's sample mean and variance agree with distMean/distVariance (z-tests), and
// properties that hold for any valid parameters (non-negative draws, support bounds, sampleDist ≡ makeSampler).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { mean, sampleKurtosis, sampleVariance } from 'simple-statistics';
import { createStream, distMean, distVariance, makeSampler, sampleDist, type Dist } from '../../src/random/index.js';

const N = 200_000;
const Z = 4.5;

const families: [string, Dist][] = [
  ['exponential', { kind: 'exponential', mean: 4 }],
  ['uniform', { kind: 'uniform', min: 2, max: 8 }],
  ['triangular', { kind: 'triangular', min: 0, mode: 1, max: 4 }],
  ['triangular, mode at max', { kind: 'triangular', min: 3, mode: 5, max: 5 }],
  ['normal, mild truncation', { kind: 'normal', mean: 10, sd: 4 }],
  ['normal, half-normal', { kind: 'normal', mean: 0, sd: 2 }],
  ['normal, heavy truncation', { kind: 'normal', mean: 0.5, sd: 3 }],
  ['lognormal', { kind: 'lognormal', mean: 30, sd: 15 }],
  ['gamma, shape > 1', { kind: 'gamma', shape: 2.5, scale: 3 }],
  ['gamma, shape < 1 (boost)', { kind: 'gamma', shape: 0.6, scale: 5 }],
  ['erlang, k = 1', { kind: 'erlang', k: 1, mean: 6 }],
  ['erlang, k = 3 (product)', { kind: 'erlang', k: 3, mean: 6 }],
  ['erlang, k = 40 (gamma)', { kind: 'erlang', k: 40, mean: 6 }],
  ['empirical', { kind: 'empirical', values: [1, 2, 10, 7], weights: [1, 1, 2, 0] }],
  ['empirical, many values', { kind: 'empirical', values: [...Array(50).keys()], weights: [...Array(50).keys()].map((i) => (i % 7) + 1) }],
  ['piecewise, unsorted input', { kind: 'piecewise', sample: [3, 0, 1, 1, 8] }],
];

describe('makeSampler against the analytic moments', () => {
  it.each(families)('%s: mean and variance within 4.5 standard errors', (label, dist) => {
    const draw = makeSampler(dist);
    const rng = createStream(11, 0, `dist-test/${label}`);
    const xs = Array.from({ length: N }, () => draw(rng));
    const mu = distMean(dist);
    const s2 = sampleVariance(xs);
    expect(Math.abs(mean(xs) - mu)).toBeLessThan(Z * Math.sqrt(distVariance(dist) / N));
    // SE of the sample variance is s²·sqrt((excess kurtosis + 2)/n).
    const seVar = s2 * Math.sqrt((sampleKurtosis(xs) + 2) / N);
    expect(Math.abs(s2 - distVariance(dist))).toBeLessThan(Z * seVar);
  });

  it('returns the constant for fixed and degenerate families', () => {
    const rng = createStream(1, 0, 'degenerate');
    const constants: [Dist, number][] = [
      [{ kind: 'fixed', value: 3 }, 3],
      [{ kind: 'uniform', min: 2, max: 2 }, 2],
      [{ kind: 'triangular', min: 4, mode: 4, max: 4 }, 4],
      [{ kind: 'normal', mean: 5, sd: 0 }, 5],
      [{ kind: 'lognormal', mean: 6, sd: 0 }, 6],
      [{ kind: 'empirical', values: [9], weights: [2] }, 9],
      [{ kind: 'piecewise', sample: [1, 1, 1] }, 1],
    ];
    for (const [dist, value] of constants) {
      const draw = makeSampler(dist);
      expect([draw(rng), draw(rng), sampleDist(dist, rng)]).toEqual([value, value, value]);
    }
  });

  it('a normal sampler shared by alternating streams never hands one stream a draw from the other', () => {
    const dist: Dist = { kind: 'normal', mean: 10, sd: 4 };
    const shared = makeSampler(dist);
    const [a, b] = [createStream(6, 0, 'shared/a'), createStream(6, 0, 'shared/b')];
    const [a2, b2] = [createStream(6, 0, 'shared/a'), createStream(6, 0, 'shared/b')];
    for (let i = 0; i < 1000; i++) {
      expect(shared(a)).toBe(sampleDist(dist, a2));
      expect(shared(b)).toBe(sampleDist(dist, b2));
    }
  });

  it('never draws a zero-weight empirical value, and hits each other value in proportion', () => {
    const draw = makeSampler({ kind: 'empirical', values: [5, 6, 7], weights: [1, 0, 3] });
    const rng = createStream(3, 0, 'empirical-freq');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const v = draw(rng);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.get(6)).toBeUndefined();
    const p = 0.25;
    expect(Math.abs((counts.get(5) ?? 0) / N - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
  });

  it('draws subnormal empirical weights in proportion, never a zero-weight value (weights [5e-324, 0] drew the second)', () => {
    const lone: Dist = { kind: 'empirical', values: [3, 7], weights: [5e-324, 0] };
    const draw = makeSampler(lone);
    const rng = createStream(3, 1, 'empirical-subnormal');
    for (let i = 0; i < 1000; i++) expect([draw(rng), sampleDist(lone, rng)]).toEqual([3, 3]);
    const pair = makeSampler({ kind: 'empirical', values: [3, 7], weights: [5e-324, 1e-323] }); // 1 : 2
    let threes = 0;
    for (let i = 0; i < N; i++) if (pair(rng) === 3) threes++;
    const p = 1 / 3;
    expect(Math.abs(threes / N - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
  });
});

const nonNegativeDist: fc.Arbitrary<Dist> = fc.oneof(
  fc.double({ min: 0, max: 1e4, noNaN: true }).map((value): Dist => ({ kind: 'fixed', value })),
  fc.double({ min: 1e-6, max: 1e4, noNaN: true }).map((m): Dist => ({ kind: 'exponential', mean: m })),
  fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
    .map(([a, b]): Dist => ({ kind: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
    .map((t): Dist => {
      const [min, mode, max] = [...t].sort((x, y) => x - y) as [number, number, number];
      return { kind: 'triangular', min, mode, max };
    }),
  fc.tuple(fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }))
    .map(([m, sd]): Dist => ({ kind: 'normal', mean: m, sd })),
  fc.tuple(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }))
    .map(([m, sd]): Dist => ({ kind: 'lognormal', mean: m, sd })),
  fc.tuple(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }))
    .map(([shape, scale]): Dist => ({ kind: 'gamma', shape, scale })),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }))
    .map(([k, m]): Dist => ({ kind: 'erlang', k, mean: m })),
  fc.array(fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 1, maxLength: 30 })
    .map((pairs): Dist => ({ kind: 'empirical', values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) })),
  fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 30 })
    .map((sample): Dist => ({ kind: 'piecewise', sample })),
);

describe('properties over random valid parameters', () => {
  it('draws are finite and >= 0 for every family', () => {
    fc.assert(
      fc.property(nonNegativeDist, fc.integer({ min: 0, max: 1000 }), (dist, rep) => {
        const draw = makeSampler(dist);
        const rng = createStream(1, rep, 'prop/nonneg');
        for (let i = 0; i < 200; i++) {
          const x = draw(rng);
          if (!(Number.isFinite(x) && x >= 0)) return false;
        }
        return true;
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('piecewise draws lie within [min, max] of the sample; triangular within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }), (sample) => {
        const draw = makeSampler({ kind: 'piecewise', sample });
        const rng = createStream(2, sample.length, 'prop/piecewise');
        const lo = Math.min(...sample);
        const hi = Math.max(...sample);
        for (let i = 0; i < 200; i++) {
          const x = draw(rng);
          if (x < lo || x > hi) return false;
        }
        return true;
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('sampleDist and a fresh makeSampler give the same first draw from equal streams', () => {
    fc.assert(
      fc.property(nonNegativeDist, fc.integer({ min: 0, max: 1000 }), (dist, rep) => {
        const a = sampleDist(dist, createStream(4, rep, 'prop/same'));
        const b = makeSampler(dist)(createStream(4, rep, 'prop/same'));
        return a === b;
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
