// The simulation clock and main loop: holds the calendar and the current time in minutes, nothing else.
import { EventCalendar, type EventHandler } from './calendar.js';
import { Priority } from './priority.js';

/** Thrown when an event is scheduled in the past or at a non-finite time. */
export class ScheduleError extends Error {}

/** A discrete-event simulation: a clock (minutes, float) and an event calendar. */
export class Simulation {
  /** Current simulated time, minutes since the start. */
  nowMin = 0;
  /** Events processed so far. */
  eventCount = 0;
  private readonly calendar = new EventCalendar();
  private stopped = false;

  /** Schedules `handler(arg)` after `delayMin` minutes; throws ScheduleError for negative or NaN delays. */
  schedule<T>(delayMin: number, handler: (arg: T) => void, arg: T, priority: number = Priority.normal): void {
    if (!(delayMin >= 0)) failDelay(delayMin);
    this.calendar.push(this.nowMin + delayMin, priority, handler as EventHandler, arg);
  }

  /** Schedules `handler(arg)` at instant `atMin`; throws ScheduleError if `atMin` is before now or NaN. */
  scheduleAt<T>(atMin: number, handler: (arg: T) => void, arg: T, priority: number = Priority.normal): void {
    if (!(atMin >= this.nowMin)) failAt(atMin, this.nowMin);
    this.calendar.push(atMin, priority, handler as EventHandler, arg);
  }

  /** Pending events. */
  get pending(): number {
    return this.calendar.size;
  }

  /** Ends the current run() after the event being processed. */
  stop(): void {
    this.stopped = true;
  }

  /** True when the last run() ended because stop() was called. */
  get wasStopped(): boolean {
    return this.stopped;
  }

  /**
   * Processes events in (time, priority, sequence) order up to and including `untilMin`, then sets the
   * clock to `untilMin` (unless stopped earlier or untilMin is Infinity and the calendar ran dry).
   */
  run(untilMin: number = Infinity): void {
    this.stopped = false;
    const cal = this.calendar;
    let n = 0;
    while (cal.size > 0 && cal.peekTime() <= untilMin) {
      this.nowMin = cal.pop();
      n++;
      cal.poppedHandler(cal.poppedArg);
      if (this.stopped) break;
    }
    this.eventCount += n;
    if (!this.stopped && untilMin !== Infinity && untilMin > this.nowMin) this.nowMin = untilMin;
  }
}

// Cold error paths kept out of the hot schedule methods so they stay small enough to inline.
function failDelay(delayMin: number): never {
  throw new ScheduleError(`delayMin must be >= 0, got ${delayMin}`);
}

function failAt(atMin: number, nowMin: number): never {
  throw new ScheduleError(`atMin must be >= now (${nowMin}), got ${atMin}`);
}
