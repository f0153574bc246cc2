// The fuzzing set-up: a fixed fast-check seed unless FUZZ_SEED says otherwise, FUZZ_RUNS cases per property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_FUZZ_SEED, fuzzRuns, fuzzSeed } from './fuzz.js';

describe('fuzzSeed and fuzzRuns', () => {
  it('use the fixed seed and the CI count by default', () => {
    expect(fuzzSeed({})).toBe(DEFAULT_FUZZ_SEED);
    expect(fuzzRuns(300, {})).toBe(300);
    expect(fuzzRuns(300, { FUZZ_RUNS: '' })).toBe(300);
  });

  it('take FUZZ_SEED and FUZZ_RUNS from the environment', () => {
    expect(fuzzSeed({ FUZZ_SEED: '396' })).toBe(396);
    expect(fuzzSeed({ FUZZ_SEED: '4294967295' })).toBe(-1); // fast-check takes 32-bit seeds
    expect(fuzzRuns(60, { FUZZ_RUNS: '5000' })).toBe(5000);
  });

  it('refuse a value that is not a non-negative integer, naming the variable', () => {
    expect(() => fuzzSeed({ FUZZ_SEED: 'abc' })).toThrow('FUZZ_SEED must be a non-negative integer, got "abc"');
    expect(() => fuzzSeed({ FUZZ_SEED: '4294967296' })).toThrow('FUZZ_SEED must be at most 4294967295, got "4294967296"');
    expect(() => fuzzRuns(10, { FUZZ_RUNS: '1.5' })).toThrow('FUZZ_RUNS must be a non-negative integer, got "1.5"');
  });
});

describe('the global fast-check configuration (tests/setup.ts)', () => {
  it('fixes the seed, so every run of the suite checks the same cases', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fuzzSeed());
    const draw = () => fc.sample(fc.integer(), 5);
    expect(draw()).toEqual(draw());
  });
});
