// The simulation clock and main loop: the calendar, one more pending event held outside it (the source slot,
// for a stream of arrivals) and the current time in minutes.
import { EventCalendar, type EventHandler } from './calendar.js';
import { Priority } from './priority.js';
import { EngineError } from './errors.js';

/** Thrown when an event is scheduled in the past or at a non-finite time. */
export class ScheduleError extends EngineError {}

/** A discrete-event simulation: a clock (minutes, float) and an event calendar. */
export class Simulation {
  /** Current simulated time, minutes since the start (NaN until the constructor zeroes it: a double from the start, see monitor.ts). */
  nowMin = NaN;
  /** Events processed so far. */
  eventCount = 0;
  private readonly calendar = new EventCalendar();
  private stopped = false;
  /** The source slot's pending event: its instant (Infinity when empty), order key and handler. */
  private sourceMin = Infinity;
  private sourceKey = NaN;
  private sourceHandler: (arg: any) => void = noSourceEvent;
  private sourceArg: unknown = undefined;

  constructor() {
    this.nowMin = 0;
    this.sourceKey = 0;
  }

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

  /**
   * Puts `handler` in the source slot, to run at `atMin`: one event held outside the calendar, for a stream of
   * events that each schedule the next (arrivals from outside), which then costs no heap insertion or removal.
   * It runs in the same order as if scheduled with scheduleAt (time, then priority, then the order scheduled).
   * The handler receives `arg`: a handler shared by every instance (a module-level function, not a closure made
   * per object) keeps the call site monomorphic across simulations (docs/v8-notes.md §2).
   * Throws ScheduleError if `atMin` is before now, not finite, or if the slot already holds an event.
   */
  scheduleSource<T>(atMin: number, handler: (arg: T) => void, priority: number = Priority.arrival, arg?: T): void {
    if (!(atMin >= this.nowMin && atMin !== Infinity)) failSourceAt(atMin, this.nowMin);
    if (this.sourceMin !== Infinity) failSourceFull(this.sourceMin);
    this.sourceMin = atMin;
    this.sourceKey = this.calendar.takeKey(priority);
    this.sourceHandler = handler;
    this.sourceArg = arg;
  }

  /** Pending events (the source slot's included). */
  get pending(): number {
    return this.calendar.size + (this.sourceMin !== Infinity ? 1 : 0);
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
    for (;;) {
      const sourceMin = this.sourceMin;
      if (cal.size > 0) {
        const calMin = cal.peekTime();
        if (sourceMin < calMin || (sourceMin === calMin && sourceMin !== Infinity && this.sourceKey < cal.peekKey())) {
          if (sourceMin > untilMin) break;
          this.runSource(sourceMin);
        } else {
          if (calMin > untilMin) break;
          this.nowMin = cal.pop();
          cal.poppedHandler(cal.poppedArg);
        }
      } else {
        if (sourceMin === Infinity || sourceMin > untilMin) break;
        this.runSource(sourceMin);
      }
      n++;
      if (this.stopped) break;
    }
    this.eventCount += n;
    if (!this.stopped && untilMin !== Infinity && untilMin > this.nowMin) this.nowMin = untilMin;
  }

  /** Empties the source slot and runs its event at `atMin` (the handler may fill the slot again). */
  private runSource(atMin: number): void {
    this.nowMin = atMin;
    this.sourceMin = Infinity;
    this.sourceHandler(this.sourceArg);
  }
}

function noSourceEvent(): void {}

// Cold error paths kept out of the hot schedule methods so they stay small enough to inline (docs/v8-notes.md §4).
function failDelay(delayMin: number): never {
  throw new ScheduleError(`delayMin must be >= 0, got ${delayMin}`);
}

function failAt(atMin: number, nowMin: number): never {
  throw new ScheduleError(`atMin must be >= now (${nowMin}), got ${atMin}`);
}

function failSourceAt(atMin: number, nowMin: number): never {
  throw new ScheduleError(`a source event needs a finite atMin >= now (${nowMin}), got ${atMin}`);
}

function failSourceFull(atMin: number): never {
  throw new ScheduleError(`the source slot already holds an event at ${atMin}`);
}
