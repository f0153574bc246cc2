// Turns a stage's opening timetable and dated server changes (local dates) into the engine's
// CapacitySchedule (simulation minutes).
import { CapacitySchedule, type Interval } from '../engine/index.js';
import type { ServerChange, Timetable } from '../scenario/types.js';
import { DAY_MIN, type ModelClock } from './clock.js';

/** Capacity over time of `servers` servers open per `timetable`, changed on the dated `changes`. */
export function buildCapacitySchedule(
  timetable: Timetable,
  servers: number,
  changes: readonly ServerChange[],
  clock: ModelClock,
): CapacitySchedule {
  return new CapacitySchedule({
    servers,
    changes: changes.map((c) => ({ atMin: clock.minuteOf(c.fromDate), servers: c.servers })),
    weeklyOpen: weeklyWindows(timetable),
    weekOriginMin: clock.weekOriginMin,
    closed: timetable.closedDates.map((d) => {
      const fromMin = clock.minuteOf(d);
      return { fromMin, toMin: fromMin + DAY_MIN };
    }),
  });
}

/** Open/closed gate with effectively unlimited width: used to hold vehicles on the approach while closed. */
export function buildGateSchedule(timetable: Timetable | null, clock: ModelClock): CapacitySchedule {
  if (!timetable) return new CapacitySchedule({ servers: GATE_WIDTH });
  return buildCapacitySchedule(timetable, GATE_WIDTH, [], clock);
}

/** More vehicles than can ever be inside a crossing at once. */
export const GATE_WIDTH = 1_000_000_000;

function weeklyWindows(timetable: Timetable): Interval[] {
  const out: Interval[] = [];
  for (const w of timetable.windows) {
    for (const wd of w.weekdays) {
      const base = (wd - 1) * DAY_MIN;
      out.push({ fromMin: base + w.openMin, toMin: base + w.closeMin });
    }
  }
  return out;
}
