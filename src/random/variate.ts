// Low-level variates drawn from an Rng: standard normal (Marsaglia polar, spare cached), gamma
// (Marsaglia–Tsang with the shape < 1 boost) and exponential. Allocation-free; used by dist.ts.
import type { Rng } from './types.js';

/**
 * A standard-normal source by Marsaglia's polar method. Each accepted pair yields two values; the
 * second is kept for the next call from the same Rng (halving the cost). The spare remembers its Rng,
 * so a source shared by several streams never hands one stream's draw to another; but a call from
 * another stream discards it, so for strict per-stream reproducibility give each stream its own source.
 */
export class NormalSource {
  private spare = 0;
  private spareOwner: Rng | null = null;

  /** Draws N(0, 1); consumes 2 uniforms per accepted pair (about 2.55 on average), none when a spare is due. */
  draw(rng: Rng): number {
    if (this.spareOwner === rng) {
      this.spareOwner = null;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng.next() - 1;
      v = 2 * rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.spareOwner = rng;
    return u * m;
  }
}

/** Draws an exponential variate with the given mean (-mean·ln(1-U), so U = 0 gives 0, never Infinity). */
export function drawExponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Marsaglia–Tsang constants for a shape (> 0), precomputed once per sampler. */
export interface GammaConstants {
  d: number;
  c: number;
  /** 1/shape when shape < 1 (the boost exponent), else 0 (no boost). */
  boostExponent: number;
}

/** Precomputes the Marsaglia–Tsang constants for Gamma(shape); shape < 1 is boosted to shape + 1. */
export function gammaConstants(shape: number): GammaConstants {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d), boostExponent: boosted ? 1 / shape : 0 };
}

/**
 * Draws Gamma(shape, scale) by Marsaglia–Tsang (2000) from precomputed constants; for shape < 1 draws
 * Gamma(shape + 1) and multiplies by U^(1/shape). Expects shape > 0 and scale > 0 (checked by the caller).
 */
export function drawGamma(rng: Rng, normal: NormalSource, k: GammaConstants, scale: number): number {
  const { d, c } = k;
  let x: number;
  for (;;) {
    const z = normal.draw(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.next(); // in (0, 1], so log(u) is finite
    const z2 = z * z;
    // Squeeze first (cheap), then the exact log test.
    if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
      x = d * v;
      break;
    }
  }
  if (k.boostExponent !== 0) x *= Math.pow(1 - rng.next(), k.boostExponent);
  return x * scale;
}

/** Lognormal log-scale parameters (mu, sigma) whose variable has the given mean > 0 and sd >= 0. */
export function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const cv = sd / mean;
  const sigma2 = Math.log1p(cv * cv);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/**
 * Below this width the inverse CDF works in the standardised triangle: the direct form's product
 * u·width·(mode − min) would fall among the subnormals and lose its precision (a max of 1.58e-162 drew
 * -6.47e-163). Above it the product stays normal in every branch of probability 2^-53 or more (u, 1 - u >=
 * 2^-53), and the direct form is kept: the standardised one rounds differently in about 9% of ordinary draws,
 * which would change shipped outputs.
 */
const TRIANGULAR_TINY_WIDTH = 1e-100;

/** Inverse-CDF draw from Triangular(min, mode, max), clamped to [min, max]; a degenerate min == max returns min. */
export function triangularAt(u: number, min: number, mode: number, max: number): number {
  const width = max - min;
  if (width <= 0) return min;
  const split = (mode - min) / width;
  let x: number;
  if (width >= TRIANGULAR_TINY_WIDTH) {
    x = u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
  } else {
    x = u < split ? min + width * Math.sqrt(u * split) : max - width * Math.sqrt((1 - u) * (1 - split));
  }
  // Rounding can carry a draw past an end: with mode == min and u == 0, max − fl(max − min) falls below
  // a min that is small beside max (0.0073576 vs 75.16 drew 0.0073576024805106 < 0.0073576024805167).
  return x < min ? min : x > max ? max : x;
}
