// Calendar text for scenario files: ISO dates, opening hours ("08:00-20:00", "24h") and weekdays,
// turned into the resolved OpeningWindow / closed-date form. Pure functions, no time zones (local clocks).
import { MIN_PER_DAY, MIN_PER_H, MS_PER_DAY } from '../units.js';
import type { OpeningWindow } from './types.js';

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
/** Minutes in a day (from src/units.ts, where every unit constant is written once). */
export { MIN_PER_DAY };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Milliseconds since 1970 of a UTC date; unlike Date.UTC, years 0–99 stay themselves (not 1900–1999). */
export function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** True for a real calendar date written YYYY-MM-DD (years 0001–9999). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m || m[1] === '0000') return false;
  return new Date(utcMs(Number(m[1]), Number(m[2]), Number(m[3]))).toISOString().slice(0, 10) === text;
}

/**
 * The longest run, in days (100 years and a few leap days): planning horizons are decades, and a longer one is
 * almost surely a typo that would run for hours.
 */
export const MAX_DAYS = 36_600;

/** The last date a run may reach: dates are written YYYY-MM-DD, four-digit years only. */
export const LAST_DATE = '9999-12-31';

/** True when a run of `days` days from `startDate` (YYYY-MM-DD) ends on or before LAST_DATE. */
export function endsByLastDate(startDate: string, days: number): boolean {
  return Date.parse(`${startDate}T00:00:00Z`) + (days - 1) * MS_PER_DAY <= Date.parse(`${LAST_DATE}T00:00:00Z`);
}

/** The ISO date `days` days after `date` (negative goes back); `date` must be YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every ISO date from `from` to `to` inclusive (empty if to < from). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A daily opening interval in minutes after local midnight; close may be below open (crosses midnight). */
export interface TimeRange {
  openMin: number;
  closeMin: number;
}

/**
 * Parses "HH:MM-HH:MM" or "24h" into minutes; returns an error message instead for anything else
 * (hours past 24:00, equal open and close).
 */
export function parseTimeRange(text: string): TimeRange | string {
  if (text === '24h') return { openMin: 0, closeMin: MIN_PER_DAY };
  const m = TIME_RANGE.exec(text);
  if (!m) return 'expected opening hours as "HH:MM-HH:MM" or "24h"';
  const [openH, openM, closeH, closeM] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (openM > 59 || closeM > 59) return 'minutes must be 00–59';
  const openMin = openH * MIN_PER_H + openM;
  const closeMin = closeH * MIN_PER_H + closeM;
  if (openMin > MIN_PER_DAY || closeMin > MIN_PER_DAY) return 'times must be between 00:00 and 24:00';
  if (openMin === closeMin) return 'opening and closing times are equal (write "24h" for round the clock)';
  return { openMin: openMin === MIN_PER_DAY ? 0 : openMin, closeMin };
}

/** ISO weekday number 1–7 for a weekday written as a number or a name (Mon…Sun). */
export function weekdayNumber(day: number | WeekdayName): number {
  return typeof day === 'number' ? day : WEEKDAY_NAMES.indexOf(day) + 1;
}

/**
 * Opening windows for one daily interval on the given ISO weekdays; an interval that crosses midnight
 * ("20:00-08:00") becomes an evening window on those days and a morning window on the following days.
 */
export function windowsFor(range: TimeRange, weekdays: readonly number[]): OpeningWindow[] {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (range.closeMin > range.openMin) return [{ weekdays: days, openMin: range.openMin, closeMin: range.closeMin }];
  const next = [...new Set(days.map((d) => (d % 7) + 1))].sort((a, b) => a - b);
  const out: OpeningWindow[] = [{ weekdays: days, openMin: range.openMin, closeMin: MIN_PER_DAY }];
  if (range.closeMin > 0) out.push({ weekdays: next, openMin: 0, closeMin: range.closeMin });
  return out;
}

/** Open minutes per week of a set of windows (overlaps are not merged; used for capacity arithmetic). */
export function openMinPerWeek(windows: readonly OpeningWindow[]): number {
  return windows.reduce((sum, w) => sum + (w.closeMin - w.openMin) * w.weekdays.length, 0);
}

/** True when some window contains the start of a clock hour (a booking service's hours have slots only then). */
export function windowsHoldHourStart(windows: readonly OpeningWindow[]): boolean {
  return windows.some((w) => w.weekdays.length > 0 && Math.ceil(w.openMin / MIN_PER_H) * MIN_PER_H < w.closeMin);
}
