// Analytic mean and variance against values worked out by hand (not by the code under test).
import { describe, expect, it } from 'vitest';
import { distMean, distVariance, lognormalParams, truncatedNormalMoments, type Dist } from '../../src/random/index.js';

// [label, dist, mean, variance] — each worked by hand from the textbook formula.
const cases: [string, Dist, number, number][] = [
  ['fixed', { kind: 'fixed', value: 7 }, 7, 0],
  ['exponential mean 4', { kind: 'exponential', mean: 4 }, 4, 16],
  ['uniform [2, 8]', { kind: 'uniform', min: 2, max: 8 }, 5, 3],
  ['triangular (0, 1, 4)', { kind: 'triangular', min: 0, mode: 1, max: 4 }, 5 / 3, 13 / 18],
  ['triangular symmetric (0, 5, 10)', { kind: 'triangular', min: 0, mode: 5, max: 10 }, 5, 100 / 24],
  ['gamma (2, 3)', { kind: 'gamma', shape: 2, scale: 3 }, 6, 18],
  ['erlang k=3 mean 6', { kind: 'erlang', k: 3, mean: 6 }, 6, 12],
  ['erlang k=1 is exponential', { kind: 'erlang', k: 1, mean: 5 }, 5, 25],
  ['lognormal mean 30 sd 15', { kind: 'lognormal', mean: 30, sd: 15 }, 30, 225],
  // Half-normal: mean sd·sqrt(2/π), variance sd²·(1 - 2/π).
  ['normal mean 0 (half-normal)', { kind: 'normal', mean: 0, sd: 2 }, 2 * Math.sqrt(2 / Math.PI), 4 * (1 - 2 / Math.PI)],
  // 8 sd above zero the truncation is invisible.
  ['normal far from zero', { kind: 'normal', mean: 80, sd: 10 }, 80, 100],
  // (1·1 + 2·1 + 10·2) / 4 = 5.75; E[X²] = (1 + 4 + 200)/4 = 51.25.
  ['empirical', { kind: 'empirical', values: [1, 2, 10], weights: [1, 1, 2] }, 5.75, 51.25 - 5.75 ** 2],
  ['empirical with a zero weight', { kind: 'empirical', values: [1, 99, 3], weights: [1, 0, 1] }, 2, 1],
  // Two points: U(0, 1).
  ['piecewise [0, 1]', { kind: 'piecewise', sample: [0, 1] }, 0.5, 1 / 12],
  // Half U(0,1), half U(1,3): mean 1.25; E[X²] = (1/3 + 13/3)/2 = 7/3.
  ['piecewise [0, 1, 3]', { kind: 'piecewise', sample: [3, 0, 1] }, 1.25, 7 / 3 - 1.25 ** 2],
  ['piecewise with ties [2, 2, 2]', { kind: 'piecewise', sample: [2, 2, 2] }, 2, 0],
];

describe('distMean and distVariance', () => {
  it.each(cases)('%s', (_label, dist, mean, variance) => {
    expect(distMean(dist)).toBeCloseTo(mean, 6);
    expect(distVariance(dist)).toBeCloseTo(variance, 6);
  });

  it('truncatedNormalMoments: mean 1, sd 1 matches the tabulated truncated normal', () => {
    // alpha = -1: phi(1) = 0.2419707, Phi(1) = 0.8413447, lambda = 0.2875999.
    const lambda = 0.2419707 / 0.8413447;
    const { mean, variance } = truncatedNormalMoments(1, 1);
    expect(mean).toBeCloseTo(1 + lambda, 6);
    expect(variance).toBeCloseTo(1 - lambda - lambda * lambda, 6);
  });

  it('lognormalParams recovers the requested mean and sd of the variable', () => {
    const { mu, sigma } = lognormalParams(1, 1);
    expect(sigma * sigma).toBeCloseTo(Math.LN2, 12);
    expect(mu).toBeCloseTo(-Math.LN2 / 2, 12);
    for (const [m, sd] of [[30, 15], [2, 0.1], [0.5, 3]] as const) {
      const p = lognormalParams(m, sd);
      const back = Math.exp(p.mu + (p.sigma * p.sigma) / 2);
      const backVar = (Math.exp(p.sigma * p.sigma) - 1) * back * back;
      expect(back).toBeCloseTo(m, 9);
      expect(Math.sqrt(backVar)).toBeCloseTo(sd, 9);
    }
  });

  it('throws a DistError naming the path for invalid parameters', () => {
    expect(() => distMean({ kind: 'gamma', shape: -1, scale: 1 })).toThrow('dist.shape must be > 0, got -1');
    expect(() => distVariance({ kind: 'piecewise', sample: [1] })).toThrow(/dist.sample must have at least 2 values, got 1/);
  });
});
