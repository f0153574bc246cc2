// A gate: open or closed over time by a CapacitySchedule (open while its capacity is above 0). Entities pass
// an open gate at once, holding nothing; while it is closed they wait in arrival order, and all go on, in
// that order, the moment it opens. Cheaper than a Resource of unlimited width, with the same behaviour.
import { Priority } from './priority.js';
import { ScheduleCursor, type CapacitySchedule } from './schedule.js';
import type { Simulation } from './simulation.js';
import { FifoLine, type GrantCallback } from './waitline.js';

/** Holds entities while closed; passing an open gate with nobody waiting costs one test. */
export class Gate<T = unknown> {
  readonly name: string;
  /** True while the schedule's capacity is above 0. */
  isOpen: boolean;
  /** Entities that have passed (at once or after waiting). */
  passed = 0;
  private readonly line = new FifoLine<T>();
  private readonly sim: Simulation;
  /** Where the gate is in its schedule's changes. */
  private readonly cursor: ScheduleCursor;

  constructor(sim: Simulation, name: string, schedule: CapacitySchedule) {
    this.sim = sim;
    this.name = name;
    this.cursor = new ScheduleCursor(schedule, sim.nowMin);
    this.isOpen = this.cursor.capacity() > 0;
    this.scheduleNextChange();
  }

  /** Entities waiting now. */
  get waiting(): number {
    return this.line.length;
  }

  /**
   * Passes now (true) when the gate is open and nobody waits; otherwise queues the entity (false) and calls
   * `onPassed` when the gate opens, after everyone who came before it.
   */
  pass(entity: T, onPassed: GrantCallback<T>): boolean {
    if (this.isOpen && this.line.length === 0) {
      this.passed++;
      return true;
    }
    this.line.push(entity, onPassed);
    return false;
  }

  /** @internal called by the schedule's change event. */
  applyScheduledState(): void {
    this.cursor.advance(this.sim.nowMin);
    this.isOpen = this.cursor.capacity() > 0;
    this.scheduleNextChange();
    this.releaseWaiting();
  }

  /**
   * Lets the waiting entities go in order (each runs on synchronously). Only a change event calls this and
   * nobody comes back through a gate, so it is never re-entered.
   */
  private releaseWaiting(): void {
    const line = this.line;
    while (this.isOpen && line.length > 0) {
      const e = line.shift();
      const cb = line.headCallback;
      this.passed++;
      cb(e);
    }
  }

  private scheduleNextChange(): void {
    const next = this.cursor.nextChange();
    if (next !== Infinity) this.sim.scheduleAt(next, onGateChange, this, Priority.capacity);
  }
}

function onGateChange(g: Gate<any>): void {
  g.applyScheduledState();
}
