// Validation: every invalid parameter is reported with its path and bad value; valid ones pass.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { assertDist, checkDist, DistError, makeSampler, sampleDist, createStream, type Dist } from '../../src/random/index.js';

const bad = (x: unknown): Dist => x as Dist;

// [label, dist, every expected problem (exact)]
const invalid: [string, Dist, string[]][] = [
  ['negative fixed', { kind: 'fixed', value: -1 }, ['svc.value must be >= 0, got -1']],
  ['NaN exponential mean', { kind: 'exponential', mean: Number.NaN }, ['svc.mean must be a finite number, got NaN']],
  ['zero exponential mean', { kind: 'exponential', mean: 0 }, ['svc.mean must be > 0, got 0']],
  ['uniform min > max', { kind: 'uniform', min: 5, max: 2 }, ['svc.min must be <= svc.max (2), got 5']],
  ['triangular min > max', { kind: 'triangular', min: 5, mode: 4, max: 2 }, ['svc.min must be <= svc.max (2), got 5']],
  ['triangular mode outside', { kind: 'triangular', min: 1, mode: 9, max: 4 }, ['svc.mode must lie in [min, max] = [1, 4], got 9']],
  ['normal negative sd', { kind: 'normal', mean: 10, sd: -3 }, ['svc.sd must be >= 0, got -3']],
  ['normal negative mean', { kind: 'normal', mean: -1, sd: 3 }, ['svc.mean must be >= 0, got -1']],
  ['lognormal zero mean, infinite sd', { kind: 'lognormal', mean: 0, sd: Infinity }, ['svc.mean must be > 0, got 0', 'svc.sd must be a finite number, got Infinity']],
  ['gamma shape <= 0', { kind: 'gamma', shape: 0, scale: 2 }, ['svc.shape must be > 0, got 0']],
  ['gamma scale string', bad({ kind: 'gamma', shape: 1, scale: '2' }), ['svc.scale must be a finite number, got "2"']],
  ['erlang fractional k', { kind: 'erlang', k: 2.5, mean: 3 }, ['svc.k must be a positive integer, got 2.5']],
  ['erlang zero k', { kind: 'erlang', k: 0, mean: 3 }, ['svc.k must be a positive integer, got 0']],
  ['empirical empty', { kind: 'empirical', values: [], weights: [] }, ['svc.values must have at least 1 value, got 0', 'svc.weights must have at least 1 value, got 0']],
  ['empirical mismatched', { kind: 'empirical', values: [1, 2], weights: [1] }, ['svc.weights must have as many entries as svc.values (2), got 1']],
  ['empirical negative weight', { kind: 'empirical', values: [1, 2], weights: [1, -2] }, ['svc.weights[1] must be >= 0, got -2']],
  ['empirical all-zero weights', { kind: 'empirical', values: [1, 2], weights: [0, 0] }, ['svc.weights must not all be zero, got [0,0]']],
  ['empirical missing weights', bad({ kind: 'empirical', values: [1] }), ['svc.weights must be an array of numbers, got undefined']],
  ['piecewise one point', { kind: 'piecewise', sample: [3] }, ['svc.sample must have at least 2 values, got 1']],
  ['piecewise negative point', { kind: 'piecewise', sample: [3, -1, 4] }, ['svc.sample[1] must be >= 0, got -1']],
  ['unknown kind', bad({ kind: 'weibull', shape: 2 }), ['svc.kind must be one of fixed, exponential, uniform, triangular, normal, lognormal, gamma, erlang, empirical, piecewise; got "weibull"']],
  ['not an object', bad(null), ['svc must be a distribution object, got null']],
  ['triangular max near the float limit', { kind: 'triangular', min: 15, mode: 20, max: 1e300 }, ['svc.max must be at most 1000000000000 in size, got 1e+300']],
  ['lognormal mean near zero', { kind: 'lognormal', mean: 5e-324, sd: 1 }, ['svc.mean must be at least 1e-12, got 5e-324']],
];

const valid: Dist[] = [
  { kind: 'fixed', value: 0 },
  { kind: 'uniform', min: 3, max: 3 },
  { kind: 'triangular', min: 0, mode: 0, max: 2 },
  { kind: 'normal', mean: 0, sd: 0 },
  { kind: 'lognormal', mean: 1, sd: 0 },
  { kind: 'erlang', k: 1, mean: 2 },
  { kind: 'empirical', values: [0, 4], weights: [0, 1] },
  { kind: 'piecewise', sample: [0, 0] },
];

describe('checkDist', () => {
  it.each(invalid)('%s', (_label, dist, problems) => {
    expect(checkDist(dist, 'svc')).toEqual(problems);
  });

  it.each(valid.map((d) => [d.kind, d] as const))('accepts a valid edge case (%s)', (_kind, dist) => {
    expect(checkDist(dist, 'svc')).toEqual([]);
  });

  it('uses bare field names when the path is empty', () => {
    expect(checkDist({ kind: 'normal', mean: 1, sd: -3 }, '')).toEqual(['sd must be >= 0, got -3']);
  });
});

describe('assertDist and the public entry points', () => {
  it('throws a DistError carrying every problem', () => {
    const dist = bad({ kind: 'lognormal', mean: -1, sd: -1 });
    try {
      assertDist(dist, 'crossings[0].stages[1].serviceMin');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DistError);
      expect((e as DistError).problems).toEqual([
        'crossings[0].stages[1].serviceMin.mean must be > 0, got -1',
        'crossings[0].stages[1].serviceMin.sd must be >= 0, got -1',
      ]);
      expect((e as DistError).message).toContain('serviceMin.sd must be >= 0, got -1');
    }
  });

  it('makeSampler and sampleDist refuse invalid parameters instead of drawing NaN', () => {
    const dist: Dist = { kind: 'triangular', min: 1, mode: 0, max: 2 };
    expect(() => makeSampler(dist)).toThrow(DistError);
    expect(() => sampleDist(dist, createStream(1, 0, 'x'))).toThrow(/mode must lie in \[min, max\]/);
  });
});

/** Where a draw from `d` must lie: the family's support, and within [min, max] where it has one. */
function inSupport(d: Dist, x: number): boolean {
  if (!Number.isFinite(x) || x < 0) return false;
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
      return x >= d.min && x <= d.max;
    case 'empirical':
      return d.values.some((v, i) => v === x && (d.weights[i] as number) > 0);
    case 'piecewise':
      return x >= Math.min(...d.sample) && x <= Math.max(...d.sample);
    default:
      return true;
  }
}

describe('every accepted parameter draws finite values in range', () => {
  it('for any family with parameters from the smallest to the largest accepted (property; a triangular max of 1e300 drew -Infinity, one of 1.58e-162 drew -6.47e-163)', () => {
    // fc.double spreads over the float exponents, so tiny (subnormal) values come up as often as large ones.
    const size = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, 5e-324, 1e-162, 1e-12, 1, 1e12));
    const positive = size.filter((x) => x > 0);
    const dist: fc.Arbitrary<Dist> = fc.oneof(
      fc.tuple(size, size, size).map(([a, b, c]) => { const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number]; return { kind: 'triangular' as const, min, mode, max }; }),
      fc.tuple(size, size).map(([a, b]) => ({ kind: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
      positive.map((mean) => ({ kind: 'exponential' as const, mean })),
      fc.tuple(size, size).map(([mean, sd]) => ({ kind: 'normal' as const, mean, sd })),
      fc.tuple(positive.filter((m) => m >= 1e-12), size).map(([mean, sd]) => ({ kind: 'lognormal' as const, mean, sd })),
      fc.tuple(positive, positive).map(([shape, scale]) => ({ kind: 'gamma' as const, shape, scale })),
      fc.tuple(fc.integer({ min: 1, max: 60 }), positive).map(([k, mean]) => ({ kind: 'erlang' as const, k, mean })),
      fc.array(fc.tuple(size, size), { minLength: 1, maxLength: 8 })
        .filter((pairs) => pairs.some(([, w]) => w > 0))
        .map((pairs) => ({ kind: 'empirical' as const, values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) })),
      fc.array(size, { minLength: 2, maxLength: 8 }).map((sample) => ({ kind: 'piecewise' as const, sample })),
    );
    fc.assert(
      fc.property(dist, fc.integer({ min: 0, max: 1000 }), (d, seed) => {
        expect(checkDist(d, 'svc')).toEqual([]);
        const draw = makeSampler(d);
        const rng = createStream(seed, 0, 'finite');
        for (let i = 0; i < 20; i++) {
          const x = draw(rng);
          expect(inSupport(d, x), `${JSON.stringify(d)} drew ${x}`).toBe(true);
        }
        const once = sampleDist(d, createStream(seed, 1, 'finite'));
        expect(inSupport(d, once), `${JSON.stringify(d)} drew ${once} (sampleDist)`).toBe(true);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});
