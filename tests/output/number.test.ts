import { describe, expect, it } from 'vitest';
import { formatCount, formatFixed } from '../../src/output/number.js';

describe('formatFixed', () => {
  it.each([
    [1, 4, '1.0000'],
    [0.1 + 0.2, 4, '0.3000'],
    [1234567.891, 4, '1234567.8910'],
    [1e-7, 4, '0.0000'],
    [-1e-7, 4, '0.0000'],
    [-0, 4, '0.0000'],
    [-2.5, 2, '-2.50'],
    [-0.4, 0, '0'],
    [123456789012345680000, 4, '123456789012345683968.0000'],
    [1.23e-10, 4, '0.0000'],
    [null, 4, ''],
    [undefined, 4, ''],
    [Number.NaN, 4, ''],
    [Number.POSITIVE_INFINITY, 4, ''],
  ])('%s with %i decimals → %j', (value, decimals, text) => {
    expect(formatFixed(value, decimals)).toBe(text);
  });

  it('never uses exponent notation and throws where it would have to', () => {
    for (const v of [1e-20, 5e20, 123.456e15]) expect(formatFixed(v)).not.toMatch(/e/i);
    expect(() => formatFixed(1e21)).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [42, '42'],
    [1e15, '1000000000000000'],
    [2.5, '2.5000'],
    [Number.NaN, ''],
  ])('%s → %j', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});
