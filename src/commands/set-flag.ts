// `--set <path>=<values>` flags of `bordersim sweep` read into sweep axes: comma lists (`2,4,6`), inclusive ranges
// (`1..3:0.25`, computed on integer steps so no float drift), numbers, booleans and text; a path set twice and a
// grid too large to run are refused before anything is resolved.
import { InputError } from '../errors.js';
import { gridSize, MAX_GRID_POINTS, MAX_GRID_REPLICATIONS, type SweepAxis } from '../experiment/studies/grid.js';

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
