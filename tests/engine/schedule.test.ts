// CapacitySchedule: capacity as a step function of weekly windows, dated changes and closed intervals;
// nextChangeAfter checked against a minute-by-minute scan; invalid specs rejected with the bad value named.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { CapacitySchedule, ScheduleCursor, ScheduleSpecError, type ScheduleSpec } from '../../src/engine/index.js';

const DAY = 1440;
const WEEK = 7 * DAY;

/** Weekdays only (Mon–Fri), 09:00–17:00, with a week starting at minute 0. */
const weekdays = Array.from({ length: 5 }, (_, d) => ({ fromMin: d * DAY + 540, toMin: d * DAY + 1020 }));

describe('CapacitySchedule.capacityAt', () => {
  const s = new CapacitySchedule({
    servers: 2,
    weeklyOpen: weekdays,
    changes: [{ atMin: WEEK + 600, servers: 5 }],
    closed: [{ fromMin: 2 * DAY, toMin: 3 * DAY }], // Wednesday of week 0 is a holiday
  });
  it.each([
    { atMin: 0, want: 0, why: 'Monday 00:00, before opening' },
    { atMin: 540, want: 2, why: 'opening instant belongs to the window' },
    { atMin: 1019, want: 2, why: 'last open minute' },
    { atMin: 1020, want: 0, why: 'closing instant is closed (half-open)' },
    { atMin: 2 * DAY + 600, want: 0, why: 'holiday' },
    { atMin: 3 * DAY + 600, want: 2, why: 'Thursday after the holiday' },
    { atMin: 5 * DAY + 600, want: 0, why: 'Saturday' },
    { atMin: WEEK + 599, want: 2, why: 'a minute before the dated change' },
    { atMin: WEEK + 600, want: 5, why: 'dated change takes effect at its instant' },
    { atMin: WEEK + 2 * DAY + 600, want: 5, why: 'the holiday does not repeat' },
    { atMin: -WEEK + 600, want: 2, why: 'the week repeats backwards too' },
  ])('$atMin → $want ($why)', ({ atMin, want }) => {
    expect(s.capacityAt(atMin)).toBe(want);
  });

  it('honours weekOriginMin (a week that starts before minute 0)', () => {
    // The run starts on a Wednesday 00:00: Monday 00:00 is minute -2 days.
    const w = new CapacitySchedule({ servers: 1, weeklyOpen: [{ fromMin: 0, toMin: DAY }], weekOriginMin: -2 * DAY });
    expect(w.capacityAt(0)).toBe(0);
    expect(w.capacityAt(5 * DAY)).toBe(1); // next Monday
    expect(w.capacityAt(6 * DAY - 1)).toBe(1);
    expect(w.capacityAt(6 * DAY)).toBe(0);
  });

  it('treats windows covering the whole week as always open', () => {
    const w = new CapacitySchedule({ servers: 3, weeklyOpen: [{ fromMin: 0, toMin: 4 * DAY }, { fromMin: 4 * DAY, toMin: WEEK }] });
    expect(w.capacityAt(123_456)).toBe(3);
    expect(w.nextChangeAfter(0)).toBe(Infinity);
  });
});

/** Schedules whose boundaries are whole minutes: windows, dated changes and closures up to three weeks out. */
const integerInterval = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max: 3 * DAY })).map(([a, len]) => ({ fromMin: a, toMin: Math.min(a + len, max) }))
    .filter((iv) => iv.fromMin < iv.toMin);
const integerSpec = fc.record({
  servers: fc.integer({ min: 0, max: 3 }),
  changes: fc.array(fc.record({ atMin: fc.integer({ min: -DAY, max: 3 * WEEK }), servers: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
  weeklyOpen: fc.option(fc.array(integerInterval(WEEK), { maxLength: 4 }), { nil: undefined }),
  weekOriginMin: fc.integer({ min: -WEEK, max: WEEK }),
  closed: fc.array(integerInterval(3 * WEEK), { maxLength: 3 }),
});

describe('CapacitySchedule.nextChangeAfter', () => {
  it.each([
    { spec: { servers: 4 }, afterMin: 0, want: Infinity },
    { spec: { servers: 4, changes: [{ atMin: 100, servers: 4 }] }, afterMin: 0, want: Infinity },
    { spec: { servers: 4, changes: [{ atMin: 100, servers: 2 }] }, afterMin: 0, want: 100 },
    { spec: { servers: 4, changes: [{ atMin: 100, servers: 2 }] }, afterMin: 100, want: Infinity },
    { spec: { servers: 1, weeklyOpen: weekdays }, afterMin: 0, want: 540 },
    { spec: { servers: 1, weeklyOpen: weekdays }, afterMin: 540, want: 1020 },
    { spec: { servers: 1, weeklyOpen: weekdays }, afterMin: 4 * DAY + 1020, want: WEEK + 540 },
    // a change while closed is no change of capacity; the reopening is
    { spec: { servers: 1, closed: [{ fromMin: 10, toMin: 50 }], changes: [{ atMin: 20, servers: 3 }] }, afterMin: 10, want: 50 },
    // Sunday 22:00 → Monday 06:00 is one open stretch: the week boundary is not a change
    { spec: { servers: 1, weeklyOpen: [{ fromMin: 0, toMin: 360 }, { fromMin: WEEK - 120, toMin: WEEK }] }, afterMin: WEEK - 120, want: WEEK + 360 },
  ])('after $afterMin → $want', ({ spec, afterMin, want }) => {
    expect(new CapacitySchedule(spec as ScheduleSpec).nextChangeAfter(afterMin)).toBe(want);
  });

  it('respects the horizon', () => {
    const s = new CapacitySchedule({ servers: 1, changes: [{ atMin: 500, servers: 0 }] });
    expect(s.nextChangeAfter(0, 499)).toBe(Infinity);
    expect(s.nextChangeAfter(0, 500)).toBe(500);
  });

  it('finds the same instant as a minute-by-minute scan (property, integer boundaries)', () => {
    fc.assert(
      fc.property(integerSpec, fc.integer({ min: 0, max: 2 * WEEK }), (sp, afterMin) => {
        const s = new CapacitySchedule(sp);
        const horizon = afterMin + 2 * WEEK;
        const got = s.nextChangeAfter(afterMin, horizon);
        // Boundaries are whole minutes, so capacity is constant on each [m, m+1): scan the minutes.
        const current = s.capacityAt(afterMin);
        let want = Infinity;
        for (let m = afterMin + 1; m <= horizon; m++) {
          if (s.capacityAt(m) !== current) {
            want = m;
            break;
          }
        }
        expect(got).toBe(want);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('remembers the chain of changes from 0: a second walker, and any horizon, get what a fresh schedule scans (property)', () => {
    fc.assert(
      fc.property(integerSpec, fc.integer({ min: 0, max: 4 * WEEK }), (sp, horizon) => {
        const shared = new CapacitySchedule(sp);
        for (let walker = 0; walker < 2; walker++) {
          let t = 0;
          for (let k = 0; k < 40 && t !== Infinity; k++) {
            const got = shared.nextChangeAfter(t, horizon);
            expect(got).toBe(new CapacitySchedule(sp).nextChangeAfter(t, horizon));
            t = got;
          }
        }
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('a cursor walks the same instants and capacities as asking a fresh schedule, on or off the chain (property)', () => {
    fc.assert(
      fc.property(integerSpec, fc.integer({ min: 0, max: 2 * WEEK }), (sp, startMin) => {
        const shared = new CapacitySchedule(sp);
        // Two cursors from 0 (the second reads what the first remembered) and one from an arbitrary instant.
        for (const from of [0, 0, startMin]) {
          const cursor = new ScheduleCursor(shared, from);
          let t = from;
          for (let k = 0; k < 40; k++) {
            const fresh = new CapacitySchedule(sp);
            expect([t, cursor.capacity()]).toEqual([t, fresh.capacityAt(t)]);
            const next = cursor.nextChange();
            expect(next).toBe(fresh.nextChangeAfter(t));
            if (next === Infinity) break;
            cursor.advance(next);
            t = next;
          }
        }
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('always moves forward with fractional windows and origin (property; it used to spin forever)', () => {
    // Float rounding in the minute-of-week arithmetic used to hand back the current instant as the next
    // boundary, e.g. weekOriginMin -4448.964…, one window [4741.505…, 7900.866…), from minute 131332.54….
    const interval = (max: number) =>
      fc.tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0.001, max: 3 * DAY, noNaN: true }))
        .map(([a, len]) => ({ fromMin: a, toMin: Math.min(a + len, max) }))
        .filter((iv) => iv.fromMin < iv.toMin);
    const spec = fc.record({
      servers: fc.integer({ min: 0, max: 3 }),
      weeklyOpen: fc.array(interval(WEEK), { minLength: 1, maxLength: 4 }),
      weekOriginMin: fc.double({ min: -WEEK, max: WEEK, noNaN: true }),
      closed: fc.array(interval(3 * WEEK), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(spec, fc.double({ min: 0, max: 3 * WEEK, noNaN: true }), (sp, startMin) => {
        const s = new CapacitySchedule(sp);
        let t = startMin;
        for (let k = 0; k < 30; k++) {
          const next = s.nextChangeAfter(t);
          if (next === Infinity) break;
          expect(next).toBeGreaterThan(t);
          expect(s.capacityAt(next)).not.toBe(s.capacityAt(t));
          t = next;
        }
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe('CapacitySchedule validation', () => {
  it.each([
    { spec: { servers: -1 }, message: /servers must be a non-negative integer, got -1/ },
    { spec: { servers: 1.5 }, message: /servers must be a non-negative integer, got 1.5/ },
    { spec: { servers: 1, changes: [{ atMin: 5, servers: 2 }, { atMin: 9, servers: -3 }] }, message: /changes\[1\]\.servers .* got -3/ },
    { spec: { servers: 1, weeklyOpen: [{ fromMin: 0, toMin: WEEK + 1 }] }, message: /weeklyOpen\[0\] must lie within/ },
    { spec: { servers: 1, weeklyOpen: [{ fromMin: 600, toMin: 600 }] }, message: /weeklyOpen\[0\] must have fromMin < toMin/ },
    { spec: { servers: 1, closed: [{ fromMin: 0, toMin: 10 }, { fromMin: 30, toMin: 20 }] }, message: /closed\[1\] must have fromMin < toMin, got \[30, 20\)/ },
  ])('rejects $message', ({ spec, message }) => {
    expect(() => new CapacitySchedule(spec as ScheduleSpec)).toThrow(ScheduleSpecError);
    expect(() => new CapacitySchedule(spec as ScheduleSpec)).toThrow(message);
  });
});
