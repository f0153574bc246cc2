// Parsers for numeric and group-choice command-line values, used by commander; they throw commander's
// InvalidArgumentError so the message names the flag and the bad value, and the exit code is 2.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { MAX_DAYS } from '../scenario/calendar.js';
import { CLASS_CHOICES, DIRECTION_CHOICES, type ClassChoice } from '../experiment/studies/select.js';
import { GroupChoiceError, parseClassChoice, parseClassList, parseDirectionChoice } from './group-flags.js';
import type { DirectionKey } from '../model/results.js';
import type { VehicleClass } from '../scenario/types.js';

/** The most replications a run may ask for: 95% CIs stop narrowing long before, and the run would take days. */
export const MAX_REPLICATIONS = 10_000;

/** A decimal integer written plainly (sign allowed, no exponent or fraction) within ±MAX_SAFE_INTEGER, else null. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return /^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(value) ? value : null;
}

/** A parser accepting a decimal integer ≥ `lowest` (at most Number.MAX_SAFE_INTEGER); throws InvalidArgumentError. */
export function integerAtLeast(lowest: number): (text: string) => number {
  return (text: string): number => {
    const value = wholeNumber(text);
    if (value === null || value < lowest) throw new InvalidArgumentError(`expected a whole number >= ${lowest}.`);
    return value;
  };
}

/** A parser accepting a decimal integer in [`lowest`, `highest`]; throws InvalidArgumentError naming the range. */
export function integerBetween(lowest: number, highest: number, unit = ''): (text: string) => number {
  return (text: string): number => {
    const value = wholeNumber(text);
    if (value === null || value < lowest || value > highest) {
      throw new InvalidArgumentError(`expected a whole number from ${lowest} to ${highest}${unit}.`);
    }
    return value;
  };
}

/** A parser accepting any decimal integer within ±Number.MAX_SAFE_INTEGER (seeds); throws InvalidArgumentError. */
export function integer(text: string): number {
  const value = wholeNumber(text);
  if (value === null) throw new InvalidArgumentError('expected a whole number.');
  return value;
}

function asArgumentError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw err instanceof GroupChoiceError ? new InvalidArgumentError(`${err.expected}.`) : err;
  }
}

/** A parser for --class: one of truck, car, train, freight, all; throws InvalidArgumentError listing them. */
export function classChoice(text: string): ClassChoice {
  return asArgumentError(() => parseClassChoice(text));
}

/** A parser for --direction: south, north or all; throws InvalidArgumentError listing them. */
export function directionChoice(text: string): DirectionKey {
  return asArgumentError(() => parseDirectionChoice(text));
}

/** A parser for a comma list of classes (--scale): truck, car, train, freight, all; throws InvalidArgumentError naming the bad item. */
export function classList(text: string): VehicleClass[] {
  return asArgumentError(() => parseClassList(text));
}

/** Help text of --class for a command: `what` it chooses (e.g. 'the table shows') and its default. */
export const classHelp = (what: string, dflt: string): string => `class ${what}: ${CLASS_CHOICES.join(', ')} (freight = trucks and trains; default: ${dflt})`;
/** Help text of --direction for a command: `what` it chooses and its default. */
export const directionHelp = (what: string, dflt = 'all'): string => `direction ${what}: ${DIRECTION_CHOICES.join(', ')} (default: ${dflt})`;

/** A number > 0 written plainly (capacity's --tolerance, --max-factor); throws InvalidArgumentError. */
export function positiveNumber(text: string): number {
  const value = Number(text.trim());
  if (!/^\s*(\d+\.?\d*|\.\d+)\s*$/.test(text) || !(value > 0)) throw new InvalidArgumentError('expected a number > 0.');
  return value;
}

/** The most worker threads a command starts: one per CPU (more only add memory and switching). */
export function maxWorkers(): number {
  return availableParallelism();
}

/** The --workers help text (without a command's own remarks). */
export const WORKERS_HELP =
  'run replications in parallel in N worker threads; results are identical for every N ' +
  `(default: 1 for a single replication, else min(replications, CPUs); at most the number of CPUs, ${maxWorkers()} here)`;

/**
 * Adds the horizon flags `run` and the decision commands share: --days, --warmup-days, and --from/--to that set
 * them from dates; `whose` names the scenario the defaults come from.
 */
export function addHorizonOptions(cmd: Command, whose: string): Command {
  return cmd
    .option('-d, --days <d>', `simulated days from the start date (default: ${whose})`, integerBetween(1, MAX_DAYS, ' (100 years)'))
    .option('-w, --warmup-days <w>', `days whose statistics are discarded (default: ${whose})`, integerAtLeast(0))
    .option('--from <date>', 'report from this local date (YYYY-MM-DD): the days before it are the warm-up')
    .option('--to <date>', 'report up to this local date (YYYY-MM-DD), inclusive: the run ends there');
}

/** A parser for --decimal: point or comma; throws InvalidArgumentError listing them. */
export function decimalMark(text: string): 'point' | 'comma' {
  const value = text.trim().toLowerCase();
  if (value !== 'point' && value !== 'comma') throw new InvalidArgumentError('expected point or comma.');
  return value;
}

/** Adds the output flags every command that writes results shares: --no-report, --no-workbook, --decimal. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--no-report', 'do not write report.html (the charts)')
    .option('--no-workbook', 'do not write results.xlsx (the tables as one Excel workbook)')
    .option('--decimal <mark>', "decimal mark of the CSV files: point (default; ',' between fields) or comma (';' between fields, for a spreadsheet set to Russian, German, French...)", decimalMark);
}

/** Adds --replications, --seed, the horizon flags, --out, --workers, --quiet and the output flags to a commander command. */
export function addBatchOptions(cmd: Command, outDefault: string): Command {
  const withSeed = cmd
    .option('-r, --replications <n>', "replications per scenario (default: the (base) scenario's)", integerBetween(1, MAX_REPLICATIONS))
    .option('-s, --seed <s>', "base seed shared by every scenario run, so they see the same arrivals (default: the (base) scenario's)", integer);
  const withOut = addHorizonOptions(withSeed, "the (base) scenario's")
    .option('-o, --out <dir>', `result folder (default: ${outDefault})`)
    .option('--workers <n>', WORKERS_HELP, integerAtLeast(1))
    .option('-q, --quiet', 'no progress and no table (warnings and errors still go to stderr)');
  return addOutputOptions(withOut);
}
