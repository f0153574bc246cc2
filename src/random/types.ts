// Distribution and random-source types shared by random/, engine/ and model/: plain data, no behaviour.

/** A source of uniform numbers in [0, 1), as produced by a seeded stream. */
export interface Rng {
  /** Next uniform draw in [0, 1). */
  next(): number;
}

/** A probability distribution described as data; units are whatever the caller's field names say (usually minutes). */
export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** Normal truncated at zero (resampled until non-negative); mean/sd are of the untruncated normal. */
  | { kind: 'normal'; mean: number; sd: number }
  /** Lognormal given by the mean and sd of the variable itself (not of its logarithm). */
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'gamma'; shape: number; scale: number }
  /** Erlang-k with the given overall mean (k exponential phases of mean mean/k). */
  | { kind: 'erlang'; k: number; mean: number }
  /** Discrete: value[i] with probability weight[i] / sum(weights). */
  | { kind: 'empirical'; values: number[]; weights: number[] }
  /** Continuous piecewise-linear CDF through the sorted sample (linear interpolation between order statistics). */
  | { kind: 'piecewise'; sample: number[] };

export type DistKind = Dist['kind'];
