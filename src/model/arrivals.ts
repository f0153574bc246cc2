// The arrivals of one crossing's demand sources merged into one pending event, held in the simulation's source
// slot: a single "next arrival" per crossing (not one per source), and never an insertion into the calendar.
import { Priority, type Simulation } from '../engine/index.js';

/** Where a source's arrival instants come from (minutes, non-decreasing, Infinity when there are no more). */
export interface ArrivalTimes {
  next(): number;
}

/**
 * What happens when a source's vehicle arrives. An object with a method, not a closure: every crossing and
 * replication then calls the same function through the same hidden class (docs/v8-notes.md §2).
 */
export interface ArrivalTarget {
  arrive(): void;
}

/**
 * Merges the arrival processes of several sources: one event at the earliest next arrival; simultaneous
 * arrivals go in the order the sources were added (deterministic). It holds its simulation's source slot, so
 * a simulation has at most one merger that schedules anything.
 */
export class ArrivalMerger {
  private readonly times: ArrivalTimes[] = [];
  private readonly targets: ArrivalTarget[] = [];
  private nextMin = new Float64Array(0);
  /** The source whose arrival is scheduled. */
  private due = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly endMin: number,
  ) {}

  /** Adds a source (its instants and what its arrivals do) and draws its first arrival; then call start(). */
  add(times: ArrivalTimes, target: ArrivalTarget): void {
    this.times.push(times);
    this.targets.push(target);
    const next = new Float64Array(this.times.length);
    next.set(this.nextMin);
    next[this.times.length - 1] = times.next();
    this.nextMin = next;
  }

  /** Schedules the earliest first arrival of the sources added. */
  start(): void {
    this.scheduleEarliest();
  }

  /** @internal the source slot's event: the due source's vehicle arrives, then the next arrival is scheduled. */
  arriveNext(): void {
    const i = this.due;
    this.targets[i]!.arrive();
    this.nextMin[i] = this.times[i]!.next();
    this.scheduleEarliest();
  }

  /** Schedules the earliest next arrival (the first added among equals), if before the end. */
  private scheduleEarliest(): void {
    const next = this.nextMin;
    if (next.length === 0) return;
    let best = 0;
    for (let i = 1; i < next.length; i++) if (next[i]! < next[best]!) best = i;
    this.due = best;
    if (next[best]! < this.endMin) this.sim.scheduleSource(next[best]!, fireMerger, Priority.arrival, this);
  }
}

/** The source slot's handler for every merger (one function, so the engine's call site stays monomorphic; docs/v8-notes.md §2). */
function fireMerger(m: ArrivalMerger): void {
  m.arriveNext();
}
