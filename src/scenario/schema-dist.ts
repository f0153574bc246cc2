// Distributions as written in scenario files: a bare number (fixed) or `{ kind: triangular, min, mode, max }`.
// Field types are checked by zod; parameter rules come from the random layer's checkDist (one source of truth).
import { z } from 'zod';
import { checkDist } from '../random/check.js';
import type { Dist } from '../random/types.js';
import { NonNegativeNumber } from './schema-base.js';
import { named } from './schema-names.js';

/** A number; the ≥ 0 (or > 0) rule is checkDist's, the JSON Schema hint is for editors. */
const num = (minimum: 'min0' | 'gt0') =>
  z
    .number({ error: 'expected a number' })
    .meta(minimum === 'min0' ? { minimum: 0 } : { exclusiveMinimum: 0 });

const nums = (minItems: number) => z.array(num('min0'), { error: 'expected a list of numbers' }).meta({ minItems });

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

const family = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ kind: z.literal(kind), ...shape }).superRefine((dist, ctx) => {
    for (const problem of checkDist(dist as unknown as Dist, '')) {
      const { path, message } = distIssue(problem);
      ctx.addIssue({ code: 'custom', path, message, input: dist });
    }
  });

/** A distribution object, discriminated by `kind`. */
export const DistObject = z.discriminatedUnion(
  'kind',
  [
    family('fixed', { value: num('min0') }),
    family('exponential', { mean: num('gt0') }),
    family('uniform', { min: num('min0'), max: num('min0') }),
    family('triangular', { min: num('min0'), mode: num('min0'), max: num('min0') }),
    family('normal', { mean: num('min0'), sd: num('min0') }),
    family('lognormal', { mean: num('gt0'), sd: num('min0') }),
    family('gamma', { shape: num('gt0'), scale: num('gt0') }),
    family('erlang', { k: z.int({ error: 'expected a positive integer' }).meta({ minimum: 1 }), mean: num('gt0') }),
    family('empirical', { values: nums(1), weights: nums(1) }),
    family('piecewise', { sample: nums(2) }),
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
