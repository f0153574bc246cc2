// The model's local calendar: converts between simulation minutes (0 = 00:00 local on the start date)
// and local ISO dates, months and ISO weekdays. Plain date arithmetic; no time zones needed.
import { EngineError } from '../engine/errors.js';
import { daysInYearFrom } from '../scenario/year.js';
import { MIN_PER_DAY, MS_PER_DAY } from '../units.js';

/** Minutes in a day (the clock's unit; see src/units.ts). */
export const DAY_MIN = MIN_PER_DAY;

/** Thrown for a date that is not a valid ISO YYYY-MM-DD. */
export class DateError extends EngineError {}

/** Parses 'YYYY-MM-DD' to a UTC epoch day number; throws DateError for anything else. */
export function epochDayOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new DateError(`expected a date YYYY-MM-DD, got "${isoDate}"`);
  // setUTCFullYear, not Date.UTC: years 0–99 stay themselves (Date.UTC maps them to 1900–1999).
  const at = new Date(0);
  at.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const ms = at.getTime();
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== isoDate) throw new DateError(`not a calendar date: "${isoDate}"`);
  return ms / MS_PER_DAY;
}

/** Dates, months and weekdays of the simulation's days, counted from the start date (a plan holds one, so its caches of dates and months are filled once per scenario). */
export class ModelClock {
  readonly startDate: string;
  private readonly startEpochDay: number;
  /** ISO weekday of the start date, 1 = Monday … 7 = Sunday. */
  readonly startWeekday: number;
  private readonly dateCache: string[] = [];
  private readonly monthCache: number[] = [];

  /** Throws DateError for an invalid start date. */
  constructor(startDate: string) {
    this.startDate = startDate;
    this.startEpochDay = epochDayOf(startDate);
    // 1970-01-01 was a Thursday (ISO 4).
    this.startWeekday = ((((this.startEpochDay + 3) % 7) + 7) % 7) + 1;
  }

  /** Days from the start date to the same date a year later: 366 when a 29 February falls in between. */
  get daysInFirstYear(): number {
    return daysInYearFrom(this.startDate);
  }

  /** Day index (0 = start date) of an ISO date; negative before the start. */
  dayIndexOf(isoDate: string): number {
    return epochDayOf(isoDate) - this.startEpochDay;
  }

  /** Simulation minute of 00:00 on an ISO date. */
  minuteOf(isoDate: string): number {
    return this.dayIndexOf(isoDate) * DAY_MIN;
  }

  /** ISO date of day index `day`. */
  dateOfDay(day: number): string {
    let d = this.dateCache[day];
    if (d === undefined) {
      d = new Date((this.startEpochDay + day) * MS_PER_DAY).toISOString().slice(0, 10);
      if (day >= 0 && day < 100_000) this.dateCache[day] = d;
    }
    return d;
  }

  /** Month 0–11 of day index `day`. */
  monthOfDay(day: number): number {
    let m = this.monthCache[day];
    if (m === undefined) {
      m = new Date((this.startEpochDay + day) * MS_PER_DAY).getUTCMonth();
      if (day >= 0 && day < 100_000) this.monthCache[day] = m;
    }
    return m;
  }

  /** ISO weekday 1–7 of day index `day`. */
  weekdayOfDay(day: number): number {
    return ((((this.startWeekday - 1 + day) % 7) + 7) % 7) + 1;
  }

  /** Simulation minute at which the week containing the start begins (Monday 00:00, ≤ 0). */
  get weekOriginMin(): number {
    return -(this.startWeekday - 1) * DAY_MIN;
  }
}
