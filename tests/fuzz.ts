// How the property tests are fuzzed: one fixed fast-check seed in CI (so a run never fails by chance),
// FUZZ_SEED and FUZZ_RUNS to explore other cases locally (docs/testing.md). Used by tests/setup.ts.
import fc from 'fast-check';

/** The seed every property uses unless FUZZ_SEED says otherwise (any fixed value: CI must be repeatable). */
export const DEFAULT_FUZZ_SEED = 14;

/** Reads a non-negative integer environment variable; throws Error naming the variable for anything else. */
function envInteger(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

/** The fast-check seed: FUZZ_SEED (a 32-bit integer) or DEFAULT_FUZZ_SEED; throws Error for a bad FUZZ_SEED. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const seed = envInteger('FUZZ_SEED', env) ?? DEFAULT_FUZZ_SEED;
  if (seed > 0xffffffff) throw new Error(`FUZZ_SEED must be at most ${0xffffffff}, got "${env.FUZZ_SEED}"`);
  return seed | 0;
}

/** Cases per property: FUZZ_RUNS when set (for every property alike), else the property's CI count; throws Error for a bad FUZZ_RUNS. */
export function fuzzRuns(ciRuns: number, env: NodeJS.ProcessEnv = process.env): number {
  const runs = envInteger('FUZZ_RUNS', env);
  return runs === undefined || runs === 0 ? ciRuns : runs;
}

/** Configures fast-check for every property in the process: the fuzz seed (fast-check prints it on failure). */
export function configureFuzz(env: NodeJS.ProcessEnv = process.env): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fuzzSeed(env) });
}
