// Parsers for numeric and group-choice command-line values, used by commander; they throw commander's
// InvalidArgumentError so the message names the flag and the bad value, and the exit code is 2.
import { InvalidArgumentError } from 'commander';
import { CLASS_CHOICES, DIRECTION_CHOICES, GroupChoiceError, parseClassChoice, parseClassList, parseDirectionChoice, type ClassChoice } from '../experiment/select.js';
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
