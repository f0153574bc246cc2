// Distributions as written in scenario files: a bare number (fixed) or `{ kind: triangular, min, mode, max }`.
// Field types are checked by zod; parameter rules come from the random layer's checkDist (one source of truth).
import { z } from 'zod';
import { checkDist } from '../random/check.js';
import type { Dist } from '../random/types.js';
import { NonNegativeNumber } from './schema-base.js';
import { named } from './schema-names.js';

/** A number; the ≥ 0 (or > 0) rule is checkDist's, the JSON Schema hint is for editors. */
const num = (minimum: 'min0' | 'gt0', description: string) =>
  z
    .number({ error: 'expected a number' })
    .meta({ ...(minimum === 'min0' ? { minimum: 0 } : { exclusiveMinimum: 0 }), description });

const nums = (minItems: number, description: string) =>
  z.array(z.number({ error: 'expected a number' }).meta({ minimum: 0 }), { error: 'expected a list of numbers' }).meta({ minItems, description });

/** Splits a checkDist message "mode must lie in …, got 40" into a path inside the dist and the message. */
function distIssue(problem: string): { path: (string | number)[]; message: string } {
  const m = /^(\S+) (.*?)(?:, got .*)?$/s.exec(problem);
  if (!m) return { path: [], message: problem };
  const path = (m[1] ?? '')
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { path, message: m[2] ?? problem };
}

const family = <K extends string, S extends z.ZodRawShape>(kind: K, description: string, shape: S) =>
  z
    .strictObject({ kind: z.literal(kind).describe(`The distribution: ${kind}.`), ...shape })
    .superRefine((dist, ctx) => {
      for (const problem of checkDist(dist as unknown as Dist, '')) {
        const { path, message } = distIssue(problem);
        ctx.addIssue({ code: 'custom', path, message, input: dist });
      }
    })
    .describe(description);

/** A distribution object, discriminated by `kind`. */
export const DistObject = z.discriminatedUnion(
  'kind',
  [
    family('fixed', 'Always the same value.', { value: num('min0', 'The value, minutes.') }),
    family('exponential', 'Exponential (memoryless).', { mean: num('gt0', 'Mean, minutes.') }),
    family('uniform', 'Uniform between min and max.', { min: num('min0', 'Least value, minutes.'), max: num('min0', 'Greatest value, minutes (≥ min).') }),
    family('triangular', 'Triangular; mean (min + mode + max) / 3.', {
      min: num('min0', 'Least value, minutes.'),
      mode: num('min0', 'Most likely value, minutes (min ≤ mode ≤ max).'),
      max: num('min0', 'Greatest value, minutes.'),
    }),
    family('normal', 'Normal, truncated at 0 (drawn again until ≥ 0); mean and sd are of the normal before truncation.', {
      mean: num('min0', 'Mean, minutes.'),
      sd: num('min0', 'Standard deviation, minutes.'),
    }),
    family('lognormal', 'Lognormal given by the mean and sd of the value itself (not of its logarithm).', {
      mean: num('gt0', 'Mean, minutes.'),
      sd: num('min0', 'Standard deviation, minutes.'),
    }),
    family('gamma', 'Gamma; mean shape × scale.', { shape: num('gt0', 'Shape (no unit).'), scale: num('gt0', 'Scale, minutes.') }),
    family('erlang', 'Erlang: k exponential phases of mean mean / k each.', {
      k: z.int({ error: 'expected a positive integer' }).meta({ minimum: 1, description: 'Number of phases (an integer ≥ 1).' }),
      mean: num('gt0', 'Mean of the whole, minutes.'),
    }),
    family('empirical', 'Discrete: values[i] with probability weights[i] / sum of weights.', {
      values: nums(1, 'The values, minutes.'),
      weights: nums(1, 'Relative weights, one per value.'),
    }),
    family('piecewise', 'Continuous: a piecewise-linear distribution through the sorted sample (interpolating between its order statistics).', {
      sample: nums(2, 'Observed values, minutes (at least 2).'),
    }),
  ],
  {
    error:
      'expected a distribution: a number, or { kind: fixed|exponential|uniform|triangular|normal|lognormal|gamma|erlang|empirical|piecewise, ... }',
  },
);

/** A bare number of minutes (a fixed distribution), held to the same limits as `{ kind: fixed, value }`. */
const FixedMinutes = NonNegativeNumber.superRefine((value, ctx) => {
  for (const problem of checkDist({ kind: 'fixed', value }, '')) ctx.addIssue({ code: 'custom', message: distIssue(problem).message, input: value });
});

/** A duration distribution in minutes: a bare number means a fixed value. */
export const DistInput = named(
  z
    .union([FixedMinutes, DistObject], {
      error: 'expected a number of minutes or a distribution such as { kind: triangular, min: 15, mode: 20, max: 30 }',
    })
    .describe(
      'Minutes: a number (fixed) or { kind: triangular, min, mode, max } (also exponential, uniform, normal, lognormal, gamma, erlang, empirical, piecewise).',
    ),
  'Minutes',
);

export type DistInput = z.infer<typeof DistInput>;

/** The resolved distribution for a raw one (a bare number becomes `{ kind: 'fixed' }`). */
export function toDist(input: DistInput): Dist {
  return typeof input === 'number' ? { kind: 'fixed', value: input } : (input as Dist);
}
