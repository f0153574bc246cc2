// A zone: a finite number of places an entity holds across several steps (terminal places, station
// tracks); entities wait in arrival order for a place. A fixed-capacity Resource under another name.
import { Resource } from './resource.js';
import type { Simulation } from './simulation.js';
import type { GrantCallback } from './waitline.js';

/** Places held from `enter` to `leave`, with a FIFO line for a place. */
export class Zone<T = unknown> extends Resource<T> {
  /** Throws RangeError unless places is a non-negative integer. */
  constructor(sim: Simulation, name: string, places: number) {
    super(sim, name, { capacity: places });
  }

  /** Takes a place now (true) or queues for one (false; `onEntered` is called later). */
  enter(entity: T, onEntered: GrantCallback<T>): boolean {
    return this.request(entity, onEntered);
  }

  /** Gives a place back; the first waiting entity takes it at once. */
  leave(): void {
    this.release();
  }

  /** Places in use now. */
  get occupied(): number {
    return this.busy;
  }
}
