// Sampling a Dist: sampleDist for one-off draws, makeSampler for hot paths (constants precomputed,
// allocation-free closure). Both use the same algorithms, so their first draw from equal streams agrees.
import { assertDist } from './check.js';
import { NormalSource, drawExponential, drawGamma, gammaConstants, lognormalParams, triangularAt } from './variate.js';
import type { Dist, Rng } from './types.js';

/** A compiled distribution: draws one value from the given stream. */
export type Sampler = (rng: Rng) => number;

/** Erlang phases up to this many are drawn as -ln(product of uniforms); more go to the gamma sampler. */
const ERLANG_PRODUCT_MAX_K = 20;


function drawTruncatedNormal(rng: Rng, normal: NormalSource, mean: number, sd: number): number {
  if (sd === 0) return mean;
  // mean >= 0 (enforced by checkDist), so each try is accepted with probability >= 1/2.
  for (;;) {
    const x = mean + sd * normal.draw(rng);
    if (x >= 0) return x;
  }
}

function drawErlangByProduct(rng: Rng, k: number, mean: number): number {
  let product = 1;
  for (let i = 0; i < k; i++) product *= 1 - rng.next(); // each factor in (0, 1]; >= 2^-640 in total
  return (-mean / k) * Math.log(product);
}

/**
 * The empirical weights, scaled by a power of two (exact) until the largest is at least 1, when it is below.
 * Subnormal weights (a total of 5e-324) made u·total round up to the total and draw a zero-weight value;
 * weights at or above 1 are returned as they are, and scaling keeps every ordinary draw bit for bit.
 */
function normalWeights(weights: readonly number[]): readonly number[] {
  let largest = 0;
  for (const w of weights) if (w > largest) largest = w;
  if (largest >= 1) return weights;
  let scaled = weights;
  while (largest > 0 && largest < 1) {
    scaled = scaled.map((w) => w * 2 ** 500);
    largest *= 2 ** 500;
  }
  return scaled;
}

/** Index of the first cumulative weight above target (cum ascending, target < cum[n-1]). */
function searchCumulative(cum: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (target < (cum[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isSorted(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) return false;
  return true;
}

/** Linear interpolation between order statistics: u·(n-1) picks the gap, its fraction the point. */
function piecewiseAt(sorted: ArrayLike<number>, u: number): number {
  const x = u * (sorted.length - 1);
  const i = Math.floor(x);
  const lo = sorted[i] as number;
  const hi = sorted[i + 1] as number;
  return lo + (x - i) * (hi - lo);
}

/**
 * Draws one value from `dist` using `rng` (validates and, for empirical/piecewise, scans the arrays on
 * every call: use makeSampler in loops); throws DistError for invalid parameters.
 */
export function sampleDist(dist: Dist, rng: Rng): number {
  assertDist(dist);
  // A fresh source per call: the same draws as a fresh makeSampler, nothing carried between calls.
  const oneOffNormal = new NormalSource();
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'exponential':
      return drawExponential(rng, dist.mean);
    case 'uniform':
      return dist.min + rng.next() * (dist.max - dist.min);
    case 'triangular':
      return triangularAt(rng.next(), dist.min, dist.mode, dist.max);
    case 'normal':
      return drawTruncatedNormal(rng, oneOffNormal, dist.mean, dist.sd);
    case 'lognormal': {
      if (dist.sd === 0) return dist.mean;
      const { mu, sigma } = lognormalParams(dist.mean, dist.sd);
      return Math.exp(mu + sigma * oneOffNormal.draw(rng));
    }
    case 'gamma':
      return drawGamma(rng, oneOffNormal, gammaConstants(dist.shape), dist.scale);
    case 'erlang':
      return dist.k <= ERLANG_PRODUCT_MAX_K
        ? drawErlangByProduct(rng, dist.k, dist.mean)
        : drawGamma(rng, oneOffNormal, gammaConstants(dist.k), dist.mean / dist.k);
    case 'empirical': {
      const weights = normalWeights(dist.weights);
      let total = 0;
      for (const w of weights) total += w;
      const target = rng.next() * total;
      let cum = 0;
      for (let i = 0; i < weights.length; i++) {
        cum += weights[i] as number;
        if (target < cum) return dist.values[i] as number;
      }
      return dist.values[dist.values.length - 1] as number; // unreachable: target < total
    }
    case 'piecewise': {
      const sorted = isSorted(dist.sample) ? dist.sample : [...dist.sample].sort((a, b) => a - b);
      return piecewiseAt(sorted, rng.next());
    }
  }
}

/**
 * Compiles `dist` into a fast sampler (validated once; constants, cumulative weights and the sorted
 * sample precomputed; no allocation per draw). Normal-based closures (normal, lognormal, gamma, erlang
 * k > 20) cache a spare normal: build one sampler per stream so a stream's draws never depend on how
 * other streams' calls interleave (samplers are cheap). Throws DistError for invalid parameters.
 */
export function makeSampler(dist: Dist): Sampler {
  assertDist(dist);
  switch (dist.kind) {
    case 'fixed': {
      const value = dist.value;
      return () => value;
    }
    case 'exponential': {
      const mean = dist.mean;
      return (rng) => -mean * Math.log(1 - rng.next());
    }
    case 'uniform': {
      const min = dist.min;
      const width = dist.max - dist.min;
      return (rng) => min + rng.next() * width;
    }
    case 'triangular': {
      const { min, mode, max } = dist;
      return (rng) => triangularAt(rng.next(), min, mode, max);
    }
    case 'normal': {
      const { mean, sd } = dist;
      if (sd === 0) return () => mean;
      const normal = new NormalSource();
      return (rng) => drawTruncatedNormal(rng, normal, mean, sd);
    }
    case 'lognormal': {
      const mean = dist.mean;
      if (dist.sd === 0) return () => mean;
      const { mu, sigma } = lognormalParams(dist.mean, dist.sd);
      const normal = new NormalSource();
      return (rng) => Math.exp(mu + sigma * normal.draw(rng));
    }
    case 'gamma': {
      const constants = gammaConstants(dist.shape);
      const scale = dist.scale;
      const normal = new NormalSource();
      return (rng) => drawGamma(rng, normal, constants, scale);
    }
    case 'erlang': {
      const { k, mean } = dist;
      if (k === 1) return (rng) => -mean * Math.log(1 - rng.next());
      if (k <= ERLANG_PRODUCT_MAX_K) return (rng) => drawErlangByProduct(rng, k, mean);
      const normal = new NormalSource();
      const constants = gammaConstants(k);
      const scale = mean / k;
      return (rng) => drawGamma(rng, normal, constants, scale);
    }
    case 'empirical': {
      const values = Float64Array.from(dist.values);
      const cum = new Float64Array(dist.weights.length);
      let total = 0;
      normalWeights(dist.weights).forEach((w, i) => {
        total += w;
        cum[i] = total;
      });
      if (values.length === 1) {
        const only = values[0] as number;
        return () => only;
      }
      return (rng) => values[searchCumulative(cum, rng.next() * total)] as number;
    }
    case 'piecewise': {
      const sorted = Float64Array.from(dist.sample).sort();
      return (rng) => piecewiseAt(sorted, rng.next());
    }
  }
}
