// Per-day figures of one crossing × direction × class: counts and tonnes of the local date, the day's
// time-average and maximum approach queue, and the mean approach wait of vehicles entering that day.
import type { Direction, VehicleClass } from '../scenario/types.js';
import type { DailyResult } from './results.js';
import type { GroupStats } from './groups.js';
import { DAY_MIN } from './clock.js';
import { MIN_PER_H } from '../units.js';

/** Accumulates one group's current day; `close` emits the row and starts the next day. */
export class DailyCounter {
  arrivals = 0;
  completed = 0;
  // Fractional sums are created as NaN and zeroed in the constructor, as in GroupStats (doubles from the start).
  tonnes = NaN;
  railcars = 0;
  entered = 0;
  waitSumMin = NaN;
  queueMax = 0;
  divertedIn = 0;
  divertedOut = 0;
  private areaAtDayStart = NaN;

  constructor(
    private readonly group: GroupStats,
    private readonly direction: Direction,
    private readonly vehicleClass: VehicleClass,
  ) {
    this.tonnes = 0;
    this.waitSumMin = 0;
    this.areaAtDayStart = 0;
  }

  /** Notes the approach level after an arrival. */
  noteQueue(level: number): void {
    if (level > this.queueMax) this.queueMax = level;
  }

  /** The day's row, ending at `nowMin`; resets the counters for the next day. */
  close(date: string, nowMin: number): DailyResult {
    const area = this.group.approach.integral(nowMin);
    const row: DailyResult = {
      date,
      crossing: this.group.crossing,
      direction: this.direction,
      vehicleClass: this.vehicleClass,
      arrivals: this.arrivals,
      completed: this.completed,
      tonnes: this.tonnes,
      railcars: this.railcars,
      approachQueueMean: (area - this.areaAtDayStart) / DAY_MIN,
      approachQueueMax: this.queueMax,
      entered: this.entered,
      approachWaitH: this.waitSumMin / MIN_PER_H,
      // Not defined on a day nobody left the approach: NaN (an empty cell), not a 0 that reads as "no wait".
      approachWaitHMean: this.entered > 0 ? this.waitSumMin / this.entered / MIN_PER_H : NaN,
      divertedIn: this.divertedIn,
      divertedOut: this.divertedOut,
    };
    this.restart(nowMin);
    return row;
  }

  /** Starts a fresh day at `nowMin` (also after the warm-up reset, when the monitor's integral restarts). */
  restart(nowMin: number): void {
    this.arrivals = 0;
    this.completed = 0;
    this.tonnes = 0;
    this.railcars = 0;
    this.entered = 0;
    this.waitSumMin = 0;
    this.divertedIn = 0;
    this.divertedOut = 0;
    this.queueMax = this.group.approach.level;
    this.areaAtDayStart = this.group.approach.integral(nowMin);
  }
}
