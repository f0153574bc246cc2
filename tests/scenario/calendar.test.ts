import { describe, expect, test } from 'vitest';
import { addDays, datesBetween, isIsoDate, openMinPerWeek, parseTimeRange, windowsFor } from '../../src/scenario/calendar.js';

describe('calendar text', () => {
  test.each([
    ['08:00-20:00', { openMin: 480, closeMin: 1200 }],
    ['24h', { openMin: 0, closeMin: 1440 }],
    ['00:00-24:00', { openMin: 0, closeMin: 1440 }],
    ['20:00-08:00', { openMin: 1200, closeMin: 480 }],
    ['8-20', /HH:MM/],
    ['08:00-08:00', /equal/],
    ['08:70-09:00', /minutes/],
    ['25:00-26:00', /between/],
  ])('parseTimeRange(%s)', (text, expected) => {
    const parsed = parseTimeRange(text);
    if (expected instanceof RegExp) expect(parsed).toMatch(expected);
    else expect(parsed).toEqual(expected);
  });

  test('windows crossing midnight move their morning part to the next weekday (Sunday → Monday)', () => {
    expect(windowsFor({ openMin: 1320, closeMin: 360 }, [5, 7])).toEqual([
      { weekdays: [5, 7], openMin: 1320, closeMin: 1440 },
      { weekdays: [1, 6], openMin: 0, closeMin: 360 },
    ]);
    expect(windowsFor({ openMin: 1320, closeMin: 0 }, [1])).toEqual([{ weekdays: [1], openMin: 1320, closeMin: 1440 }]);
  });

  test('open minutes per week', () => {
    expect(openMinPerWeek(windowsFor({ openMin: 480, closeMin: 1200 }, [1, 2, 3, 4, 5, 6, 7]))).toBe(7 * 720);
  });

  test('dates', () => {
    expect([isIsoDate('2024-02-29'), isIsoDate('2023-02-29'), isIsoDate('2023-1-01')]).toEqual([true, false, false]);
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(datesBetween('2022-12-30', '2023-01-02')).toEqual(['2022-12-30', '2022-12-31', '2023-01-01', '2023-01-02']);
    expect(datesBetween('2023-01-02', '2023-01-01')).toEqual([]);
  });
});
