// The model's local calendar: dates, months and ISO weekdays of day indices, across month ends and a leap
// year, the same on a second (cached) call; bad dates are refused with the value in the message.
import { describe, expect, it } from 'vitest';
import { DateError, epochDayOf, ModelClock } from '../../src/model/clock.js';

describe('ModelClock', () => {
  it.each([
    { start: '2023-01-01', day: 0, date: '2023-01-01', month: 0, weekday: 7 },
    { start: '2023-01-01', day: 58, date: '2023-02-28', month: 1, weekday: 2 },
    { start: '2023-12-31', day: 60, date: '2024-02-29', month: 1, weekday: 4 },
    { start: '2023-12-31', day: 61, date: '2024-03-01', month: 2, weekday: 5 },
    { start: '2024-01-01', day: 365, date: '2024-12-31', month: 11, weekday: 2 },
    { start: '2024-01-01', day: -1, date: '2023-12-31', month: 11, weekday: 7 },
  ])('$start + $day days is $date (month $month, ISO weekday $weekday)', ({ start, day, date, month, weekday }) => {
    const clock = new ModelClock(start);
    for (let pass = 0; pass < 2; pass++) {
      expect(clock.dateOfDay(day)).toBe(date);
      expect(clock.monthOfDay(day)).toBe(month);
      expect(clock.weekdayOfDay(day)).toBe(weekday);
    }
    expect(clock.dayIndexOf(date)).toBe(day);
    expect(clock.minuteOf(date)).toBe(day * 1440);
  });

  it('agrees with the built-in Date over three years, day by day', () => {
    const clock = new ModelClock('2023-11-15');
    for (let day = 0; day < 3 * 366; day++) {
      const d = new Date(Date.UTC(2023, 10, 15 + day));
      expect(clock.monthOfDay(day)).toBe(d.getUTCMonth());
      expect(clock.dateOfDay(day)).toBe(d.toISOString().slice(0, 10));
      expect(clock.weekdayOfDay(day)).toBe(((d.getUTCDay() + 6) % 7) + 1);
    }
  });

  it.each([
    { start: '2023-01-01', days: 365 },
    { start: '2024-01-01', days: 366 },
    { start: '2023-03-01', days: 366 },
    { start: '2024-03-01', days: 365 },
    { start: '2024-02-29', days: 366 }, // to 2025-03-01
  ])('the first year from $start has $days days', ({ start, days }) => {
    expect(new ModelClock(start).daysInFirstYear).toBe(days);
  });

  it('refuses malformed and impossible dates', () => {
    expect(() => epochDayOf('2023-02-29')).toThrow(DateError);
    expect(() => new ModelClock('2023-13-01')).toThrow(/not a calendar date: "2023-13-01"/);
    expect(() => new ModelClock('23-01-01')).toThrow(/expected a date YYYY-MM-DD, got "23-01-01"/);
  });
});

describe('ModelClock caches', () => {
  it('answers a day asked again (from its caches) as it answered the first time, and as a fresh clock does', () => {
    const a = new ModelClock('2024-02-27');
    const first = [0, 1, 2, 3, 365, 366].map((d) => [a.dateOfDay(d), a.monthOfDay(d), a.weekdayOfDay(d)]);
    const fresh = new ModelClock('2024-02-27');
    [0, 1, 2, 3, 365, 366].forEach((d, i) => {
      expect([a.dateOfDay(d), a.monthOfDay(d), a.weekdayOfDay(d)]).toEqual(first[i]);
      expect([fresh.dateOfDay(d), fresh.monthOfDay(d), fresh.weekdayOfDay(d)]).toEqual(first[i]);
    });
  });
});
