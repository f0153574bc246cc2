// A resource: c identical servers with a waiting line (FIFO or priority) and a capacity that may follow
// a CapacitySchedule. When capacity drops, busy servers finish their entity (overtime) and start no new one.
import type { Simulation } from './simulation.js';
import { Priority } from './priority.js';
import { LevelMonitor, Tally } from './monitor.js';
import { FifoLine, PriorityLine, type GrantCallback, type WaitLine } from './waitline.js';
import { ScheduleCursor, type CapacitySchedule } from './schedule.js';

export interface ResourceOptions {
  /** Fixed number of servers (ignored when `schedule` is given). */
  capacity?: number;
  /** Capacity over time; the resource schedules its own capacity-change events. */
  schedule?: CapacitySchedule;
  /** 'fifo' (default) or 'priority' (lower number first, FIFO among equals). */
  discipline?: 'fifo' | 'priority';
}

/** Figures of a resource since the start or the last reset. */
export interface ResourceStats {
  served: number;
  /** Server-minutes available (capacity integrated over time). */
  openServerMin: number;
  /** Server-minutes busy within capacity. */
  busyOpenMin: number;
  /** Server-minutes busy beyond capacity (finishing after a shift ended). */
  overtimeMin: number;
  /** busyOpenMin / openServerMin (NaN when never open). */
  utilisation: number;
  /** Time-average number waiting. */
  queueMean: number;
  queueMax: number;
  /** Time-average number in service (busy servers, overtime included). */
  busyMean: number;
  /** Minutes with capacity above 0 (open), and of those with every server busy (full). */
  openMin: number;
  fullMin: number;
  /** Minutes from asking to being granted, one observation per grant (0 when granted at once). */
  waits: Tally;
}

/** c servers and a waiting line; `request` grants at once when a server is free and nobody waits. */
export class Resource<T = unknown> {
  readonly name: string;
  busy = 0;
  capacity: number;
  served = 0;
  /** Number waiting, as a time-weighted level. */
  readonly queue: LevelMonitor;
  /** Minutes each grant waited in the line (0 for one granted at once), since the start or last reset. */
  readonly waits = new Tally();
  /**
   * Minutes the latest grant waited: read it in the step right after the seize (the granted entity runs on at
   * once, before any other grant of this resource).
   */
  lastWaitMin = NaN;
  private readonly line: WaitLine<T>;
  private readonly sim: Simulation;
  /** Where the resource is in its schedule's changes (null with a fixed capacity). */
  private readonly cursor: ScheduleCursor | null;
  private lastMin: number;
  private startMin: number;
  // Created as NaN and zeroed in the constructor: doubles from the first resource on (see monitor.ts).
  private openServerMin = NaN;
  private busyOpenMin = NaN;
  private overtimeMin = NaN;
  private openMin = NaN;
  private fullMin = NaN;
  private dispatching = false;

  /** Throws RangeError for a negative or fractional fixed capacity. */
  constructor(sim: Simulation, name: string, options: ResourceOptions = {}) {
    this.sim = sim;
    this.name = name;
    this.openServerMin = 0;
    this.busyOpenMin = 0;
    this.overtimeMin = 0;
    this.openMin = 0;
    this.fullMin = 0;
    this.lastWaitMin = 0;
    this.line = options.discipline === 'priority' ? new PriorityLine<T>() : new FifoLine<T>();
    this.queue = new LevelMonitor(sim.nowMin);
    this.lastMin = sim.nowMin;
    this.startMin = sim.nowMin;
    if (options.schedule) {
      this.cursor = new ScheduleCursor(options.schedule, sim.nowMin);
      this.capacity = this.cursor.capacity();
      this.scheduleNextChange();
    } else {
      this.cursor = null;
      const c = options.capacity ?? 1;
      if (!(Number.isInteger(c) && c >= 0)) throw new RangeError(`resource "${name}": capacity must be a non-negative integer, got ${c}`);
      this.capacity = c;
    }
  }

  /** Number waiting now. */
  get waiting(): number {
    return this.line.length;
  }

  /**
   * Asks for a server: returns true if granted now (the caller goes on), false if queued; a queued
   * entity is later passed to `onGranted` when a server is free.
   */
  request(entity: T, onGranted: GrantCallback<T>, priority = 0): boolean {
    if (this.busy < this.capacity && this.line.length === 0) {
      this.accrue();
      this.busy++;
      this.lastWaitMin = 0;
      this.waits.add(0);
      return true;
    }
    this.line.push(entity, onGranted, priority, this.sim.nowMin);
    this.queue.set(this.line.length, this.sim.nowMin);
    return false;
  }

  /** Frees one server and starts waiting entities while capacity allows; throws RangeError if none is busy. */
  release(): void {
    if (this.busy === 0) failRelease(this.name);
    this.accrue();
    this.busy--;
    this.served++;
    this.startWaiting();
  }

  /** Discards statistics before now (warm-up). */
  reset(): void {
    this.accrue();
    this.openServerMin = 0;
    this.busyOpenMin = 0;
    this.overtimeMin = 0;
    this.openMin = 0;
    this.fullMin = 0;
    this.served = 0;
    this.startMin = this.sim.nowMin;
    this.queue.reset(this.sim.nowMin);
    this.waits.reset();
  }

  /** Statistics from the start or last reset up to now. */
  stats(): ResourceStats {
    this.accrue();
    const now = this.sim.nowMin;
    const span = now - this.startMin;
    return {
      served: this.served,
      openServerMin: this.openServerMin,
      busyOpenMin: this.busyOpenMin,
      overtimeMin: this.overtimeMin,
      utilisation: this.openServerMin > 0 ? this.busyOpenMin / this.openServerMin : NaN,
      queueMean: this.queue.mean(now),
      queueMax: this.queue.max,
      busyMean: span > 0 ? (this.busyOpenMin + this.overtimeMin) / span : this.busy,
      openMin: this.openMin,
      fullMin: this.fullMin,
      waits: this.waits,
    };
  }

  /**
   * Starts waiting entities while servers are free. A granted entity runs on synchronously and may release
   * this same resource again (a gate it passes straight through): the nested call returns at once and this
   * loop carries on, so entities leave the line strictly in its order.
   */
  private startWaiting(): void {
    if (this.dispatching || this.line.length === 0) return;
    this.dispatching = true;
    try {
      const line = this.line;
      while (line.length > 0 && this.busy < this.capacity) {
        const e = line.shift();
        const cb = line.headCallback;
        const now = this.sim.nowMin;
        this.busy++;
        this.queue.set(line.length, now);
        const waited = now - line.headJoinedAtMin;
        this.lastWaitMin = waited;
        this.waits.add(waited);
        cb(e);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private accrue(): void {
    const now = this.sim.nowMin;
    const dt = now - this.lastMin;
    if (dt > 0) {
      const inCap = this.busy < this.capacity ? this.busy : this.capacity;
      this.openServerMin += this.capacity * dt;
      this.busyOpenMin += inCap * dt;
      this.overtimeMin += (this.busy - inCap) * dt;
      if (this.capacity > 0) {
        this.openMin += dt;
        if (this.busy >= this.capacity) this.fullMin += dt;
      }
      this.lastMin = now;
    }
  }

  private scheduleNextChange(): void {
    const next = this.cursor!.nextChange();
    if (next !== Infinity) this.sim.scheduleAt(next, onCapacityChange, this, Priority.capacity);
  }

  /** @internal called by the capacity-change event. */
  applyScheduledCapacity(): void {
    this.accrue();
    this.cursor!.advance(this.sim.nowMin);
    this.capacity = this.cursor!.capacity();
    this.scheduleNextChange();
    this.startWaiting();
  }
}

function onCapacityChange(r: Resource<any>): void {
  r.applyScheduledCapacity();
}

/** Cold error path kept out of release() so it stays small enough to inline (docs/v8-notes.md §4). */
function failRelease(name: string): never {
  throw new RangeError(`resource "${name}": release() with no busy server`);
}
