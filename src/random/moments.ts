// Analytic mean and variance of every Dist family, for tests against samples and for model sanity checks.
// The normal is truncated at zero (as sampled); piecewise is the exact piecewise-uniform mixture.
import { errorFunction } from 'simple-statistics';
import { assertDist } from './check.js';
import type { Dist } from './types.js';

/** Mean and variance of N(mean, sd²) conditioned on X >= 0 (requires mean >= 0, as checkDist enforces). */
export function truncatedNormalMoments(mean: number, sd: number): { mean: number; variance: number } {
  if (sd === 0) return { mean, variance: 0 };
  const alpha = -mean / sd; // truncation point in standard units (<= 0)
  const pdf = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
  const kept = 0.5 * (1 - errorFunction(alpha / Math.SQRT2)); // P(Z >= alpha) >= 1/2, no cancellation
  const lambda = pdf / kept; // inverse Mills ratio
  return {
    mean: mean + sd * lambda,
    variance: sd * sd * (1 + alpha * lambda - lambda * lambda),
  };
}

function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Mean of the piecewise-uniform mixture: each gap [x_i, x_{i+1}] carries probability 1/(n-1). */
function piecewiseMean(sorted: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < sorted.length; i++) sum += ((sorted[i] as number) + (sorted[i + 1] as number)) / 2;
  return sum / (sorted.length - 1);
}

/** Variance of the mixture, centred on its mean for accuracy: E[(X-m)²] over a gap is (a² + ab + b²)/3. */
function piecewiseVariance(sorted: readonly number[]): number {
  const m = piecewiseMean(sorted);
  let sum = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = (sorted[i] as number) - m;
    const b = (sorted[i + 1] as number) - m;
    sum += (a * a + a * b + b * b) / 3;
  }
  return sum / (sorted.length - 1);
}

function empiricalMoments(values: readonly number[], weights: readonly number[]): { mean: number; variance: number } {
  let total = 0;
  let weighted = 0;
  weights.forEach((w, i) => {
    total += w;
    weighted += w * (values[i] as number);
  });
  const mean = weighted / total;
  let squares = 0;
  weights.forEach((w, i) => {
    const dev = (values[i] as number) - mean;
    squares += w * dev * dev;
  });
  return { mean, variance: squares / total };
}

/** Analytic mean of `dist` (in the distribution's units); throws DistError for invalid parameters. */
export function distMean(dist: Dist): number {
  assertDist(dist);
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'exponential':
    case 'lognormal':
    case 'erlang':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'normal':
      return truncatedNormalMoments(dist.mean, dist.sd).mean;
    case 'gamma':
      return dist.shape * dist.scale;
    case 'empirical':
      return empiricalMoments(dist.values, dist.weights).mean;
    case 'piecewise':
      return piecewiseMean(sortedCopy(dist.sample));
  }
}

/** Analytic variance of `dist` (in squared units); throws DistError for invalid parameters. */
export function distVariance(dist: Dist): number {
  assertDist(dist);
  switch (dist.kind) {
    case 'fixed':
      return 0;
    case 'exponential':
      return dist.mean * dist.mean;
    case 'uniform': {
      const width = dist.max - dist.min;
      return (width * width) / 12;
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal':
      return truncatedNormalMoments(dist.mean, dist.sd).variance;
    case 'lognormal':
      return dist.sd * dist.sd;
    case 'gamma':
      return dist.shape * dist.scale * dist.scale;
    case 'erlang':
      return (dist.mean * dist.mean) / dist.k;
    case 'empirical':
      return empiricalMoments(dist.values, dist.weights).variance;
    case 'piecewise':
      return piecewiseVariance(sortedCopy(dist.sample));
  }
}
