import { describe, expect, it } from 'vitest';
import { regularizedBeta, studentTCdf, studentTQuantile } from '../../../src/experiment/statistics/tquantile.js';

// Two-sided 95% (p = 0.975) and 99% (p = 0.995) critical values from standard t tables (3 decimals).
const TABLE: Array<[p: number, df: number, t: number]> = [
  [0.975, 1, 12.706],
  [0.975, 2, 4.303],
  [0.975, 3, 3.182],
  [0.975, 4, 2.776],
  [0.975, 5, 2.571],
  [0.975, 9, 2.262],
  [0.975, 10, 2.228],
  [0.975, 19, 2.093],
  [0.975, 29, 2.045],
  [0.975, 30, 2.042],
  [0.975, 60, 2.0],
  [0.975, 120, 1.98],
  [0.995, 1, 63.657],
  [0.995, 5, 4.032],
  [0.995, 29, 2.756],
  [0.95, 9, 1.833],
  [0.9, 4, 1.533],
  [0.9995, 1, 636.619],
];

describe('studentTQuantile', () => {
  it.each(TABLE)('t(%f, %i) matches the table value %f to 3 decimals', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 3);
  });

  it.each(TABLE)('is antisymmetric: t(1-%f, %i) = -t', (p, df) => {
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 9);
  });

  it('approaches the normal quantile 1.959964 for large df', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
  });

  it.each([
    [0.6, 3],
    [0.975, 7],
    [0.999, 15],
    [0.01, 2.5],
    [0.3, 50],
  ])('inverts the CDF: cdf(quantile(%f, %f)) = p', (p, df) => {
    expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
  });

  it('returns 0 at the median', () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it.each([
    [0, 5],
    [1, 5],
    [Number.NaN, 5],
    [0.5, 0],
    [0.5, -1],
  ])('rejects p=%f df=%f with RangeError', (p, df) => {
    expect(() => studentTQuantile(p, df)).toThrow(RangeError);
  });
});

describe('regularizedBeta', () => {
  it.each([
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b
    [0.3, 1, 1, 0.3],
    [0.4, 3, 1, 0.4 ** 3],
    [0.2, 1, 4, 1 - 0.8 ** 4],
    [0.5, 2.5, 2.5, 0.5],
  ])('I_%f(%f, %f) = %f', (x, a, b, expected) => {
    expect(regularizedBeta(x, a, b)).toBeCloseTo(expected, 12);
  });
});
