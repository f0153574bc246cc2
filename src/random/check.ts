// Validation of Dist parameters: every problem at once, each naming its path and the bad value.
// All families describe non-negative quantities (durations, counts), so negative values are rejected.
import { EngineError } from '../engine/errors.js';
import type { Dist } from './types.js';

/**
 * Thrown by assertDist (and by samplers/moments given an invalid Dist); `.problems` lists every issue. Scenario
 * files are checked before they reach a sampler (their problems are ScenarioErrors, exit 2), so this one is a
 * caller's bug, an engine error (exit 1).
 */
export class DistError extends EngineError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `invalid distribution:\n  ${problems.join('\n  ')}`);
    this.name = 'DistError';
    this.problems = problems;
  }
}

/**
 * Largest size of any parameter: the samplers square a range (triangular) or exponentiate (lognormal), and
 * values near the float limit would come out infinite. 1e12 minutes is about two million years.
 */
export const MAX_PARAMETER = 1e12;

/** Smallest lognormal mean: its sd / mean ratio is squared, and must stay finite. */
export const MIN_LOGNORMAL_MEAN = 1e-12;

/** Renders a bad value for a message: numbers as-is (NaN, Infinity), everything else as JSON. */
function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Collects problems for one Dist; the small helpers push and report whether the value was usable. */
class Problems {
  readonly list: string[] = [];

  /** Finite and at most MAX_PARAMETER in size. */
  finite(path: string, value: unknown): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.list.push(`${path} must be a finite number, got ${show(value)}`);
      return false;
    }
    if (Math.abs(value) > MAX_PARAMETER) {
      this.list.push(`${path} must be at most ${MAX_PARAMETER} in size, got ${show(value)}`);
      return false;
    }
    return true;
  }

  /** Finite and >= 0 (or > 0 when strict). */
  nonNegative(path: string, value: unknown, strict = false): value is number {
    if (!this.finite(path, value)) return false;
    if (strict ? value <= 0 : value < 0) {
      this.list.push(`${path} must be ${strict ? '> 0' : '>= 0'}, got ${show(value)}`);
      return false;
    }
    return true;
  }

  /** A non-empty array of finite numbers >= 0; returns it or undefined. */
  numbers(path: string, value: unknown, minLength: number): number[] | undefined {
    if (!Array.isArray(value)) {
      this.list.push(`${path} must be an array of numbers, got ${show(value)}`);
      return undefined;
    }
    if (value.length < minLength) {
      this.list.push(`${path} must have at least ${minLength} value${minLength === 1 ? '' : 's'}, got ${value.length}`);
      return undefined;
    }
    let ok = true;
    value.forEach((x: unknown, i: number) => {
      ok = this.nonNegative(`${path}[${i}]`, x) && ok;
    });
    return ok ? (value as number[]) : undefined;
  }
}

/** Lists every problem with a Dist's parameters (empty when valid); paths are prefixed with `path`. */
export function checkDist(dist: Dist, path: string): string[] {
  const p = new Problems();
  if (typeof dist !== 'object' || dist === null) {
    return [`${path || 'distribution'} must be a distribution object, got ${show(dist)}`];
  }
  const d = dist as Dist;
  switch (d.kind) {
    case 'fixed':
      p.nonNegative(at(path, 'value'), d.value);
      break;
    case 'exponential':
      p.nonNegative(at(path, 'mean'), d.mean, true);
      break;
    case 'uniform': {
      const okMin = p.nonNegative(at(path, 'min'), d.min);
      const okMax = p.nonNegative(at(path, 'max'), d.max);
      if (okMin && okMax && d.min > d.max) {
        p.list.push(`${at(path, 'min')} must be <= ${at(path, 'max')} (${show(d.max)}), got ${show(d.min)}`);
      }
      break;
    }
    case 'triangular': {
      const okMin = p.nonNegative(at(path, 'min'), d.min);
      const okMode = p.nonNegative(at(path, 'mode'), d.mode);
      const okMax = p.nonNegative(at(path, 'max'), d.max);
      if (okMin && okMax && d.min > d.max) {
        p.list.push(`${at(path, 'min')} must be <= ${at(path, 'max')} (${show(d.max)}), got ${show(d.min)}`);
      } else if (okMin && okMode && okMax && (d.mode < d.min || d.mode > d.max)) {
        p.list.push(`${at(path, 'mode')} must lie in [min, max] = [${show(d.min)}, ${show(d.max)}], got ${show(d.mode)}`);
      }
      break;
    }
    case 'normal':
      // mean >= 0 keeps the truncation at zero cheap: rejection accepts with probability >= 1/2.
      p.nonNegative(at(path, 'mean'), d.mean);
      p.nonNegative(at(path, 'sd'), d.sd);
      break;
    case 'lognormal':
      if (p.nonNegative(at(path, 'mean'), d.mean, true) && d.mean < MIN_LOGNORMAL_MEAN) {
        p.list.push(`${at(path, 'mean')} must be at least ${MIN_LOGNORMAL_MEAN}, got ${show(d.mean)}`);
      }
      p.nonNegative(at(path, 'sd'), d.sd);
      break;
    case 'gamma':
      p.nonNegative(at(path, 'shape'), d.shape, true);
      p.nonNegative(at(path, 'scale'), d.scale, true);
      break;
    case 'erlang':
      if (!Number.isSafeInteger(d.k) || d.k < 1) {
        p.list.push(`${at(path, 'k')} must be a positive integer, got ${show(d.k)}`);
      }
      p.nonNegative(at(path, 'mean'), d.mean, true);
      break;
    case 'empirical': {
      const values = p.numbers(at(path, 'values'), d.values, 1);
      const weights = p.numbers(at(path, 'weights'), d.weights, 1);
      if (values && weights) {
        if (values.length !== weights.length) {
          p.list.push(
            `${at(path, 'weights')} must have as many entries as ${at(path, 'values')} (${values.length}), got ${weights.length}`,
          );
        } else if (!weights.some((w) => w > 0)) {
          p.list.push(`${at(path, 'weights')} must not all be zero, got ${show(weights)}`);
        }
      }
      break;
    }
    case 'piecewise':
      p.numbers(at(path, 'sample'), d.sample, 2);
      break;
    default: {
      const unknownKind: never = d; // compile-time exhaustiveness; runtime data may still get here
      const kind: unknown = (unknownKind as { kind?: unknown }).kind;
      p.list.push(
        `${at(path, 'kind')} must be one of fixed, exponential, uniform, triangular, normal, lognormal, gamma, erlang, empirical, piecewise; got ${show(kind)}`,
      );
    }
  }
  return p.list;
}

/** Throws DistError listing every problem if the Dist is invalid; `path` prefixes the messages. */
export function assertDist(dist: Dist, path = 'dist'): void {
  const problems = checkDist(dist, path);
  if (problems.length > 0) throw new DistError(problems);
}
