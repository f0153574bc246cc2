// Spreadsheet-safe number text: '.' decimals, fixed precision, never exponent notation or locale grouping.
// Non-finite or missing values become the empty string (an empty cell, not "NaN").

/** Decimals written for every non-count quantity. */
export const DECIMALS = 4;

/**
 * Fixed-point text of `value` with `decimals` digits ('' for null, NaN or ±Infinity; '-0.0000' becomes '0.0000').
 * Throws RangeError when |value| ≥ 1e21, where JavaScript would switch to exponent notation.
 */
export function formatFixed(value: number | null | undefined, decimals: number = DECIMALS): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (Math.abs(value) >= 1e21) throw new RangeError(`value ${value} is too large to write without exponent notation`);
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A count as an integer ('' when missing); a non-integer falls back to fixed decimals so a model bug stays visible. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? formatFixed(value, 0) : formatFixed(value, DECIMALS);
}
