import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { decimalMark, integer, integerAtLeast, integerBetween } from '../../src/commands/options.js';
import { formatDuration, formatRate } from '../../src/commands/progress.js';

describe('integer flag parsers', () => {
  it.each([
    ['1', 1, 1],
    [' 30 ', 1, 30],
    ['0', 0, 0],
    ['+7', 1, 7],
  ])('integerAtLeast(%s, min %i) = %i', (text, min, value) => {
    expect(integerAtLeast(min)(text)).toBe(value);
  });

  it.each([['0', 1], ['-1', 0], ['2.5', 1], ['1e3', 1], ['ten', 1], ['', 1], ['99999999999999999999', 1]])('integerAtLeast rejects %j (min %i)', (text, min) => {
    expect(() => integerAtLeast(min)(text)).toThrow(InvalidArgumentError);
  });

  it('integerBetween accepts its bounds and rejects what lies outside, naming the range', () => {
    const days = integerBetween(1, 36600, ' (100 years)');
    expect([days('1'), days('36600')]).toEqual([1, 36600]);
    for (const bad of ['0', '36601', '99999999', '2.5', 'x']) expect(() => days(bad)).toThrow('expected a whole number from 1 to 36600 (100 years).');
  });

  it.each([['-42', -42], ['0', 0], ['123456', 123456]])('integer(%j) = %i', (text, value) => {
    expect(integer(text)).toBe(value);
  });

  it.each(['1.5', 'x', '', '0x10'])('integer rejects %j', (text) => {
    expect(() => integer(text)).toThrow(InvalidArgumentError);
  });
});

describe('--decimal', () => {
  it.each([['point', 'point'], ['comma', 'comma'], [' Comma ', 'comma']])('decimalMark(%j) = %j', (text, mark) => {
    expect(decimalMark(text)).toBe(mark);
  });

  it.each(['', ',', 'dot', 'de-DE'])('rejects %j, naming the choices', (text) => {
    expect(() => decimalMark(text)).toThrow('expected point or comma.');
  });
});

describe('progress text', () => {
  it.each([[0, '0'], [950, '950'], [12_345, '12.3k'], [1_234_567, '1.2M'], [Number.NaN, '0']])('rate %f → %s', (r, text) => {
    expect(formatRate(r)).toBe(text);
  });
  it.each([[4.4, '4 s'], [65, '1 min 05 s'], [3725, '1 h 02 min'], [-3, '0 s']])('duration %f → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
