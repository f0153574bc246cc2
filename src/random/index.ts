// Public API of the random layer: seeded streams, distributions (sampling, moments, validation) and
// time-varying Poisson arrivals. Knows nothing of borders; engine/ and model/ import from here.
export type { Dist, DistKind, Rng } from './types.js';
export { createStream, hashSeedKey, streamSeedKey, type Stream } from './stream.js';
export { makeSampler, sampleDist, type Sampler } from './dist.js';
export { distMean, distVariance, truncatedNormalMoments } from './moments.js';
export { assertDist, checkDist, DistError } from './check.js';
export { lognormalParams } from './variate.js';
export { PiecewiseRateArrivals, type PiecewiseRateOptions } from './nhpp.js';
