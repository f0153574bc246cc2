// Unit constants, written once: the clock runs in minutes; outputs speak hours, days and 365-day years.

/** Minutes in an hour. */
export const MIN_PER_H = 60;

/** Minutes in a day. */
export const MIN_PER_DAY = 1440;

/** Days in the year that per-year figures are scaled to (delay totals). */
export const DAYS_PER_YEAR = 365;

/** Milliseconds in a day (calendar dates as UTC midnights). */
export const MS_PER_DAY = 86_400_000;
