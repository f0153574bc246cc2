// --set flags: drift-free inclusive ranges, value lists, flag errors naming the flag, grids refused before running.
import { describe, expect, it } from 'vitest';
import { MAX_GRID_POINTS } from '../../src/experiment/studies/grid.js';
import { checkAxes, checkGridSize, parseSetFlag, rangeValues, SweepFlagError } from '../../src/commands/set-flag.js';

describe('rangeValues', () => {
  it.each([
    ['1..3:0.25', [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]],
    ['0.1..0.7:0.1', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]],
    ['1..3', [1, 2, 3]],
    ['2..2:0.5', [2]],
    ['-1..1:0.5', [-1, -0.5, 0, 0.5, 1]],
    ['1.05..1.15:0.05', [1.05, 1.1, 1.15]],
  ])('%s gives exactly the decimal values', (text, expected) => {
    // toEqual on numbers is exact: 0.1 + 0.2 style drift (0.30000000000000004) would fail here
    expect(rangeValues(text)).toEqual(expected);
  });

  it.each([
    ['1..2:0.3', /not a whole number of steps of 0.3/],
    ['3..1:1', /below its start/],
    ['1..3:0', /step must be > 0/],
    ['1..x:1', /range end "x" is not a number/],
    ['1..3:-1', /step must be > 0/],
  ])('%s is refused', (text, message) => {
    expect(() => rangeValues(text, `p=${text}`)).toThrow(message);
    expect(() => rangeValues(text, `p=${text}`)).toThrow(SweepFlagError);
  });
});

describe('parseSetFlag', () => {
  it.each([
    ['crossings.kyakhta.stages.ru-customs.servers=2,4,6', 'crossings.kyakhta.stages.ru-customs.servers', [2, 4, 6]],
    ['demand.growth.south=1..1.2:0.1', 'demand.growth.south', [1, 1.1, 1.2]],
    ['demand.growth.north=1,1.5..2:0.25,3', 'demand.growth.north', [1, 1.5, 1.75, 2, 3]],
    ['crossings.a.stages.b.hours=24h,08:00-20:00', 'crossings.a.stages.b.hours', ['24h', '08:00-20:00']],
    ['crossings.a.closesOnHolidays=true,false', 'crossings.a.closesOnHolidays', [true, false]],
  ])('%s', (flag, path, values) => {
    expect(parseSetFlag(flag)).toEqual({ path, values });
  });

  it.each([
    ['servers', /expected <path>=<values>/],
    ['=1,2', /expected <path>=<values>/],
    ['a.b=', /no values/],
    ['a.b=1,,2', /empty value/],
    ['a..b=1', /not a dotted path/],
  ])('%s is refused with the flag in the message', (flag, message) => {
    expect(() => parseSetFlag(flag)).toThrow(message);
    expect(() => parseSetFlag(flag)).toThrow(`--set ${flag}`);
  });
});

describe('checkGridSize and checkAxes', () => {
  it('refuses absurd grids up front, naming their size', () => {
    const axis = (path: string, n: number) => ({ path, values: Array.from({ length: n }, (_, v) => v + 1) });
    expect(() => checkGridSize([axis('a', 10_000)], 1)).toThrow(SweepFlagError);
    expect(() => checkGridSize([axis('a', 100), axis('b', 100)], 1)).toThrow(/100 × 100 = 10000 points, more than the 1000/);
    expect(() => checkGridSize([axis('a', 500)], 1000)).toThrow(/500 points × 1000 replications = 500000 replications/);
    expect(() => checkGridSize([axis('a', MAX_GRID_POINTS)], 100)).not.toThrow();
  });

  it('refuses a path swept twice', () => {
    expect(() => checkAxes([{ path: 'a', values: [1] }, { path: 'a', values: [2] }])).toThrow(/path a is set twice/);
  });
});
