// Ids that a spreadsheet would not keep as text: `007` (the number 7), `1e5` (100000), `2023-01-01` or
// `jan-5` (dates), `true` (TRUE). Ids are keys of every output CSV, so the schema refuses them (schema-base.ts).

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** What a spreadsheet (Excel, LibreOffice, Google Sheets) turns a text into when it opens a CSV, by pattern. */
const READINGS: readonly { pattern: string; reading: string }[] = [
  { pattern: '\\d+', reading: 'a number' },
  { pattern: '\\d+e-?\\d+', reading: 'a number in scientific notation' },
  // Digits and hyphens only: 2023-01-01, 1-2 (2 January), 12-2023 (December 2023).
  { pattern: '\\d+(?:-\\d*)+', reading: 'a date' },
  // A month name with a day or year: jan-5, 5-jan, mar-2023, 1-jan-2023.
  { pattern: `(?:\\d{1,4}-${MONTH}(?:-\\d{1,4})?|${MONTH}-\\d{1,4}(?:-\\d{1,4})?)`, reading: 'a date' },
  { pattern: 'true|false', reading: 'TRUE or FALSE' },
];

const MATCHERS = READINGS.map((r) => ({ regex: new RegExp(`^(?:${r.pattern})$`, 'i'), reading: r.reading }));

/**
 * What a spreadsheet would read `text` as ("a number", "a date", "TRUE or FALSE"), or undefined when it stays
 * text; case-insensitive ("TRUE", "Jan-5").
 */
export function spreadsheetReading(text: string): string | undefined {
  return MATCHERS.find((m) => m.regex.test(text))?.reading;
}

/**
 * The same rule as one regular expression (a negative look-ahead over the lowercase patterns), for the JSON
 * Schema's `pattern` so that editors flag such ids too; ids are lowercase, so it needs no case flag.
 */
export const TEXT_IN_SPREADSHEETS = new RegExp(`^(?!(?:${READINGS.map((r) => r.pattern).join('|')})$)`);

/** The message for an id a spreadsheet would read as something else (`reading` from spreadsheetReading). */
export function sheetIdMessage(id: string, reading: string): string {
  return `a spreadsheet would read this id as ${reading}, not as text, in the output CSVs: put a letter in it (e.g. "x-${id}")`;
}
