// Throughput micro-check of the hot paths (not a timed test): `npx vitest bench tests/random --run`.
// Each task does 1e5 operations, so ops/s × 1e5 = draws per second.
import { bench, describe } from 'vitest';
import { createStream, makeSampler, PiecewiseRateArrivals, type Dist } from '../../src/random/index.js';

const BATCH = 100_000;
let sink = 0; // keeps results alive so the loops are not optimised away

describe('stream', () => {
  const rng = createStream(1, 0, 'bench/uniform');
  bench('createStream().next() ×1e5', () => {
    for (let i = 0; i < BATCH; i++) sink += rng.next();
  });
  bench('createStream() ×1e3', () => {
    for (let i = 0; i < 1000; i++) sink += createStream(1, i, 'bench/create').next();
  });
});

describe('makeSampler', () => {
  const dists: Dist[] = [
    { kind: 'exponential', mean: 4 },
    { kind: 'triangular', min: 1, mode: 2, max: 6 },
    { kind: 'normal', mean: 10, sd: 3 },
    { kind: 'lognormal', mean: 30, sd: 15 },
    { kind: 'gamma', shape: 2.5, scale: 3 },
    { kind: 'erlang', k: 4, mean: 8 },
    { kind: 'empirical', values: [...Array(64).keys()], weights: [...Array(64).keys()].map((i) => i + 1) },
    { kind: 'piecewise', sample: [...Array(200).keys()].map((i) => i * i) },
  ];
  for (const dist of dists) {
    const draw = makeSampler(dist);
    const rng = createStream(1, 0, `bench/${dist.kind}`);
    bench(`${dist.kind} ×1e5`, () => {
      for (let i = 0; i < BATCH; i++) sink += draw(rng);
    });
  }
});

describe('PiecewiseRateArrivals', () => {
  const hourly = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 18 ? 1.5 : 0.1));
  const arrivals = new PiecewiseRateArrivals({
    segmentMin: 60,
    rateAt: (seg) => hourly[seg % 24] as number,
    rng: createStream(1, 0, 'bench/nhpp'),
    endMin: 1e12,
  });
  bench('next() ×1e5', () => {
    for (let i = 0; i < BATCH; i++) sink += arrivals.next();
  });
});

export { sink };
