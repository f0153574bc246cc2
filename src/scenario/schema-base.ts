// Building blocks of the raw scenario schema (zod 4): ids, numbers with units, dates, sources, enums.
// Each carries the message a planner reads ("expected a positive integer"), whatever the wrong value was.
import { z } from 'zod';
import { isIsoDate, parseTimeRange, WEEKDAY_NAMES } from './calendar.js';
import { sheetIdMessage, spreadsheetReading, TEXT_IN_SPREADSHEETS } from './sheet-id.js';

const ID_FORM = 'expected an id (lowercase letters, digits, hyphens)';

/**
 * Ids: lowercase letters, digits and hyphens (no dots: ids appear in dotted override paths), and text that a
 * spreadsheet keeps as text (not `007`, `1e5`, `2023-01-01`, `true`: ids are keys of the output CSVs).
 */
export const Id = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' || typeof issue.input === 'boolean'
        ? `${ID_FORM} that stays text: YAML reads this unquoted id as a ${typeof issue.input}, and so would a spreadsheet (quoting does not help there): put a letter in it`
        : ID_FORM,
  })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: ID_FORM })
  .regex(TEXT_IN_SPREADSHEETS, {
    error: (issue) => sheetIdMessage(String(issue.input), spreadsheetReading(String(issue.input)) ?? 'something other than text'),
  });

/** Where a value comes from: `article`, a data-sheet reference like `[12]`, or `assumption: <reason>`. */
export const Source = z
  .string({ error: 'expected a source: article, [n] or "assumption: <reason>"' })
  .min(1, { error: 'expected a source: article, [n] or "assumption: <reason>"' })
  .describe('Where the value comes from: "article", a data-sheet reference such as "[12]", or "assumption: <reason>".');

export const Text = z.string({ error: 'expected text' });

/** An integer ≥ 1. */
export const PositiveInt = z
  .int({ error: 'expected a positive integer' })
  .min(1, { error: 'expected a positive integer' });

/** An integer ≥ 0. */
export const NonNegativeInt = z
  .int({ error: 'expected an integer ≥ 0' })
  .min(0, { error: 'expected an integer ≥ 0' });

/** A finite number > 0. */
export const PositiveNumber = z
  .number({ error: 'expected a number > 0' })
  .gt(0, { error: 'expected a number > 0' });

/** A finite number ≥ 0. */
export const NonNegativeNumber = z
  .number({ error: 'expected a number ≥ 0' })
  .min(0, { error: 'expected a number ≥ 0' });

/** A share (probability) 0–1. */
export const Share = z
  .number({ error: 'expected a share between 0 and 1' })
  .min(0, { error: 'expected a share between 0 and 1' })
  .max(1, { error: 'expected a share between 0 and 1' });

export const IsoDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'expected a real date YYYY-MM-DD' })
  .meta({ format: 'date' });

/** "HH:MM-HH:MM" (may cross midnight) or "24h". */
export const TimeRangeText = z
  .string({ error: 'expected opening hours as "HH:MM-HH:MM" or "24h"' })
  .superRefine((text, ctx) => {
    const parsed = parseTimeRange(text);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, input: text });
  })
  .describe('Daily opening hours in local time, "08:00-20:00" (may cross midnight) or "24h".')
  .meta({ examples: ['08:00-20:00', '24h'] });

export const Weekday = z.union([z.int().min(1).max(7), z.enum(WEEKDAY_NAMES)], {
  error: 'expected a weekday: 1–7 (Monday = 1) or Mon…Sun',
});

export const Direction = z.enum(['south', 'north'], {
  error: 'expected a direction: south (Russia→Mongolia) or north (Mongolia→Russia)',
});
export const VehicleClass = z.enum(['truck', 'car', 'train'], { error: 'expected a vehicle class: truck, car or train' });
export const Cargo = z.enum(['loaded', 'empty'], { error: 'expected cargo: loaded or empty' });
export const Mode = z.enum(['road', 'rail'], { error: 'expected a mode: road or rail' });

/** A non-empty list, with the element's own message for bad elements. */
export function listOf<T extends z.ZodType>(element: T, what: string, plural = `${what}s`) {
  return z.array(element, { error: `expected a list of ${plural}` }).min(1, { error: `expected at least one ${what}` });
}

/** A list of exactly n numbers ≥ 0 with a positive sum (a profile of relative weights). */
export function weights(n: number, what: string) {
  return z
    .array(NonNegativeNumber, { error: `expected ${n} ${what} weights` })
    .length(n, { error: `expected exactly ${n} ${what} weights` })
    .refine((xs) => xs.reduce((a, b) => a + b, 0) > 0, { error: `${what} weights must not all be zero` });
}
