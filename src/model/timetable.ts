// Turns a stage's opening timetable and dated server changes (local dates) into the engine's
// CapacitySchedule (simulation minutes).
import { CapacitySchedule, type Interval } from '../engine/index.js';
import type { ServerChange, Timetable } from '../scenario/types.js';
import { DAY_MIN, type ModelClock } from './clock.js';

/**
 * Capacity over time of `servers` servers open per `timetable`, changed on the dated `changes`. A schedule is
 * immutable apart from the changes it remembers, so a plan builds it once and every replication shares it.
 */
export function buildCapacitySchedule(timetable: Timetable, servers: number, changes: readonly ServerChange[], clock: ModelClock): CapacitySchedule {
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

/** When an approach gate is open (capacity 1) or closed (0): the first stage's hours, or always open. */
export function buildGateSchedule(timetable: Timetable | null, clock: ModelClock): CapacitySchedule {
  if (!timetable) return new CapacitySchedule({ servers: 1 });
  return buildCapacitySchedule(timetable, 1, [], clock);
}

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
