import { describe, expect, it } from 'vitest';
import { shardRange } from '../../../src/experiment/runner/shard.js';

describe('shardRange', () => {
  it.each([[1, 1], [7, 3], [10, 4], [40, 4], [5, 5], [100, 7]])('cuts %i replications into %i contiguous slices that cover them once, sizes within one', (replications, count) => {
    const ranges = Array.from({ length: count }, (_, index) => shardRange({ index, count }, replications));
    const covered = ranges.flatMap((r) => Array.from({ length: r.count }, (_, i) => r.first + i));
    expect(covered).toEqual(Array.from({ length: replications }, (_, i) => i + 1));
    const sizes = ranges.map((r) => r.count);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
  });

  it('gives 7 replications in 3 shards as 1–2, 3–4, 5–7', () => {
    expect([0, 1, 2].map((index) => shardRange({ index, count: 3 }, 7))).toEqual([{ first: 1, count: 2 }, { first: 3, count: 2 }, { first: 5, count: 3 }]);
  });

  it.each([
    [{ index: 3, count: 3 }, 10, /index must be an integer in \[0, 2\], got 3/],
    [{ index: -1, count: 3 }, 10, /index must be/],
    [{ index: 0, count: 0 }, 10, /count must be an integer >= 1/],
    [{ index: 0, count: 4 }, 3, /4 shards of 3 replications/],
  ])('refuses %j of %i replications', (spec, replications, message) => {
    expect(() => shardRange(spec, replications)).toThrow(message);
  });
});
