// Parsers for numeric command-line values, used by commander; they throw commander's InvalidArgumentError
// so the message names the flag and the bad value, and the exit code is 2.
import { InvalidArgumentError } from 'commander';

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
