// Seeded streams: reproducible per key, distinct across keys, uniform on [0, 1).
import { describe, expect, it } from 'vitest';
import { mean, sampleVariance } from 'simple-statistics';
import { createStream, hashSeedKey, streamSeedKey } from '../../src/random/index.js';

function draws(seed: number, rep: number, name: string, n: number): number[] {
  const rng = createStream(seed, rep, name);
  return Array.from({ length: n }, () => rng.next());
}

describe('createStream', () => {
  it('repeats the same sequence for the same (seed, replication, name)', () => {
    expect(draws(7, 3, 'kyakhta/south/arrivals', 1000)).toEqual(draws(7, 3, 'kyakhta/south/arrivals', 1000));
  });

  it.each([
    ['seed', [8, 3, 'a']],
    ['replication', [7, 4, 'a']],
    ['name', [7, 3, 'b']],
    ['name suffix', [7, 3, 'a ']],
    ['negative seed', [-7, 3, 'a']],
  ] as const)('gives a different sequence when the %s differs', (_label, [seed, rep, name]) => {
    const base = draws(7, 3, 'a', 100);
    const other = draws(seed, rep, name, 100);
    const equal = base.filter((x, i) => x === other[i]).length;
    expect(equal).toBeLessThan(3);
  });

  it('does not depend on which other streams exist or were drawn from', () => {
    const alone = draws(1, 0, 'stage/x', 50);
    const noisy = createStream(1, 0, 'stage/y');
    for (let i = 0; i < 1000; i++) noisy.next();
    expect(draws(1, 0, 'stage/x', 50)).toEqual(alone);
  });

  it('draws in [0, 1) with mean 1/2 and variance 1/12 within 4.5 standard errors', () => {
    const n = 200_000;
    const xs = draws(2024, 0, 'uniformity', n);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U(0,1): (mu4 - sigma^4)/n = (1/80 - 1/144)/n.
    expect(Math.abs(sampleVariance(xs) - 1 / 12)).toBeLessThan(4.5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('shows no lag-1 correlation and no cross-correlation between neighbouring names (4.5 SE)', () => {
    const n = 100_000;
    const a = draws(5, 0, 'lane1', n + 1);
    const b = draws(5, 0, 'lane2', n);
    let lag = 0;
    let cross = 0;
    for (let i = 0; i < n; i++) {
      lag += ((a[i] as number) - 0.5) * ((a[i + 1] as number) - 0.5);
      cross += ((a[i] as number) - 0.5) * ((b[i] as number) - 0.5);
    }
    // Each product has variance (1/12)^2; the correlation estimate has SE 1/sqrt(n).
    const se = 1 / Math.sqrt(n);
    expect(Math.abs((lag / n) * 12)).toBeLessThan(4.5 * se);
    expect(Math.abs((cross / n) * 12)).toBeLessThan(4.5 * se);
  });

  it('spreads draws evenly over 20 bins (chi-square below the 99.99% quantile)', () => {
    const n = 100_000;
    const bins = new Array<number>(20).fill(0);
    const rng = createStream(9, 1, 'bins');
    for (let i = 0; i < n; i++) bins[Math.floor(rng.next() * 20)]! += 1;
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(48.6); // chi-square(19) 0.9999 quantile ≈ 48.6
  });
});

describe('streamSeedKey', () => {
  it('builds an unambiguous key and rejects bad seeds and replications', () => {
    expect(streamSeedKey(1, 0, 'a:b')).toBe('1:0:a:b');
    expect(createStream(1, 0, 'x').key).toBe('1:0:x');
    expect(() => streamSeedKey(1.5, 0, 'x')).toThrow(/baseSeed must be a safe integer, got 1.5/);
    expect(() => streamSeedKey(1, -1, 'x')).toThrow(/replication must be a non-negative integer, got -1/);
    expect(() => streamSeedKey(Number.NaN, 0, 'x')).toThrow(/got NaN/);
  });

  it('hashes keys to 32 hex digits that differ in most positions for one-character changes', () => {
    const h1 = hashSeedKey('1:0:stage1');
    const h2 = hashSeedKey('1:0:stage2');
    expect(h1).toMatch(/^[0-9a-f]{32}$/);
    const same = [...h1].filter((c, i) => c === h2[i]).length;
    expect(same).toBeLessThan(12); // 32 random hex digits share about 2
  });

  it('keeps the hashes every stream seed was built from (changing them would change every result)', () => {
    expect(hashSeedKey('1:0:stage1')).toBe('2efb7fd8f815d372a2dcc8c6094faa75');
    expect(hashSeedKey('2023:9:kyakhta/cars-south/arrivals')).toBe('f0be81386e1865aa552b5ee1dd264ed0');
    expect(hashSeedKey('')).toBe('4a216c31f7e857482762e10d9def1c80');
    expect(hashSeedKey('-5:3:ünïcode/名')).toBe('80109466dbdae5678936d186bc0965d3');
  });
});
