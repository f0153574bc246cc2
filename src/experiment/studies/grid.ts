// Sweep grids: `--set <path>=<values>` flags parsed into value lists (lists `2,4,6`, inclusive ranges
// `1..3:0.25` computed on integer steps so no float drift), and their full factorial product.
import type { PathSetting } from './variant.js';
import { InputError } from '../../errors.js';

/** One swept path and the values it takes, in the order given. */
export interface SweepAxis {
  path: string;
  values: Array<number | string | boolean>;
}

/** A `--set` flag that cannot be read; the message names the flag text and the bad part. */
export class SweepFlagError extends InputError {
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(`--set ${flag}: ${message}`);
    this.name = 'SweepFlagError';
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Values of an inclusive range `from..to:step` (step > 0, to ≥ from, (to − from) a whole number of steps),
 * computed as integers scaled by 10^decimals so 1..3:0.25 gives exactly 1, 1.25, …, 3. Throws SweepFlagError.
 */
export function rangeValues(text: string, flag = text): number[] {
  const m = /^\s*([^.:\s][^:]*?)\s*\.\.\s*([^:]+?)\s*(?::\s*(.+?)\s*)?$/.exec(text);
  if (!m) throw new SweepFlagError(flag, `expected a range from..to:step such as 1..3:0.25, got "${text}"`);
  const [fromText = '', toText = '', stepText = '1'] = [m[1], m[2], m[3] ?? '1'];
  for (const [name, t] of [['start', fromText], ['end', toText], ['step', stepText]] as const) {
    if (!NUMBER.test(t)) throw new SweepFlagError(flag, `range ${name} "${t}" is not a number`);
  }
  const decimals = Math.max(decimalsOf(fromText), decimalsOf(toText), decimalsOf(stepText));
  if (decimals > 9) throw new SweepFlagError(flag, `range "${text}" has more than 9 decimals`);
  const scale = 10 ** decimals;
  const from = Math.round(Number(fromText) * scale);
  const to = Math.round(Number(toText) * scale);
  const step = Math.round(Number(stepText) * scale);
  if (step <= 0) throw new SweepFlagError(flag, `range step must be > 0, got ${stepText}`);
  if (to < from) throw new SweepFlagError(flag, `range end ${toText} is below its start ${fromText}`);
  if ((to - from) % step !== 0) {
    throw new SweepFlagError(flag, `range ${fromText}..${toText} is not a whole number of steps of ${stepText} (the end must be reached exactly)`);
  }
  const count = (to - from) / step + 1;
  if (count > 10_000) throw new SweepFlagError(flag, `range "${text}" has ${count} values (at most 10000)`);
  return Array.from({ length: count }, (_, i) => Number(((from + i * step) / scale).toFixed(decimals)));
}

function scalar(text: string): number | string | boolean {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/**
 * Parses one `--set` flag value `path=values`: values are a comma list (`2,4,6`, `24h,08:00-20:00`) whose items
 * may be ranges (`1..3:0.25`); numbers become numbers, true/false booleans, the rest text. Throws SweepFlagError.
 */
export function parseSetFlag(flag: string): SweepAxis {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new SweepFlagError(flag, 'expected <path>=<values>, e.g. crossings.kyakhta.stages.ru-customs.servers=2,4,6');
  const path = flag.slice(0, eq).trim();
  const text = flag.slice(eq + 1).trim();
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path)) throw new SweepFlagError(flag, `"${path}" is not a dotted path of keys and ids`);
  if (text === '') throw new SweepFlagError(flag, 'no values after "="');
  const values = text.split(',').flatMap((item) => {
    const t = item.trim();
    if (t === '') throw new SweepFlagError(flag, `empty value in "${text}"`);
    return t.includes('..') ? rangeValues(t, flag) : [scalar(t)];
  });
  return { path, values };
}

/** Checks that no path is swept twice; throws SweepFlagError naming the repeated path. */
export function checkAxes(axes: readonly SweepAxis[]): void {
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.path)) throw new SweepFlagError(`${a.path}=…`, `path ${a.path} is set twice; give all its values in one --set`);
    seen.add(a.path);
  }
}

/** The most grid points a sweep runs: more is hours of simulation nobody reads through. */
export const MAX_GRID_POINTS = 1000;

/** The most replications a sweep runs in all (points × replications). */
export const MAX_GRID_REPLICATIONS = 100_000;

/** How many points the full factorial grid of `axes` has (the product of their value counts). */
export function gridSize(axes: readonly SweepAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * Refuses, before anything is resolved or run, a grid of more than MAX_GRID_POINTS points or more than
 * MAX_GRID_REPLICATIONS replications in all; throws SweepFlagError naming the axes and the counts.
 */
export function checkGridSize(axes: readonly SweepAxis[], replications: number): void {
  const points = gridSize(axes);
  const flag = axes.map((a) => `${a.path}=…`).join(' --set ');
  const sizes = axes.map((a) => a.values.length).join(' × ');
  if (points > MAX_GRID_POINTS) {
    throw new SweepFlagError(flag, `the grid has ${sizes} = ${points} points, more than the ${MAX_GRID_POINTS} a sweep may run; use fewer values or coarser steps`);
  }
  if (points * replications > MAX_GRID_REPLICATIONS) {
    throw new SweepFlagError(flag, `${points} points × ${replications} replications = ${points * replications} replications, more than the ${MAX_GRID_REPLICATIONS} a sweep may run`);
  }
}

/** Every combination of the axes' values (the first axis varies slowest), as lists of settings, one at a time. */
export function* gridPoints(axes: readonly SweepAxis[]): Generator<PathSetting[]> {
  const [first, ...rest] = axes;
  if (!first) {
    yield [];
    return;
  }
  for (const value of first.values) {
    for (const tail of gridPoints(rest)) yield [{ path: first.path, value }, ...tail];
  }
}
